import { describe, expect, it } from 'vitest';
import { SAMPLE_CONFIG } from '../samples/sampleConfig';
import { locateAtOffset } from './locateAtOffset';
import { parseConfig } from './parseConfig';

const model = parseConfig(SAMPLE_CONFIG);
const at = (needle: string, shift = 1) => locateAtOffset(model, SAMPLE_CONFIG.indexOf(needle) + shift);

describe('locateAtOffset', () => {
  it('finds a definition when the cursor is in its body', () => {
    expect(at('decision_wait')).toEqual({ componentId: 'tail_sampling', kind: 'processor', pipelineId: null });
  });
  it('finds a reference inside a pipeline, with its pipeline', () => {
    expect(at('tail_sampling, batch]')).toEqual({ componentId: 'tail_sampling', kind: 'processor', pipelineId: 'traces' });
  });
  it('resolves a connector reference to the connector', () => {
    expect(at('otlp, span_metrics]', 7)).toEqual({ componentId: 'span_metrics', kind: 'connector', pipelineId: 'metrics' });
  });
  it('finds the pipeline when the cursor is on its key', () => {
    expect(at('traces/metrics:')).toEqual({ componentId: null, kind: null, pipelineId: 'traces/metrics' });
  });
  it('finds nothing in a comment at the top', () => {
    expect(locateAtOffset(model, 3)).toEqual({ componentId: null, kind: null, pipelineId: null });
  });
});
