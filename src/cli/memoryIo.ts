/** The in-memory twin of `nodeIo`, for CLI tests (style.md #10). */
import { type CliIo, UsageError } from './io';

export interface MemoryIo extends CliIo {
  stdout: string;
  stderr: string;
  readonly files: Map<string, string | Uint8Array>;
}

export function memoryIo(initial: Record<string, string | Uint8Array>): MemoryIo {
  const files = new Map(Object.entries(initial));
  const io: MemoryIo = {
    stdout: '',
    stderr: '',
    files,
    out(text) {
      io.stdout += `${text}\n`;
    },
    err(text) {
      io.stderr += `${text}\n`;
    },
    async readText(path) {
      const f = files.get(path);
      if (f === undefined) throw new UsageError(`cannot read ${path}: no such file`);
      return typeof f === 'string' ? f : new TextDecoder().decode(f);
    },
    async readBytes(path) {
      const f = files.get(path);
      if (f === undefined) throw new UsageError(`cannot read ${path}: no such file`);
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    async isDirectory(path) {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      if ([...files.keys()].some((k) => k.startsWith(prefix))) return true;
      if (files.has(path)) return false;
      throw new UsageError(`cannot read ${path}: no such file`);
    },
    async list(dir) {
      const prefix = dir.endsWith('/') ? dir : `${dir}/`;
      return [...files.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)).filter((k) => !k.includes('/')).sort();
    },
    async writeText(path, text) {
      files.set(path, text);
    },
    async makeDir() {},
  };
  return io;
}
