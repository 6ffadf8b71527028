import { beforeEach, describe, expect, it } from 'vitest';
import { createLayoutStore, renameNodeKey, selectPositions } from './layoutStore';

class MemoryStorage {
  private data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}

describe('layoutStore', () => {
  beforeEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
  });

  it('keeps positions per design and survives a new store (a reload)', () => {
    const a = createLayoutStore();
    a.getState().setPosition('d1', 'lane:traces:receivers:otlp', { x: 10.4, y: 20.6 });
    a.getState().setPosition('d2', 'connector:forward', { x: 1, y: 2 });
    const b = createLayoutStore();
    b.getState().load('d1');
    expect(selectPositions('d1')(b.getState())).toEqual({ 'lane:traces:receivers:otlp': { x: 10, y: 21 } });
    expect(selectPositions('d2')(b.getState())).toEqual({});
  });

  it('carries positions over on rename and forgets them on auto-layout', () => {
    const s = createLayoutStore();
    s.getState().setPosition('d', 'lane:traces:receivers:otlp', { x: 1, y: 1 });
    s.getState().renameComponent('d', 'otlp', 'otlp/in');
    expect(Object.keys(selectPositions('d')(s.getState()))).toEqual(['lane:traces:receivers:otlp/in']);
    s.getState().clear('d');
    expect(selectPositions('d')(s.getState())).toEqual({});
  });

  it('ignores unreadable saved data', () => {
    localStorage.setItem('pipeline-studio:layout:x', '{"a":{"x":"no"}}');
    const s = createLayoutStore();
    s.getState().load('x');
    expect(selectPositions('x')(s.getState())).toEqual({});
  });

  it('renames only the component part of a key', () => {
    expect(renameNodeKey('lane:traces:processors:batch', 'batch', 'batch/2')).toBe('lane:traces:processors:batch/2');
    expect(renameNodeKey('lane:traces:processors:batch/x', 'batch', 'batch/2')).toBe('lane:traces:processors:batch/x');
  });
});
