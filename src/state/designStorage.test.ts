import { describe, expect, it } from 'vitest';
import { createDesignStorage, createMemoryStorage, parseDesignIndex, parseDesignRecord, type DesignRecord, type KeyValueStorage } from './designStorage';

const record: DesignRecord = { id: 'a', name: 'Edge', text: 'receivers: {}\n', distribution: 'contrib', env: { HOST: 'h' }, createdAt: 1, updatedAt: 2 };

function fullStorage(): KeyValueStorage {
  const inner = createMemoryStorage();
  return {
    getItem: (key) => inner.getItem(key),
    setItem: () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    },
    removeItem: (key) => inner.removeItem(key),
  };
}

describe('designStorage', () => {
  it('writes a design and reads it back, checked', () => {
    const backing = createMemoryStorage();
    const storage = createDesignStorage(backing);
    expect(storage.writeDesign(record)).toEqual({ ok: true });
    expect(createDesignStorage(backing).readDesign('a')).toEqual(record);
  });

  it('a full storage keeps the write in memory and says the quota is exceeded', () => {
    const storage = createDesignStorage(fullStorage());
    const outcome = storage.writeDesign(record);
    expect(outcome).toMatchObject({ ok: false, problem: 'quota' });
    expect(storage.degraded).toBe(true);
    expect(storage.readDesign('a')).toEqual(record);
  });

  it('no storage at all (blocked) works in memory and reports it as blocked', () => {
    const storage = createDesignStorage(null);
    expect(storage.writeDesign(record)).toMatchObject({ ok: false, problem: 'blocked' });
    expect(storage.readDesign('a')).toEqual(record);
  });

  it('a storage that throws on read behaves as empty', () => {
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(createDesignStorage(throwing).readIndex()).toEqual({ designs: [], currentId: null });
  });

  it('skips corrupt or foreign entries instead of trusting them', () => {
    expect(parseDesignRecord({ v: 1, id: 'a', name: 3, text: '', distribution: 'contrib', createdAt: 1, updatedAt: 1 })).toBeNull();
    expect(parseDesignRecord({ v: 99, ...record })).toBeNull();
    expect(parseDesignRecord('<script>')).toBeNull();
    const index = parseDesignIndex({ v: 1, currentId: 'zz', designs: [{ id: 'a', name: 'A', updatedAt: 1 }, { id: 'a', name: 'dup', updatedAt: 1 }, { id: 3 }] });
    expect(index).toEqual({ designs: [{ id: 'a', name: 'A', updatedAt: 1 }], currentId: null });
  });

  it('keeps a "__proto__" environment name as a plain key', () => {
    const parsed = parseDesignRecord(JSON.parse('{"v":1,"id":"a","name":"n","text":"","distribution":"core","createdAt":1,"updatedAt":1,"env":{"__proto__":"x"}}'));
    expect(Object.getPrototypeOf(parsed?.env)).toBe(Object.prototype);
    expect(Object.keys(parsed?.env ?? {})).toEqual(['__proto__']);
  });
});
