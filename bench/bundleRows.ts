import { initialJsGzipKiB } from './bundleBench';
import type { Row } from './measure';

/** The initial JS budget (200 KiB gzip) as a ratio, so it reads like every other row. */
export function bundleRows(dist: string): Row[] {
  const { kib, files } = initialJsGzipKiB(dist);
  return [{ name: 'initial JS, gzip, editor lazy', ratio: kib / 200, goal: 1, baseline: 'budget 200 KiB', detail: `${kib.toFixed(1)} KiB in ${files.length} file(s)` }];
}
