/**
 * The proof that canvas edits are minimal splices (sync-design.md): for real configs from the
 * corpus, each edit followed by its inverse gives back the original bytes, and each forward edit
 * visibly changes the parsed model (so a no-op can't pass).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ComponentKind } from '../componentId';
import type { ConfigModel, PipelineRole } from '../configModel';
import { parseConfig } from '../parseConfig';
import { addComponent } from './addComponent';
import { addPipeline } from './addPipeline';
import { addToPipeline } from './addToPipeline';
import { applyEdits } from './applyEdits';
import { duplicatePipeline } from './duplicatePipeline';
import type { EditResult } from './editResult';
import { moveInPipeline } from './moveInPipeline';
import { removeComponent } from './removeComponent';
import { removeFromPipeline } from './removeFromPipeline';
import { removePipeline } from './removePipeline';
import { renameComponent } from './renameComponent';
import { rolesOf } from './componentReferences';
import { setComponentValue } from './setComponentValue';

/** Chosen for variety; the comment says what each brings. */
const FILES = [
  'jaeger__cmd__jaeger__config-elasticsearch.yaml', // anchors and aliases, extensions
  'jaeger__cmd__jaeger__config-spm-clickhouse.yaml', // anchor inside an extension, header comment
  'core__otelcol__testdata__otelcol-cyclic-connector.yaml', // connector, no final newline
  'core__otelcol__testdata__otelcol-valid-connector-use.yaml', // connector in 3 pipelines, no final newline
  'contrib__exporter__faroexporter__testdata__config.yaml', // no final newline
  'grafana-alloy__internal__converter__internal__otelcolconvert__testdata__otelcol_dedup__samereceiver.yaml', // comments, no final newline
  'splunk__cmd__otelcol__config__collector__gateway_config.yaml', // flow and block lists, connector, 6 pipelines
  'splunk__cmd__otelcol__config__collector__agent_config.yaml', // flow and block lists, many comments
  'newrelic-examples__other-examples__collector__host-monitoring__k8s__collector__collector-config-doc-0-data-collector-config.yaml', // mixed lists
  'splunk__cmd__otelcol__config__collector__full_config_linux.yaml', // 3,400 comment marks, commented-out blocks
  'helm-charts__charts__opentelemetry-demo__values__doc-0-opentelemetry-collector-config.yaml', // spanmetrics connector
  'demo__src__otel-collector__otelcol-config.yaml', // the demo: connectors, block lists
  'splunk__cmd__otelcol__config__collector__splunk_logs_config_linux.yaml', // 1,100 lines, block lists, no final newline
  'helm-charts__charts__opentelemetry-collector__values__doc-0-config.yaml', // block lists only
  'contrib__exporter__syslogexporter__examples__config_with_syslog_receiver.yaml', // block lists, comments
  'releases__tests__golden__config.yaml', // block lists
  'jaeger__docker-compose__monitor__otel-collector-config-connector.yaml', // spanmetrics connector
  'grafana-alloy__internal__converter__internal__otelcolconvert__testdata__spanmetrics.yaml', // connector between pipelines
  'grafana-alloy__internal__converter__internal__otelcolconvert__testdata__servicegraph.yaml', // servicegraph connector
  'contrib__exporter__datadogexporter__examples__collector.yaml', // 536 lines, mostly comments
  'splunk__cmd__otelcol__config__collector__logs_config_linux.yaml', // 755 lines
  'contrib__connector__datadogconnector__examples__config.yaml', // connector, heavy comments
  'splunk__cmd__otelcol__config__collector__splunk_logs_config_windows.yaml', // 15 pipelines
  'core__internal__e2e__testdata__metric_stability_test_readers.yaml', // 6 pipelines
  'core__otelcol__otelcoltest__testdata__config.yaml', // 4-space indentation
  'core__confmap__internal__testdata__config.yaml', // 4-space indentation
  'contrib__processor__sumologicprocessor__testdata__config.yaml', // 6 pipelines of one processor
  'aws-adot__config__eks__prometheus__config-all.yaml', // 415 lines, long prometheus scrape configs
  'helm-charts__charts__opentelemetry-kube-stack__values__doc-0-collectors-daemon-config.yaml', // block lists
  'contrib__receiver__gitlabreceiver__testdata__config.yaml', // no final newline
];

/** Files also run with CRLF line endings (the corpus has none). */
const CRLF = new Set(['splunk__cmd__otelcol__config__collector__gateway_config.yaml', 'releases__tests__golden__config.yaml', 'core__otelcol__testdata__otelcol-cyclic-connector.yaml']);

const dir = new URL('../../../../reference/corpus/configs/', import.meta.url);
const PROBE = 'studio_probe/rt';

function applied(result: EditResult, what: string): string {
  if (!result.ok) throw new Error(`${what}: refused: ${result.reason}`);
  // The edits must reproduce the text: the editor applies them, not the text.
  expect(applyEdits(textBefore, result.edits)?.text, `${what}: edits reproduce the text`).toBe(result.text);
  return result.text;
}

let textBefore = '';
function step(text: string, run: (t: string) => EditResult, what: string): string {
  textBefore = text;
  const result = run(text);
  // Additions only insert: nothing of the original text is replaced.
  if (result.ok && /: (add|duplicate)/.test(what)) expect(result.edits.every((e) => e.from === e.to), `${what}: pure insertion`).toBe(true);
  return applied(result, what);
}

function lists(model: ConfigModel): { pipeline: string; role: PipelineRole; ids: string[] }[] {
  return model.pipelines.flatMap((p) => (['receivers', 'processors', 'exporters'] as const).map((role) => ({ pipeline: p.id as string, role, ids: p[role].map((r) => r.raw) })));
}

function scalarLeaf(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: string | number | boolean } | null {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return path.length > 0 ? { path, value } : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = scalarLeaf(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = scalarLeaf(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

function getAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | null)?.[k], value);
}

const counts = new Map<string, number>();
function count(kind: string): void {
  counts.set(kind, (counts.get(kind) ?? 0) + 1);
}

function roundTrips(name: string, original: string): void {
  const model = parseConfig(original);
  expect(model.usable, name).toBe(true);

  // 1. add component ↔ remove component, into an existing section.
  const kinds: ComponentKind[] = ['processor', 'exporter', 'receiver', 'connector', 'extension'];
  const kind = kinds.find((k) => model.components.some((c) => c.kind === k))!;
  const body = { endpoint: 'localhost:1234', tags: ['a', 'b c'], nested: { on: true } };
  const added = step(original, (t) => addComponent(t, kind, PROBE, body), `${name}: addComponent`);
  expect(parseConfig(added).components.find((c) => c.kind === kind && c.id === PROBE)?.config).toEqual(body);
  expect(step(added, (t) => removeComponent(t, kind, PROBE), `${name}: removeComponent`)).toBe(original);
  count('add ↔ remove component');

  // 2. add to pipeline ↔ remove from pipeline, at the end and at the front of a non-empty list.
  const target = lists(model).find((l) => l.role === 'processors' && l.ids.length > 0) ?? lists(model).find((l) => l.ids.length > 0)!;
  const atEnd = step(original, (t) => addToPipeline(t, target.pipeline, target.role, PROBE), `${name}: addToPipeline end`);
  expect(lists(parseConfig(atEnd)).find((l) => l.pipeline === target.pipeline && l.role === target.role)?.ids).toEqual([...target.ids, PROBE]);
  expect(step(atEnd, (t) => removeFromPipeline(t, target.pipeline, target.role, target.ids.length), `${name}: removeFromPipeline end`)).toBe(original);
  const atFront = step(original, (t) => addToPipeline(t, target.pipeline, target.role, PROBE, 0), `${name}: addToPipeline front`);
  expect(lists(parseConfig(atFront)).find((l) => l.pipeline === target.pipeline && l.role === target.role)?.ids).toEqual([PROBE, ...target.ids]);
  expect(step(atFront, (t) => removeFromPipeline(t, target.pipeline, target.role, 0), `${name}: removeFromPipeline front`)).toBe(original);
  count('add ↔ remove in pipeline');

  // 3. move ↔ move back, in the longest list (one-entry lists get the probe first, removed after).
  const longest = [...lists(model)].sort((a, b) => b.ids.length - a.ids.length)[0]!;
  const base = longest.ids.length >= 2 ? original : atEnd;
  const moveList = longest.ids.length >= 2 ? longest : { ...target, ids: [...target.ids, PROBE] };
  const last = moveList.ids.length - 1;
  const moved = step(base, (t) => moveInPipeline(t, moveList.pipeline, moveList.role, 0, last), `${name}: move`);
  expect(lists(parseConfig(moved)).find((l) => l.pipeline === moveList.pipeline && l.role === moveList.role)?.ids).toEqual([...moveList.ids.slice(1), moveList.ids[0]]);
  expect(step(moved, (t) => moveInPipeline(t, moveList.pipeline, moveList.role, last, 0), `${name}: move back`)).toBe(base);
  count(longest.ids.length >= 2 ? 'move ↔ move back' : 'move ↔ move back (after adding the probe)');

  // 4. rename ↔ rename back: a referenced receiver, a service extension, a connector.
  const renames: { kind: ComponentKind; id: string }[] = [];
  const receiver = model.pipelines.flatMap((p) => p.receivers).find((r) => r.id && model.components.some((c) => c.kind === 'receiver' && c.id === r.id));
  if (receiver?.id) renames.push({ kind: 'receiver', id: receiver.id });
  const extension = model.serviceExtensions.find((e) => e.id && model.components.some((c) => c.kind === 'extension' && c.id === e.id));
  if (extension?.id) renames.push({ kind: 'extension', id: extension.id });
  const connector = model.components.find((c) => c.kind === 'connector');
  if (connector) renames.push({ kind: 'connector', id: connector.id });
  for (const { kind: k, id } of renames) {
    const newId = id.includes('/') ? `${id}_rt` : `${id}/rt`;
    const renamed = step(original, (t) => renameComponent(t, k, id, newId), `${name}: rename ${k} ${id}`);
    const after = parseConfig(renamed);
    expect(after.components.some((c) => c.kind === k && c.id === newId), `${name}: ${newId} defined`).toBe(true);
    // Only the lists of the kind's roles: a receiver and an exporter may share an id (`nop`).
    const roles = rolesOf(k);
    const refsBefore = JSON.stringify(model.pipelines.map((p) => roles.map((role) => p[role].filter((r) => r.id === id).length)));
    const refsAfter = JSON.stringify(after.pipelines.map((p) => roles.map((role) => p[role].filter((r) => r.id === newId).length)));
    if (k !== 'extension') expect(refsAfter, `${name}: references renamed`).toBe(refsBefore);
    else expect(after.serviceExtensions.some((e) => e.id === newId)).toBe(true);
    expect(step(renamed, (t) => renameComponent(t, k, newId, id), `${name}: rename back ${k}`)).toBe(original);
    count(`  of which rename ${k}`);
  }
  count('rename ↔ rename back');

  // 5. add pipeline ↔ remove pipeline.
  const withPipeline = step(original, (t) => addPipeline(t, 'traces/studio_rt'), `${name}: addPipeline`);
  expect(parseConfig(withPipeline).pipelines.find((p) => p.id === 'traces/studio_rt')).toMatchObject({ receivers: [], exporters: [] });
  expect(step(withPipeline, (t) => removePipeline(t, 'traces/studio_rt'), `${name}: removePipeline`)).toBe(original);
  count('add ↔ remove pipeline');

  // 6. duplicate pipeline ↔ remove the copy.
  const source = model.pipelines[0]!;
  const copyId = `${source.signal}/studio_copy`;
  const duplicated = step(original, (t) => duplicatePipeline(t, source.id, copyId), `${name}: duplicatePipeline`);
  const copy = parseConfig(duplicated).pipelines.find((p) => p.id === copyId);
  expect(copy?.processors.map((r) => r.raw)).toEqual(source.processors.map((r) => r.raw));
  expect(copy?.exporters.map((r) => r.raw)).toEqual(source.exporters.map((r) => r.raw));
  expect(step(duplicated, (t) => removePipeline(t, copyId), `${name}: remove copy`)).toBe(original);
  count('duplicate ↔ remove pipeline');

  // 7. set a value ↔ delete it / set the original back.
  let setDone = false;
  for (const component of model.components) {
    // A mapping body, or an empty one (`nop:`), which becomes a mapping and empty again.
    if (component.config !== null && (typeof component.config !== 'object' || Array.isArray(component.config))) continue;
    const result = setComponentValue(original, component.kind, component.id, ['studio_probe', 'level'], 42);
    if (!result.ok) continue; // e.g. a body shared through an anchor
    textBefore = original;
    const set = applied(result, `${name}: set new key in ${component.id}`);
    expect((parseConfig(set).components.find((c) => c.kind === component.kind && c.id === component.id)?.config as Record<string, unknown>).studio_probe).toEqual({ level: 42 });
    expect(step(set, (t) => setComponentValue(t, component.kind, component.id, ['studio_probe'], undefined), `${name}: delete new key`)).toBe(original);
    const leaf = component.config === null ? null : scalarLeaf(component.config);
    if (leaf) {
      const changed = typeof leaf.value === 'string' ? `${leaf.value}-changed` : typeof leaf.value === 'number' ? leaf.value + 1 : !leaf.value;
      const edited = step(original, (t) => setComponentValue(t, component.kind, component.id, leaf.path, changed), `${name}: set ${component.id}.${leaf.path.join('.')}`);
      expect(getAt(parseConfig(edited).components.find((c) => c.kind === component.kind && c.id === component.id)?.config, leaf.path)).toEqual(changed);
      expect(step(edited, (t) => setComponentValue(t, component.kind, component.id, leaf.path, leaf.value), `${name}: restore ${leaf.path.join('.')}`)).toBe(original);
    }
    setDone = true;
    break;
  }
  expect(setDone, `${name}: some component could be edited`).toBe(true);
  count('set ↔ restore value');
}

describe('round trips over 30 corpus configs: every edit and its inverse give back the original bytes', () => {
  it.each(FILES)('%s', (file) => {
    const original = readFileSync(new URL(file, dir), 'utf8');
    roundTrips(file, original);
    if (CRLF.has(file)) roundTrips(`${file} (CRLF)`, original.replace(/\r?\n/g, '\r\n'));
  });

  it('ran every edit kind on every file', () => {
    // Logged for the report.
    console.log([...counts].map(([k, n]) => `${k}: ${n}`).join('\n'));
    expect(counts.get('add ↔ remove component')).toBe(FILES.length + CRLF.size);
    const moves = (counts.get('move ↔ move back') ?? 0) + (counts.get('move ↔ move back (after adding the probe)') ?? 0);
    for (const [kind, n] of counts) if (!kind.startsWith('move') && !kind.startsWith(' ')) expect(n, kind).toBe(FILES.length + CRLF.size);
    expect(moves).toBe(FILES.length + CRLF.size);
  });
});
