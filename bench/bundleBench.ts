/** Initial JavaScript the page loads before the lazy editor: scripts and module preloads of dist/index.html, gzip. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export function initialJsGzipKiB(distDir: string): { kib: number; files: string[] } {
  const html = readFileSync(`${distDir}/index.html`, 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1]!.replace(/^\.\//, ''));
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(`${distDir}/${file}`), { level: 9 }).length;
  return { kib: bytes / 1024, files };
}
