/**
 * `pipeline-studio simulate CONFIG.yaml [--traces FILE]... [--scenario NAME] [--seed N]
 * [--traces-count N] [--env KEY=VALUE]... [--format text|json] [--out DIR]`
 *
 * Runs the same engine as the app's preview in Node: uploaded trace files or generated traces go
 * through the config's traces pipelines; the report shows per-pipeline, per-component counts and
 * per-policy hits (text) or `{summary, traces}` (JSON). `--out DIR` writes what each exporter
 * received as OTLP/JSON, one file per exporter.
 */
import { parseConfig } from '../../core/config/parseConfig';
import { isBroken } from '../../core/analysis/analyzeConfig';
import { findScenarioPreset, SCENARIO_PRESETS } from '../../core/generate/scenarioPresets';
import { generateIntoStore } from '../../core/generate/generateTraces';
import { ingestTraces } from '../../core/ingest/ingestTraces';
import { simulateStoreSync } from '../../core/simulation/simulateStore';
import type { SimulationResult } from '../../core/simulation/simulationResult';
import { encodeOtlpJson } from '../../core/telemetry/encodeOtlpJson';
import { createSpanStore } from '../../core/telemetry/spanStore';
import { validateConfig } from '../../core/validation/validateConfig';
import { isKnownDistribution } from '../../core/catalog/catalog';
import { type CliIo, UsageError } from '../io';
import type { Command } from '../main';

interface SimulateArgs {
  config: string;
  traces: string[];
  scenario: string;
  seed: number;
  tracesCount: number;
  env: Record<string, string>;
  format: 'text' | 'json';
  out: string | null;
  distro: string;
}

function parseArgs(args: string[]): SimulateArgs {
  const parsed: SimulateArgs = { config: '', traces: [], scenario: 'checkout', seed: 1, tracesCount: 1000, env: {}, format: 'text', out: null, distro: 'contrib' };
  const positional: string[] = [];
  const value = (i: number, flag: string) => {
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') && !a.startsWith('--env=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const take = () => inline ?? value(i++, flag);
    switch (flag) {
      case '--traces':
        parsed.traces.push(take());
        break;
      case '--scenario':
        parsed.scenario = take();
        break;
      case '--seed': {
        const v = take();
        if (!/^\d+$/.test(v) || Number(v) > 0xffffffff) throw new UsageError(`--seed must be an integer from 0 to 4294967295 (got ${v})`);
        parsed.seed = Number(v);
        break;
      }
      case '--traces-count': {
        const v = take();
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 10_000_000) throw new UsageError(`--traces-count must be an integer from 1 to 10000000 (got ${v})`);
        parsed.tracesCount = Number(v);
        break;
      }
      case '--env':
      case '--env=': {
        const v = a.startsWith('--env=') ? a.slice(6) : value(i++, '--env');
        const eq = v.indexOf('=');
        if (eq <= 0) throw new UsageError(`--env expects KEY=VALUE (got ${v})`);
        parsed.env[v.slice(0, eq)] = v.slice(eq + 1);
        break;
      }
      case '--format': {
        const v = take();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json (got ${v})`);
        parsed.format = v;
        break;
      }
      case '--out':
        parsed.out = take();
        break;
      case '--distro': {
        const v = take();
        if (!isKnownDistribution(v)) throw new UsageError(`unknown distribution ${v}`);
        parsed.distro = v;
        break;
      }
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        positional.push(a);
    }
  }
  if (positional.length !== 1) throw new UsageError('expects exactly one CONFIG file');
  parsed.config = positional[0]!;
  if (parsed.traces.length === 0 && !findScenarioPreset(parsed.scenario)) {
    throw new UsageError(`unknown scenario ${parsed.scenario} (known: ${SCENARIO_PRESETS.map((p) => p.id).join(', ')})`);
  }
  return parsed;
}

function pad(n: number | string, width: number): string {
  return String(n).padStart(width);
}

function textReport(result: SimulationResult): string[] {
  const s = result.summary;
  const lines: string[] = [];
  const pct = (a: number, b: number) => (b === 0 ? '0.0' : ((100 * a) / b).toFixed(1));
  lines.push(`input: ${s.inputSpans} spans in ${s.inputTraces} traces`);
  lines.push(`kept: ${s.sampledTraces} traces (${pct(s.sampledTraces, s.inputTraces)}%), not sampled ${s.notSampledTraces}, dropped ${s.droppedTraces}`);
  if (s.lateSpans || s.evictedTraces) lines.push(`late spans: ${s.lateSpans}, traces evicted before a decision: ${s.evictedTraces}`);
  const byPipeline = new Map<string, typeof result.nodes>();
  for (const node of result.nodes) {
    const key = node.pipelineId ?? '(connectors)';
    byPipeline.set(key, [...(byPipeline.get(key) ?? []), node]);
  }
  const roleOrder = (key: string) => (key.includes(':receivers:') ? 0 : key.includes(':processors:') ? 1 : key.includes(':exporters:') ? 2 : 3);
  for (const [pipeline, nodes] of byPipeline) {
    lines.push('', `${pipeline}:`);
    for (const n of [...nodes].sort((a, b) => roleOrder(a.key) - roleOrder(b.key))) {
      let counts: string;
      if (n.metricPoints > 0 && n.spansIn === 0) counts = `${pad(n.metricPoints, 9)} data points`;
      else if (n.kind === 'exporter') counts = `${pad(n.spansIn, 9)} spans received  ${pad(n.tracesIn, 7)} traces`;
      else if (n.kind === 'connector') counts = `${pad(n.spansIn, 9)} spans in  ${pad(n.tracesIn, 7)} traces${n.metricPoints ? ` → ${n.metricPoints} data points` : ` → ${n.spansOut} spans`}`;
      else counts = `${pad(n.spansIn, 9)} → ${pad(n.spansOut, 9)} spans  ${pad(n.tracesIn, 7)} → ${pad(n.tracesOut, 7)} traces`;
      const flag = n.errors.length ? `  ERROR: ${n.errors[0]}` : n.simulated ? '' : '  (not simulated)';
      lines.push(`  ${n.kind.padEnd(9)} ${n.componentId.padEnd(28)} ${counts}${flag}`);
    }
  }
  if (result.policies.length) {
    lines.push('', 'policies (traces matched / decided alone):');
    for (const p of result.policies) lines.push(`  ${p.policy.padEnd(28)} ${pad(p.matched, 7)} / ${pad(p.decidedAlone, 7)}`);
  }
  lines.push('', 'exporters:');
  for (const e of result.exporters) lines.push(`  ${e.exporterId.padEnd(28)} ${pad(e.spans, 9)} spans ${pad(e.traces, 7)} traces ${e.metricPoints ? `${e.metricPoints} data points` : ''}`.trimEnd());
  for (const issue of result.issues) if (issue.severity !== 'info') lines.push(`${issue.severity}: ${issue.message}`);
  if (s.notSimulated.length) lines.push('', `not simulated (data passed through): ${s.notSimulated.join(', ')}`);
  return lines;
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'Run traces (files or generated) through the config and report what each component and sampler did',
  usage: 'simulate CONFIG.yaml [--traces FILE]... [--scenario NAME] [--seed N] [--traces-count N] [--env KEY=VALUE]... [--format text|json] [--out DIR]',
  async run(argv, io: CliIo) {
    const args = parseArgs(argv);
    const text = await io.readText(args.config);
    const model = parseConfig(text);
    if (isBroken(model)) {
      for (const d of model.diagnostics.filter((x) => x.severity === 'error')) io.err(`${args.config}:${d.range?.start.line ?? 1}:${d.range?.start.column ?? 1}: error: ${d.message}`);
      return 1;
    }
    const validation = validateConfig(text, { distribution: args.distro, env: args.env });
    const errors = validation.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      for (const d of errors) io.err(`${args.config}:${d.range?.start.line ?? 1}:${d.range?.start.column ?? 1}: error: ${d.message}`);
      io.err(`pipeline-studio simulate: the Collector would not start with this config (${errors.length} error${errors.length === 1 ? '' : 's'})`);
      return 1;
    }

    const store = createSpanStore();
    if (args.traces.length > 0) {
      for (const file of args.traces) {
        const bytes = await io.readBytes(file);
        const chunks = function* () {
          for (let i = 0; i < bytes.length; i += 1 << 20) yield bytes.subarray(i, i + (1 << 20));
        };
        const ingest = await ingestTraces(chunks(), { fileName: file, store });
        for (const issue of ingest.issues.slice(0, 20)) io.err(`${file}: ${issue.severity}: ${issue.message}`);
        if (!ingest.ok && ingest.spans === 0) {
          io.err(`pipeline-studio simulate: ${file}: ${ingest.fatal ?? 'no spans could be read'}`);
          return 2;
        }
      }
    } else {
      generateIntoStore(store, findScenarioPreset(args.scenario)!.settings, { seed: args.seed, traceCount: args.tracesCount });
    }

    const { result, exported } = simulateStoreSync(model, store, 0, store.count, { env: args.env, keepExported: args.out !== null });
    if (args.format === 'json') {
      io.out(
        JSON.stringify(
          {
            summary: result.summary,
            traces: result.traces.map((t) => ({ traceId: t.traceId, decision: t.decision, policies: t.policies.map((p) => ({ name: p.policy, verdict: p.verdict })) })),
          },
          null,
          2,
        ),
      );
    } else {
      for (const line of textReport(result)) io.out(line);
    }
    if (args.out !== null) {
      await io.makeDir(args.out);
      for (const [exporterId, payloads] of exported) {
        const file = `${args.out}/${exporterId.replace(/[^A-Za-z0-9_.-]/g, '_')}.json`;
        // One OTLP/JSON document per exporter: every payload it received, in order.
        await io.writeText(file, `${JSON.stringify(encodeOtlpJson({ resourceSpans: payloads.flatMap((p) => p.resourceSpans) }))}\n`);
      }
    }
    return 0;
  },
};
