/** The CLI's only door to the outside world, so commands stay testable with an in-memory twin. */
import { readFile, stat, readdir, writeFile, mkdir } from 'node:fs/promises';

export class UsageError extends Error {}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads a whole text file; throws UsageError with a one-line reason when it cannot. */
  readText(path: string): Promise<string>;
  readBytes(path: string): Promise<Uint8Array>;
  isDirectory(path: string): Promise<boolean>;
  list(dir: string): Promise<string[]>;
  writeText(path: string, text: string): Promise<void>;
  makeDir(path: string): Promise<void>;
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

export const nodeIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  async readText(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${reason(error)}`);
    }
  },
  async readBytes(path) {
    try {
      return new Uint8Array(await readFile(path));
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${reason(error)}`);
    }
  },
  async isDirectory(path) {
    try {
      return (await stat(path)).isDirectory();
    } catch (error) {
      throw new UsageError(`cannot read ${path}: ${reason(error)}`);
    }
  },
  async list(dir) {
    try {
      return (await readdir(dir)).sort();
    } catch (error) {
      throw new UsageError(`cannot read ${dir}: ${reason(error)}`);
    }
  },
  async writeText(path, text) {
    await writeFile(path, text, 'utf8');
  },
  async makeDir(path) {
    await mkdir(path, { recursive: true });
  },
};
