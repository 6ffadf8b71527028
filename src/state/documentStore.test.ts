import { describe, expect, it } from 'vitest';
import { createInlineAnalysisClient } from '../engine/inlineAnalysisClient';
import { SAMPLE_CONFIG } from '../core/samples/sampleConfig';
import { createDocumentStore, selectIsStale, selectShownAnalysis, type DocumentStore } from './documentStore';

function settled(store: DocumentStore): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const s = store.getState();
      if (s.analysisVersion === s.version) {
        unsubscribe();
        resolve();
      }
    };
    const unsubscribe = store.subscribe(check);
    check();
  });
}

describe('documentStore', () => {
  it('derives the graph from the initial text', async () => {
    const store = createDocumentStore({ client: createInlineAnalysisClient(), initialText: SAMPLE_CONFIG, debounceMs: 1 });
    await settled(store);
    expect(selectShownAnalysis(store.getState())?.graph.lanes).toHaveLength(4);
  });

  it('follows text edits and tags them with their origin', async () => {
    const store = createDocumentStore({ client: createInlineAnalysisClient(), initialText: SAMPLE_CONFIG, debounceMs: 1 });
    await settled(store);
    store.getState().setText(SAMPLE_CONFIG.replace('    logs:\n      receivers: [otlp]\n      processors: [memory_limiter, batch]\n      exporters: [otlp_grpc]\n', ''), 'editor');
    expect(store.getState().origin).toBe('editor');
    await settled(store);
    expect(selectShownAnalysis(store.getState())?.graph.lanes).toHaveLength(3);
  });

  it('keeps the last good graph while the YAML is broken, and marks it stale', async () => {
    const store = createDocumentStore({ client: createInlineAnalysisClient(), initialText: SAMPLE_CONFIG, debounceMs: 1 });
    await settled(store);
    store.getState().setText(`${SAMPLE_CONFIG}\n  bad: [unclosed\n`, 'editor');
    await settled(store);
    const s = store.getState();
    expect(selectIsStale(s)).toBe(true);
    expect(selectShownAnalysis(s)?.graph.lanes).toHaveLength(4);
    expect(s.analysis?.diagnostics.some((d) => d.code === 'yaml-syntax')).toBe(true);
  });

  it('draws only the newest text when edits arrive faster than analysis', async () => {
    const store = createDocumentStore({ client: createInlineAnalysisClient(), initialText: SAMPLE_CONFIG, debounceMs: 5 });
    for (let i = 0; i < 5; i++) store.getState().setText(`${SAMPLE_CONFIG}# edit ${i}\n`, 'editor');
    await settled(store);
    expect(store.getState().analysisVersion).toBe(store.getState().version);
  });
});
