import { describe, expect, it } from 'vitest';
import { SAMPLE_CONFIG } from '../../core/samples/sampleConfig';
import { createDocumentStore } from '../../state/documentStore';
import { applyCanvasEdit } from './applyCanvasEdit';
import { canvasStatusStore } from './canvasStatus';
import { loadEditEngine, LOADING_REASON } from './editEngine';

/** Analysis never answers here: the edit reads and writes the text only. */
const silentClient: Parameters<typeof createDocumentStore>[0]['client'] = { analyze: () => new Promise(() => {}), dispose: () => {} };

const TEXT = SAMPLE_CONFIG;

describe('applyCanvasEdit and the edit functions chunk', () => {
  // One test: the chunk is module state, loaded once per test file.
  it('refuses an edit made before the edit functions arrive, losing nothing, then applies it once they have', async () => {
    const document = createDocumentStore({ client: silentClient, initialText: TEXT, debounceMs: 1 });
    const early = applyCanvasEdit(document, (t, edits) => edits.addPipeline(t, 'traces/second'));
    expect(early).toEqual({ ok: false, reason: LOADING_REASON });
    expect(canvasStatusStore.getState().status).toMatchObject({ text: LOADING_REASON, tone: 'error' });
    expect(document.getState().text).toBe(TEXT);

    await loadEditEngine();
    const later = applyCanvasEdit(document, (t, edits) => edits.addPipeline(t, 'traces/second'), 'Added.');
    expect(later.ok).toBe(true);
    expect(document.getState().text).toContain('traces/second:');
    expect(document.getState().origin).toBe('canvas');
    expect(canvasStatusStore.getState().status).toMatchObject({ text: 'Added.', tone: 'info' });
  });
});
