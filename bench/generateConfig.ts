/**
 * A deterministic 200-component config (40 receivers, 100 processors, 50 exporters,
 * 10 connectors, 40 pipelines; ~1,350 lines), the shape the team's perf probe measured (u1–u5).
 */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateConfig(): string {
  const rand = rng(3);
  const L: string[] = [];
  const recv: string[] = [];
  const proc: string[] = [];
  const exp: string[] = [];
  const conn: string[] = [];
  L.push('# generated: 200 components for the designer benchmark', 'receivers:');
  for (let i = 0; i < 40; i++) {
    const kind = ['otlp', 'file_log', 'prometheus', 'host_metrics', 'jaeger'][i % 5]!;
    const id = `${kind}/r${i}`;
    recv.push(id);
    L.push(`  ${id}:`);
    if (kind === 'otlp') L.push('    protocols:', '      grpc:', `        endpoint: localhost:${4317 + i}`, '      http:', `        endpoint: localhost:${5318 + i}`);
    else if (kind === 'file_log') L.push(`    include: [/var/log/app${i}/*.log]`, '    start_at: end', '    operators:', '      - type: json_parser', '        timestamp:', '          parse_from: attributes.time', "          layout: '%Y-%m-%dT%H:%M:%S'");
    else if (kind === 'prometheus') L.push('    config:', '      scrape_configs:', `        - job_name: job-${i}`, '          scrape_interval: 15s', '          static_configs:', `            - targets: ['svc-${i}:9090']`);
    else if (kind === 'host_metrics') L.push('    collection_interval: 30s', '    scrapers:', '      cpu:', '      memory:', '      disk:', '      network:');
    else L.push('    protocols:', '      thrift_http:', `        endpoint: localhost:${14268 + i}`);
  }
  L.push('processors:');
  for (let i = 0; i < 100; i++) {
    const kind = ['batch', 'memory_limiter', 'attributes', 'filter', 'probabilistic_sampler', 'tail_sampling', 'resource', 'transform'][i % 8]!;
    const id = `${kind}/p${i}`;
    proc.push(id);
    L.push(`  ${id}:`);
    if (kind === 'batch') L.push('    send_batch_size: 8192', '    timeout: 5s');
    else if (kind === 'memory_limiter') L.push('    check_interval: 1s', '    limit_percentage: 80', '    spike_limit_percentage: 20');
    else if (kind === 'attributes') L.push('    actions:', '      - key: env', '        value: production', '        action: upsert', '      - key: http.request.header.authorization', '        action: delete', '      - key: user.email', '        action: hash');
    else if (kind === 'filter') L.push('    error_mode: ignore', '    traces:', '      span:', `        - attributes["http.route"] == "/healthz${i}"`, '        - name == "GET /metrics"');
    else if (kind === 'probabilistic_sampler') L.push(`    sampling_percentage: ${(i % 50) + 1}`, '    hash_seed: 22');
    else if (kind === 'tail_sampling') L.push('    decision_wait: 10s', '    num_traces: 50000', '    policies:', '      - name: errors', '        type: status_code', '        status_code: {status_codes: [ERROR]}', '      - name: slow', '        type: latency', '        latency: {threshold_ms: 500}', '      - name: rest', '        type: probabilistic', '        probabilistic: {sampling_percentage: 10}');
    else if (kind === 'resource') L.push('    attributes:', '      - key: deployment.environment.name', '        value: prod', '        action: insert');
    else L.push('    error_mode: ignore', '    trace_statements:', '      - context: span', '        statements:', '          - set(attributes["team"], "core")');
  }
  L.push('exporters:');
  for (let i = 0; i < 50; i++) {
    const kind = ['otlp_grpc', 'otlp_http', 'debug', 'kafka', 'file'][i % 5]!;
    const id = `${kind}/e${i}`;
    exp.push(id);
    L.push(`  ${id}:`);
    if (kind === 'otlp_grpc') L.push(`    endpoint: backend-${i}:4317`, '    tls:', '      insecure: true', '    sending_queue:', '      num_consumers: 4', '      queue_size: 1000');
    else if (kind === 'otlp_http') L.push(`    endpoint: https://ingest-${i}.example.com`, '    compression: gzip', '    headers:', '      authorization: ${env:API_TOKEN}');
    else if (kind === 'debug') L.push('    verbosity: basic');
    else if (kind === 'kafka') L.push('    brokers: [kafka-0:9092, kafka-1:9092]', `    topic: otlp_spans_${i}`);
    else L.push(`    path: /data/out-${i}.jsonl`);
  }
  L.push('connectors:');
  for (let i = 0; i < 10; i++) {
    const kind = ['span_metrics', 'forward', 'count'][i % 3]!;
    const id = `${kind}/c${i}`;
    conn.push(id);
    L.push(`  ${id}:`);
  }
  L.push('service:', '  pipelines:');
  for (let i = 0; i < 40; i++) {
    const signal = ['traces', 'metrics', 'logs'][i % 3]!;
    L.push(`    ${signal}/q${i}:`);
    const rs = [recv[(rand() * recv.length) | 0]!];
    if (i % 4 === 0) rs.push(conn[i % 10]!);
    const ps: string[] = [];
    const np = 3 + ((rand() * 3) | 0);
    for (let k = 0; k < np; k++) ps.push(proc[(i * 5 + k * 7) % 100]!);
    const es = [exp[(i * 3) % 50]!, exp[(i * 7 + 1) % 50]!];
    if (i % 4 === 2) es.push(conn[(i + 1) % 10]!);
    L.push(`      receivers: [${rs.join(', ')}]`, `      processors: [${ps.join(', ')}]`, `      exporters: [${es.join(', ')}]`);
  }
  return `${L.join('\n')}\n`;
}
