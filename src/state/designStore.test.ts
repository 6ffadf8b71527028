import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInlineAnalysisClient } from '../engine/inlineAnalysisClient';
import { createDocumentStore, type DocumentStore } from './documentStore';
import { createDesignStorage, createMemoryStorage, type KeyValueStorage } from './designStorage';
import { createDesignStore, loadLastDesign, type DesignStart } from './designStore';

const A = 'receivers:\n  otlp:\nexporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n      receivers: [otlp]\n      exporters: [debug]\n';
const B = A.replace('debug', 'nop');

let clock = 1_000;
let ids = 0;

function setup(backing: KeyValueStorage, start: DesignStart = { kind: 'new' }, text = A) {
  const document = createDocumentStore({ client: createInlineAnalysisClient(), initialText: text, debounceMs: 1 });
  const storage = createDesignStorage(backing);
  const designs = createDesignStore({ document, storage, start, now: () => ++clock, createId: () => `id${++ids}` });
  return { document, storage, designs };
}

/** A second tab or a reload over the same browser storage. */
function reopen(backing: KeyValueStorage) {
  const last = loadLastDesign(createDesignStorage(backing));
  return { last, ...setup(backing, last ? { kind: 'saved', design: last } : { kind: 'new' }, last?.text ?? 'sample') };
}

function type(document: DocumentStore, text: string): void {
  document.getState().setText(text, 'editor');
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('designStore: autosave', () => {
  it('saves every change after ~300 ms and a reload restores it', () => {
    const backing = createMemoryStorage();
    const { document, designs } = setup(backing);
    type(document, B);
    expect(designs.getState().pending).toBe(true);
    vi.advanceTimersByTime(299);
    expect(loadLastDesign(createDesignStorage(backing))?.text).toBe(A);
    vi.advanceTimersByTime(1);
    expect(designs.getState().pending).toBe(false);
    const after = reopen(backing);
    expect(after.last?.text).toBe(B);
    expect(after.document.getState().text).toBe(B);
  });

  it('restores distribution and environment values with the text', () => {
    const backing = createMemoryStorage();
    const { document, designs } = setup(backing);
    document.getState().setDistribution('core');
    document.getState().setEnv({ ENDPOINT: 'collector:4317' });
    designs.getState().flush();
    const after = reopen(backing);
    expect(after.document.getState().distribution).toBe('core');
    expect(after.document.getState().env).toEqual({ ENDPOINT: 'collector:4317' });
  });

  it('flush writes a pending change at once (page hide)', () => {
    const backing = createMemoryStorage();
    const { document, designs } = setup(backing);
    type(document, B);
    designs.getState().flush();
    expect(loadLastDesign(createDesignStorage(backing))?.text).toBe(B);
  });

  it('storage full: the design stays in memory, the flag is set, and retry clears it once there is room', () => {
    const inner = createMemoryStorage();
    let full = false;
    const backing: KeyValueStorage = {
      getItem: (k) => inner.getItem(k),
      setItem: (k, v) => {
        if (full) throw new DOMException('full', 'QuotaExceededError');
        inner.setItem(k, v);
      },
      removeItem: (k) => inner.removeItem(k),
    };
    const { document, designs } = setup(backing);
    full = true;
    type(document, B);
    vi.advanceTimersByTime(300);
    expect(designs.getState().storageProblem?.problem).toBe('quota');
    expect(document.getState().text).toBe(B);
    // Still listed and reopenable in this tab (memory twin).
    const id = designs.getState().createDesign('Second');
    expect(designs.getState().designs.map((d) => d.id)).toContain(id);
    full = false;
    designs.getState().retryStorage();
    expect(designs.getState().storageProblem).toBeNull();
  });
});

describe('designStore: named designs', () => {
  it('creates, opens, renames, duplicates and deletes designs', () => {
    const backing = createMemoryStorage();
    const { document, designs } = setup(backing);
    const first = designs.getState().currentId!;
    expect(designs.getState().currentName).toBe('Untitled design');

    const second = designs.getState().createDesign('Gateway', { text: B, distribution: 'core', env: {} });
    expect(designs.getState().currentId).toBe(second);
    expect(document.getState().text).toBe(B);
    expect(document.getState().distribution).toBe('core');

    expect(designs.getState().open(first)).toBe(true);
    expect(document.getState().text).toBe(A);

    designs.getState().rename(second, '  Edge   gateway ');
    expect(designs.getState().designs.find((d) => d.id === second)?.name).toBe('Edge gateway');
    designs.getState().renameCurrent('Agent');
    expect(designs.getState().currentName).toBe('Agent');

    const copy = designs.getState().duplicate(second)!;
    expect(designs.getState().designs.find((d) => d.id === copy)?.name).toBe('Edge gateway (copy)');

    expect(designs.getState().remove(first)).toBe(false); // the open design stays
    expect(designs.getState().remove(copy)).toBe(true);
    expect(designs.getState().designs.map((d) => d.id).sort()).toEqual([first, second].sort());

    // A reload reopens the design that was open last, with its name.
    const after = reopen(backing);
    expect(after.designs.getState().currentId).toBe(first);
    expect(after.designs.getState().currentName).toBe('Agent');
    expect(after.designs.getState().designs).toHaveLength(2);
  });

  it('switching designs saves the pending edit of the one being left', () => {
    const backing = createMemoryStorage();
    const { document, designs } = setup(backing);
    const first = designs.getState().currentId!;
    const second = designs.getState().createDesign('Two', { text: B, distribution: 'contrib', env: {} });
    type(document, `${B}# edited\n`);
    designs.getState().open(first);
    designs.getState().open(second);
    expect(document.getState().text).toBe(`${B}# edited\n`);
  });

  it('names are unique and hostile names are kept as plain text', () => {
    const backing = createMemoryStorage();
    const { designs } = setup(backing);
    designs.getState().createDesign();
    expect(designs.getState().currentName).toBe('Untitled design 2');
    designs.getState().renameCurrent('<img src=x onerror=alert(1)>');
    expect(designs.getState().currentName).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('designStore: a tab opened from a share link', () => {
  it('never overwrites a saved design and leaves the reopened design alone until saved', () => {
    const backing = createMemoryStorage();
    const original = setup(backing);
    const savedId = original.designs.getState().currentId!;
    original.designs.getState().dispose();

    const shared = setup(backing, { kind: 'shared', source: 'share' }, B);
    expect(shared.designs.getState().currentId).toBeNull();
    expect(shared.designs.getState().shared).toEqual({ source: 'share' });
    expect(shared.designs.getState().hasUnsavedChanges()).toBe(false);
    type(shared.document, `${B}# shared edit\n`);
    vi.advanceTimersByTime(1000);
    expect(shared.designs.getState().hasUnsavedChanges()).toBe(true);
    expect(createDesignStorage(backing).readDesign(savedId)?.text).toBe(A);
    expect(loadLastDesign(createDesignStorage(backing))?.id).toBe(savedId);

    const newId = shared.designs.getState().saveShared()!;
    expect(shared.designs.getState().shared).toBeNull();
    expect(createDesignStorage(backing).readDesign(newId)?.text).toBe(`${B}# shared edit\n`);
    expect(createDesignStorage(backing).readDesign(savedId)?.text).toBe(A);
    type(shared.document, A.replace('otlp', 'zipkin'));
    vi.advanceTimersByTime(300);
    expect(createDesignStorage(backing).readDesign(newId)?.text).toContain('zipkin');
  });

  it('OTelBin links start as a design named after OTelBin', () => {
    const { designs } = setup(createMemoryStorage(), { kind: 'shared', source: 'otelbin' });
    expect(designs.getState().currentName).toBe('Design from OTelBin');
  });
});
