/**
 * `npm run bench browser`: the designer measured in Chromium (bench/designerBrowserBench.ts)
 * against the production build. `browserBench()` starts its own server and browser; callers that
 * share one session call `designerBrowserBench(session)` directly.
 */
import { startStudio } from './chromium';
import { designerBrowserBench } from './designerBrowserBench';
import type { Row } from './measure';

export { designerBrowserBench };

export async function browserBench(): Promise<Row[]> {
  const session = await startStudio();
  try {
    return await designerBrowserBench(session);
  } finally {
    await session.close();
  }
}
