/** Edge cases from sync-design.md: what is handled exactly, and what is refused with which reason. */
import { describe, expect, it } from 'vitest';
import { addComponent } from './addComponent';
import { addToPipeline } from './addToPipeline';
import { findComponent } from '../../catalog/catalog';
import { parseConfig } from '../parseConfig';
import { defaultBody, typesWithDefaultBody } from './defaultBody';
import type { EditResult } from './editResult';
import { removeComponent } from './removeComponent';
import { removeFromPipeline } from './removeFromPipeline';
import { renameComponent } from './renameComponent';
import { setComponentValue } from './setComponentValue';

function ok(result: EditResult): string {
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

describe('layout the edits must keep', () => {
  it('keeps tabs inside comments and comments after items', () => {
    const text = 'receivers:\n  otlp: #\tmain\t entry\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp] #\tin\n';
    expect(ok(addToPipeline(text, 'traces', 'receivers', 'zipkin'))).toBe(text.replace('[otlp] #\tin', '[otlp, zipkin] #\tin'));
    expect(ok(addComponent(text, 'receiver', 'zipkin', null))).toBe(text.replace('#\tmain\t entry\n', '#\tmain\t entry\n  zipkin:\n'));
  });

  it('matches quoted ids and keeps their quotes', () => {
    const text = 'receivers:\n  "otlp/a":\nservice:\n  pipelines:\n    traces:\n      receivers: ["otlp/a", \'otlp/a \']\n';
    expect(ok(renameComponent(text, 'receiver', 'otlp/a', 'otlp/b'))).toBe(text.replace('"otlp/a":', '"otlp/b":').replace('["otlp/a", \'otlp/a \']', '["otlp/b", \'otlp/b\']'));
    expect(ok(removeFromPipeline(text, 'traces', 'receivers', 0))).toBe(text.replace('"otlp/a", ', ''));
  });

  it('quotes a new id that is not safe in a flow list', () => {
    const text = 'service:\n  pipelines:\n    traces:\n      receivers: [otlp]\n';
    expect(ok(addToPipeline(text, 'traces', 'receivers', 'otlp/a,b'))).toBe(text.replace('[otlp]', '[otlp, "otlp/a,b"]'));
  });

  it('keeps CRLF everywhere it writes', () => {
    const text = 'receivers:\r\n  otlp:\r\nservice:\r\n  pipelines:\r\n    traces:\r\n      receivers:\r\n        - otlp\r\n';
    expect(ok(addComponent(text, 'receiver', 'zipkin', { endpoint: 'x:1' }))).toBe(text.replace('  otlp:\r\n', '  otlp:\r\n  zipkin:\r\n    endpoint: x:1\r\n'));
    expect(ok(removeComponent(text, 'receiver', 'otlp'))).toBe('receivers:\r\nservice:\r\n  pipelines:\r\n    traces:\r\n      receivers: []\r\n');
  });

  it('edits only the first document, and an Operator v1beta1 spec.config in place', () => {
    const multi = 'receivers:\n  otlp:\n---\nreceivers:\n  other:\n';
    expect(ok(addComponent(multi, 'receiver', 'zipkin', null))).toBe('receivers:\n  otlp:\n  zipkin:\n---\nreceivers:\n  other:\n');
    const operator = 'apiVersion: opentelemetry.io/v1beta1\nkind: OpenTelemetryCollector\nspec:\n  config:\n    receivers:\n      otlp:\n';
    expect(ok(addComponent(operator, 'processor', 'batch', null))).toBe(`${operator}    processors:\n      batch:\n`);
  });
});

describe('shapes of lists and empty values', () => {
  it('adds to a multi-line flow list on its own line', () => {
    const text = 'service:\n  pipelines:\n    traces:\n      receivers: [\n        otlp,\n        jaeger\n      ]\n';
    expect(ok(addToPipeline(text, 'traces', 'receivers', 'zipkin'))).toBe(text.replace('jaeger\n', 'jaeger,\n        zipkin\n'));
    expect(ok(removeFromPipeline(ok(addToPipeline(text, 'traces', 'receivers', 'zipkin')), 'traces', 'receivers', 2))).toBe(text);
  });

  it('replaces an explicit null (~, null) when the value becomes a list or mapping', () => {
    const text = 'receivers: ~\nservice:\n  pipelines:\n    traces:\n      receivers: null\n';
    expect(ok(addToPipeline(text, 'traces', 'receivers', 'otlp'))).toBe(text.replace('receivers: null', 'receivers: [otlp]'));
    expect(ok(addComponent(text, 'receiver', 'otlp', null))).toBe(text.replace('receivers: ~\n', 'receivers:\n  otlp:\n'));
  });

  it('sets a value in a mapping that is a list entry', () => {
    const text = 'processors:\n  attributes:\n    actions:\n      - key: a\n        action: delete\n';
    expect(ok(setComponentValue(text, 'processor', 'attributes', ['actions', 0, 'action'], 'hash'))).toBe(text.replace('delete', 'hash'));
    expect(ok(setComponentValue(text, 'processor', 'attributes', ['actions', 0, 'pattern'], 'x.*'))).toBe(`${text}        pattern: x.*\n`);
    expect(ok(setComponentValue(text, 'processor', 'attributes', ['actions', 1], { key: 'b', action: 'insert' }))).toBe(`${text}      - key: b\n        action: insert\n`);
    expect(setComponentValue(text, 'processor', 'attributes', ['actions', 0, 'key'], undefined).ok).toBe(false);
  });
});

describe('refusals', () => {
  it('refuses text with a duplicate key', () => {
    const result = addComponent('receivers:\n  otlp:\n  otlp:\n', 'receiver', 'zipkin');
    expect(result).toEqual({ ok: false, reason: 'The key "otlp" appears twice in one mapping (line 3); the Collector rejects that, so fix it before editing on the canvas.' });
  });

  it('refuses a root that is not a mapping', () => {
    expect(addComponent('- a\n- b\n', 'receiver', 'zipkin').ok).toBe(false);
  });

  it('refuses an Operator v1alpha1 config held in a string', () => {
    const text = 'apiVersion: opentelemetry.io/v1alpha1\nkind: OpenTelemetryCollector\nspec:\n  config: |\n    receivers:\n      otlp:\n';
    const result = addComponent(text, 'receiver', 'zipkin');
    expect(!result.ok && result.reason).toMatch(/string in spec\.config/);
  });

  it('refuses a pipeline list that is an alias or an anchor others use; removes through the anchor', () => {
    const text = 'receivers:\n  otlp:\nservice:\n  pipelines:\n    traces:\n      receivers: &in [otlp]\n    logs:\n      receivers: *in\n';
    expect(addToPipeline(text, 'logs', 'receivers', 'zipkin')).toMatchObject({ ok: false });
    const anchored = addToPipeline(text, 'traces', 'receivers', 'zipkin');
    expect(!anchored.ok && anchored.reason).toBe(
      'The receivers list of pipeline "traces" is anchored as &in and reused through aliases; editing it here would change every place that uses *in. Edit it in the text editor.',
    );
    // Removing a component removes it from the anchored list once, which every alias sees.
    expect(ok(removeComponent(text, 'receiver', 'otlp'))).toBe(text.replace('  otlp:\n', '').replace('&in [otlp]', '&in []'));
  });
});

describe('defaultBody', () => {
  it('gives the starter bodies the palette uses', () => {
    expect(defaultBody('receiver', 'otlp')).toEqual({ protocols: { grpc: { endpoint: 'localhost:4317' }, http: { endpoint: 'localhost:4318' } } });
    expect(defaultBody('processor', 'memory_limiter')).toEqual({ check_interval: '1s', limit_percentage: 80, spike_limit_percentage: 20 });
    expect(defaultBody('processor', 'batch')).toBeNull();
    expect(defaultBody('exporter', 'otlp')).toEqual({ endpoint: 'localhost:4317' });
    expect(defaultBody('connector', 'spanmetrics')).toEqual(defaultBody('connector', 'span_metrics'));
    expect(defaultBody('receiver', 'no_such_type')).toBeNull();
  });

  it('covers 30+ catalogue types, each rendering back to the same values', () => {
    const types = typesWithDefaultBody();
    expect(types.length).toBeGreaterThanOrEqual(30);
    for (const { kind, type } of types) {
      expect(findComponent(kind, type), `${kind} ${type} is in the catalogue`).not.toBeNull();
      const text = ok(addComponent('service:\n  pipelines: {}\n', kind, type));
      expect(parseConfig(text).components.find((c) => c.kind === kind && c.id === type)?.config, `${kind} ${type}`).toEqual(defaultBody(kind, type));
    }
  });

  it('returns a fresh copy each time', () => {
    const body = defaultBody('exporter', 'debug') as Record<string, unknown>;
    body.verbosity = 'detailed';
    expect(defaultBody('exporter', 'debug')).toEqual({ verbosity: 'basic' });
  });
});
