import { describe, expect, it } from 'vitest';
import { addToPipeline } from './addToPipeline';
import { removeFromPipeline } from './removeFromPipeline';
import { moveInPipeline } from './moveInPipeline';

function ok(result: ReturnType<typeof addToPipeline>): string {
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

const flow = `service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [memory_limiter, batch] # keep order
      exporters: [debug]
`;

describe('addToPipeline', () => {
  it('appends to a flow list, keeping its style and trailing comment', () => {
    expect(ok(addToPipeline(flow, 'traces', 'processors', 'filter'))).toBe(flow.replace('[memory_limiter, batch]', '[memory_limiter, batch, filter]'));
  });

  it('inserts at an index of a flow list', () => {
    expect(ok(addToPipeline(flow, 'traces', 'processors', 'filter', 0))).toBe(flow.replace('[memory_limiter, batch]', '[filter, memory_limiter, batch]'));
  });

  it('fills an empty flow list', () => {
    const text = flow.replace('[debug]', '[]');
    expect(ok(addToPipeline(text, 'traces', 'exporters', 'otlp_grpc'))).toBe(flow.replace('[debug]', '[otlp_grpc]'));
  });

  it('adds a line to a block list with its indentation', () => {
    const text = 'service:\n  pipelines:\n    logs:\n      receivers:\n        - filelog\n      exporters:\n        - debug\n';
    expect(ok(addToPipeline(text, 'logs', 'receivers', 'otlp'))).toBe(
      'service:\n  pipelines:\n    logs:\n      receivers:\n        - filelog\n        - otlp\n      exporters:\n        - debug\n',
    );
    expect(ok(addToPipeline(text, 'logs', 'receivers', 'otlp', 0))).toBe(
      'service:\n  pipelines:\n    logs:\n      receivers:\n        - otlp\n        - filelog\n      exporters:\n        - debug\n',
    );
  });

  it('turns an empty role into a list in the style of its neighbours', () => {
    const text = 'service:\n  pipelines:\n    logs:\n      receivers: [otlp]\n      processors:\n      exporters: [debug]\n';
    expect(ok(addToPipeline(text, 'logs', 'processors', 'batch'))).toBe(text.replace('processors:\n', 'processors: [batch]\n'));
    const block = 'service:\n  pipelines:\n    logs:\n      receivers:\n      - otlp\n      processors: # none yet\n      exporters:\n      - debug\n';
    expect(ok(addToPipeline(block, 'logs', 'processors', 'batch'))).toBe(block.replace('# none yet\n', '# none yet\n      - batch\n'));
  });

  it('creates a missing role key in the conventional order', () => {
    const text = 'service:\n  pipelines:\n    logs:\n      receivers: [otlp]\n      exporters: [debug]\n';
    expect(ok(addToPipeline(text, 'logs', 'processors', 'batch'))).toBe(text.replace('      exporters', '      processors: [batch]\n      exporters'));
  });

  it('keeps CRLF line endings and a missing final newline', () => {
    const text = 'service:\r\n  pipelines:\r\n    logs:\r\n      receivers:\r\n        - otlp';
    expect(ok(addToPipeline(text, 'logs', 'receivers', 'filelog'))).toBe(`${text}\r\n        - filelog`);
  });

  it('refuses a missing pipeline, a duplicate, an invalid id and a bad index', () => {
    expect(addToPipeline(flow, 'metrics', 'receivers', 'otlp')).toEqual({ ok: false, reason: 'The pipeline "metrics" does not exist.' });
    expect(addToPipeline(flow, 'traces', 'receivers', 'otlp')).toMatchObject({ ok: false, reason: 'otlp is already in the receivers of pipeline traces.' });
    expect(addToPipeline(flow, 'traces', 'receivers', 'bad type/x').ok).toBe(false);
    expect(addToPipeline(flow, 'traces', 'receivers', 'jaeger', 5).ok).toBe(false);
  });

  it('refuses text that does not parse', () => {
    const result = addToPipeline('service: [\n', 'traces', 'receivers', 'otlp');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^The YAML does not parse \(line \d+:/);
  });
});

describe('removeFromPipeline', () => {
  it('removes from a flow list without dangling commas', () => {
    expect(ok(removeFromPipeline(flow, 'traces', 'processors', 0))).toBe(flow.replace('[memory_limiter, batch]', '[batch]'));
    expect(ok(removeFromPipeline(flow, 'traces', 'processors', 1))).toBe(flow.replace('[memory_limiter, batch]', '[memory_limiter]'));
    expect(ok(removeFromPipeline(flow, 'traces', 'receivers', 0))).toBe(flow.replace('[otlp]', '[]'));
  });

  it('removes a block item with its attached comment line', () => {
    const text = 'service:\n  pipelines:\n    logs:\n      processors:\n        - memory_limiter\n        # batch last\n        - batch # ok\n      exporters: [debug]\n';
    expect(ok(removeFromPipeline(text, 'logs', 'processors', 1))).toBe(text.replace('        # batch last\n        - batch # ok\n', ''));
  });

  it('leaves [] when a block list loses its last item', () => {
    const text = 'service:\n  pipelines:\n    logs:\n      processors: # p\n        - batch\n      exporters: [debug]\n';
    expect(ok(removeFromPipeline(text, 'logs', 'processors', 0))).toBe('service:\n  pipelines:\n    logs:\n      processors: [] # p\n      exporters: [debug]\n');
  });
});

describe('moveInPipeline', () => {
  it('reorders a flow list in place', () => {
    const text = flow.replace('[memory_limiter, batch]', '[a, "b", c]');
    expect(ok(moveInPipeline(text, 'traces', 'processors', 2, 0))).toBe(flow.replace('[memory_limiter, batch]', '[c, a, "b"]'));
    expect(ok(moveInPipeline(text, 'traces', 'processors', 0, 2))).toBe(flow.replace('[memory_limiter, batch]', '["b", c, a]'));
  });

  it('moves block items with their comments', () => {
    const text = 'p:\n  processors:\n    # first\n    - a\n    - b # bee\n    # about c\n    - c\n';
    const moved = ok(moveInPipeline(`service:\n  pipelines:\n    traces:\n${text.split('\n').slice(1).map((l) => (l ? `    ${l}` : l)).join('\n')}`, 'traces', 'processors', 2, 0));
    expect(moved).toBe('service:\n  pipelines:\n    traces:\n      processors:\n        # about c\n        - c\n        # first\n        - a\n        - b # bee\n');
    expect(ok(moveInPipeline(moved, 'traces', 'processors', 0, 2))).toBe(
      'service:\n  pipelines:\n    traces:\n      processors:\n        # first\n        - a\n        - b # bee\n        # about c\n        - c\n',
    );
  });

  it('moves the last item of a file without a final newline', () => {
    const text = 'service:\n  pipelines:\n    traces:\n      processors:\n        - a\n        - b';
    expect(ok(moveInPipeline(text, 'traces', 'processors', 1, 0))).toBe('service:\n  pipelines:\n    traces:\n      processors:\n        - b\n        - a');
  });
});
