/** Reads chosen or dropped files as text, refusing the ones that cannot be a config file. */
import type { ConfigSource } from '../../core/import/mergeConfigs';

/** Larger files are not opened: no real Collector config comes close. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface ReadFiles {
  readonly sources: readonly ConfigSource[];
  /** One sentence per refused file. */
  readonly rejected: readonly string[];
  readonly bytes: number;
}

export async function readConfigFiles(files: readonly File[]): Promise<ReadFiles> {
  const sources: ConfigSource[] = [];
  const rejected: string[] = [];
  let bytes = 0;
  for (const file of files) {
    if (file.size > MAX_IMPORT_BYTES) {
      rejected.push(`${file.name} is ${(file.size / 1048576).toFixed(0)} MiB; files over 20 MiB are not opened.`);
      continue;
    }
    const text = await file.text();
    // A NUL byte never appears in YAML (YAML 1.2 §5.1): this is a binary file.
    if (text.includes('\u0000')) {
      rejected.push(`${file.name} is not a text file, so it is not YAML; the document is unchanged.`);
      continue;
    }
    bytes += file.size;
    sources.push({ name: file.name, text });
  }
  return { sources, rejected, bytes };
}
