/**
 * Stage B (config-semantics §7): connectors (§7.1), cycles (§7.2), signal support of every used
 * component (§7.3, §9) and the factories' own checks; then the start-up checks (stage S) that
 * `otelcol validate` never reaches, flagged `atStartup` (§6.4 tail_sampling, §6.5 extensions).
 */
import type { ComponentKind, Signal } from '../../config/componentId';
import { componentRuleFor } from '../componentRules/componentRuleRegistry';
import { ruleReader } from '../componentRules/ruleReader';
import { goList, goQuote } from '../goFormat';
import { componentIndex, locate, report, type ComponentNode, type PipelineNode, type ValidationContext } from '../validationContext';

const BUILD = 'failed to build pipelines: ';

interface Use {
  readonly component: ComponentNode;
  readonly pipeline: PipelineNode;
  readonly signal: Signal;
  readonly role: 'receivers' | 'processors' | 'exporters';
  readonly index: number;
}

function collectUses(ctx: ValidationContext, index: Map<string, ComponentNode>): Use[] {
  const uses: Use[] = [];
  for (const p of ctx.pipelines) {
    if (p.idError || !p.signal) continue;
    for (const role of ['receivers', 'processors', 'exporters'] as const) {
      const kinds: ComponentKind[] = role === 'processors' ? ['processor'] : [role === 'receivers' ? 'receiver' : 'exporter', 'connector'];
      p.roles[role].forEach((ref, i) => {
        if (!ref.id) return;
        for (const kind of kinds) {
          const component = index.get(`${kind}:${ref.id}`);
          if (component && !component.def.idError) {
            uses.push({ component, pipeline: p, signal: p.signal!, role, index: i });
            return;
          }
        }
      });
    }
  }
  return uses;
}

function pairsOf(c: ComponentNode): Set<string> | null {
  return c.catalog ? new Set(c.catalog.entry.signalPairs) : null;
}

function connectorChecks(ctx: ValidationContext, uses: Use[]): void {
  const byConnector = new Map<ComponentNode, { exp: Use[]; rcv: Use[] }>();
  for (const u of uses) {
    if (u.component.kind !== 'connector') continue;
    const entry = byConnector.get(u.component) ?? { exp: [], rcv: [] };
    (u.role === 'exporters' ? entry.exp : entry.rcv).push(u);
    byConnector.set(u.component, entry);
  }
  for (const [c, { exp, rcv }] of byConnector) {
    const pairs = pairsOf(c);
    if (!pairs) continue;
    const expSignals = [...new Set(exp.map((u) => u.signal))];
    const rcvSignals = [...new Set(rcv.map((u) => u.signal))];
    const fail = (message: string, use: Use): void => {
      report(ctx, { message: BUILD + message, stage: 'build', code: 'connector-use', file: use.pipeline.file, range: use.pipeline.roles[use.role][use.index]?.range ?? use.pipeline.keyRange, componentId: c.id, pipelineId: use.pipeline.id, docsUrl: c.catalog?.entry.docsUrl ?? null });
    };
    for (const e of expSignals) {
      if (rcvSignals.some((r) => pairs.has(`${e}_to_${r}`))) continue;
      const inPipelines = exp.filter((u) => u.signal === e);
      fail(`connector ${goQuote(c.id)} used as exporter in ${goList([...new Set(inPipelines.map((u) => u.pipeline.id))])} pipeline but not used in any supported receiver pipeline`, inPipelines[0]!);
    }
    for (const r of rcvSignals) {
      if (expSignals.some((e) => pairs.has(`${e}_to_${r}`))) continue;
      const inPipelines = rcv.filter((u) => u.signal === r);
      fail(`connector ${goQuote(c.id)} used as receiver in ${goList([...new Set(inPipelines.map((u) => u.pipeline.id))])} pipeline but not used in any supported exporter pipeline`, inPipelines[0]!);
    }
  }
}

/** Finds the first cycle of the pipeline graph, printed as the Collector prints it (§7.2). */
function cycleCheck(ctx: ValidationContext, uses: Use[]): void {
  const edges = new Map<string, string[]>();
  const label = new Map<string, string>();
  const addEdge = (a: string, b: string): void => {
    const list = edges.get(a) ?? [];
    list.push(b);
    edges.set(a, list);
  };
  const entry = new Map<PipelineNode, string>();
  const fanout = (p: PipelineNode): string => `fanout:${p.rawKey}`;
  for (const p of ctx.pipelines) {
    if (p.idError || !p.signal) continue;
    const procs = uses.filter((u) => u.pipeline === p && u.role === 'processors');
    let prev: string | null = null;
    for (const u of procs) {
      const node = `proc:${p.rawKey}:${u.index}`;
      label.set(node, `processor ${goQuote(u.component.id)} in pipeline ${goQuote(p.id)}`);
      if (prev) addEdge(prev, node);
      else entry.set(p, node);
      prev = node;
    }
    if (prev) addEdge(prev, fanout(p));
    else entry.set(p, fanout(p));
  }
  for (const c of new Set(uses.filter((u) => u.component.kind === 'connector').map((u) => u.component))) {
    const pairs = pairsOf(c);
    if (!pairs) continue;
    const exp = uses.filter((u) => u.component === c && u.role === 'exporters');
    const rcv = uses.filter((u) => u.component === c && u.role === 'receivers');
    for (const e of exp) {
      for (const r of rcv) {
        if (!pairs.has(`${e.signal}_to_${r.signal}`)) continue;
        const node = `conn:${c.id}:${e.signal}:${r.signal}`;
        label.set(node, `connector ${goQuote(c.id)} (${e.signal} to ${r.signal})`);
        addEdge(fanout(e.pipeline), node);
        addEdge(node, entry.get(r.pipeline)!);
      }
    }
  }
  for (const [k, list] of edges) edges.set(k, [...new Set(list)]);
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  let cycle: string[] | null = null;
  const dfs = (n: string): void => {
    if (cycle) return;
    state.set(n, 1);
    stack.push(n);
    for (const m of edges.get(n) ?? []) {
      if (cycle) break;
      const s = state.get(m);
      if (s === 1) cycle = stack.slice(stack.indexOf(m));
      else if (s === undefined) dfs(m);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of edges.keys()) if (!state.has(n)) dfs(n);
  if (!cycle) return;
  const named = (cycle as string[]).filter((n) => label.has(n));
  const start = named.findIndex((n) => n.startsWith('conn:'));
  const rotated = [...named.slice(start), ...named.slice(0, start)];
  const text = [...rotated, rotated[0]!].map((n) => label.get(n)!).join(' -> ');
  const first = uses.find((u) => u.component.kind === 'connector' && rotated[0]!.startsWith(`conn:${u.component.id}:`));
  report(ctx, {
    message: `${BUILD}cycle detected: ${text}`,
    stage: 'build',
    code: 'pipeline-cycle',
    file: first?.pipeline.file ?? ctx.files[0]!,
    range: first ? (first.pipeline.roles[first.role][first.index]?.range ?? first.pipeline.keyRange) : null,
    ...(first ? { componentId: first.component.id } : {}),
  });
}

function signalSupport(ctx: ValidationContext, uses: Use[]): void {
  const done = new Set<string>();
  for (const u of uses) {
    const c = u.component;
    if (c.kind === 'connector' || !c.catalog) continue;
    const key = `${c.kind}:${c.id}:${c.kind === 'processor' ? u.pipeline.id : u.signal}`;
    if (done.has(key)) continue;
    done.add(key);
    if (c.catalog.entry.signals.includes(u.signal)) continue;
    const message =
      c.kind === 'processor'
        ? `failed to create ${goQuote(c.id)} processor, in pipeline ${goQuote(u.pipeline.id)}: telemetry type is not supported`
        : `failed to create ${goQuote(c.id)} ${c.kind} for data type ${goQuote(u.signal)}: telemetry type is not supported`;
    report(ctx, {
      message: BUILD + message,
      stage: 'build',
      code: 'signal-unsupported',
      file: u.pipeline.file,
      range: u.pipeline.roles[u.role][u.index]?.range ?? u.pipeline.keyRange,
      componentId: c.id,
      pipelineId: u.pipeline.id,
      docsUrl: c.catalog.entry.docsUrl,
      explanation: `${c.catalog.entry.type} supports: ${c.catalog.entry.signals.join(', ') || 'no pipeline signals'}.`,
    });
  }
}

function factoryChecks(ctx: ValidationContext, uses: Use[]): void {
  const built = new Set<ComponentNode>();
  for (const u of uses) {
    const c = u.component;
    if (built.has(c) || !c.decoded || !c.catalog || !c.catalog.entry.signals.includes(u.signal) && c.kind !== 'connector') continue;
    built.add(c);
    const rule = componentRuleFor(c.kind, c.catalog.entry.type);
    const cfg = ruleReader(c.resolved);
    if (rule?.build) {
      const prefix = c.kind === 'processor' ? `failed to create ${goQuote(c.id)} processor, in pipeline ${goQuote(u.pipeline.id)}: ` : c.kind === 'connector' ? '' : `failed to create ${goQuote(c.id)} ${c.kind} for data type ${goQuote(u.signal)}: `;
      let first = true;
      rule.build(cfg, (message, path = []) => {
        if (!first) return; // the factory returns its first error (§1, stage B)
        first = false;
        report(ctx, { message: BUILD + prefix + message, stage: 'build', code: 'component-build', file: c.file, range: locate(c, path), componentId: c.id, pipelineId: u.pipeline.id, docsUrl: c.catalog?.entry.docsUrl ?? null });
      }, { pipelineId: u.pipeline.id, signal: u.signal });
    }
    if (rule?.start) {
      rule.start(cfg, (message, path = []) => {
        report(ctx, {
          message: `cannot start pipelines: failed to start ${goQuote(c.id)} ${c.kind}: ${message}`,
          stage: 'build',
          code: 'component-start',
          file: c.file,
          range: locate(c, path),
          componentId: c.id,
          atStartup: true,
          docsUrl: c.catalog?.entry.docsUrl ?? null,
        });
      });
    }
  }
}

/** Extension ids named by component settings must be defined and enabled (§6.5). */
function extensionReferences(ctx: ValidationContext, uses: Use[]): void {
  const enabled = new Set<string>((ctx.serviceExtensions?.refs ?? []).map((r) => r.id ?? ''));
  const defined = new Set<string>(ctx.components.filter((c) => c.kind === 'extension').map((c) => c.id));
  for (const c of new Set(uses.map((u) => u.component))) {
    const cfg = ruleReader(c.resolved);
    const refs: [string, (string | number)[], string][] = [];
    const walk = (v: unknown, path: (string | number)[]): void => {
      if (v === null || typeof v !== 'object') return;
      for (const [k, child] of Object.entries(v)) {
        if (typeof child === 'string' && !child.includes('${')) {
          if (k === 'authenticator' && path[path.length - 1] === 'auth') refs.push([child, [...path, k], `failed to resolve authenticator ${goQuote(child)}: authenticator not found`]);
          if (k === 'storage' && (path[path.length - 1] === 'sending_queue' || path.length === 0)) refs.push([child, [...path, k], 'no storage client extension found']);
        } else walk(child, [...path, Array.isArray(v) ? Number(k) : k]);
      }
    };
    walk(cfg.raw([]), []);
    for (const [id, path, message] of refs) {
      if (defined.has(id) && enabled.has(id)) continue;
      report(ctx, {
        message: `cannot start pipelines: failed to start ${goQuote(c.id)} ${c.kind}: ${message}`,
        stage: 'build',
        code: 'extension-reference',
        file: c.file,
        range: locate(c, path, 'value'),
        componentId: c.id,
        atStartup: true,
        explanation: defined.has(id) ? `Extension "${id}" is defined but not listed in service.extensions.` : `Extension "${id}" is not defined under extensions:.`,
      });
    }
  }
}

/** Runs stage B and the start-up checks. Returns the components used by pipelines. */
export function buildStage(ctx: ValidationContext): Set<ComponentNode> {
  const index = componentIndex(ctx);
  const uses = collectUses(ctx, index);
  connectorChecks(ctx, uses);
  cycleCheck(ctx, uses);
  signalSupport(ctx, uses);
  factoryChecks(ctx, uses);
  extensionReferences(ctx, uses);
  return new Set(uses.map((u) => u.component));
}
