/**
 * Chromium for `npm run bench browser`: the production build served by `vite preview` on its own
 * port, Debian's Chromium headless (as in playwright.config.ts) with `gc()` exposed so timed runs
 * can start from a collected heap.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/fixtures/chromium';

// gc() in pages and workers, so timed runs can start from a collected heap.
const ARGS = [...CHROMIUM_ARGS, '--js-flags=--expose-gc'];

export interface StudioSession {
  readonly browser: Browser;
  readonly baseUrl: string;
  /** A fresh page on the studio, loaded and idle (Monaco up, first analysis shown). */
  openStudio(path?: string): Promise<Page>;
  close(): Promise<void>;
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** Starts `vite preview` of `dist` on `port` and a Chromium; `close()` stops both. */
export async function startStudio(port = Number(process.env.BENCH_PORT ?? 4174)): Promise<StudioSession> {
  const server: ChildProcess = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort', '--outDir', process.env.BENCH_DIST ?? 'dist'], { stdio: 'ignore' });
  const baseUrl = `http://localhost:${port}/`;
  try {
    await waitForServer(baseUrl);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS });
    return {
      browser,
      baseUrl,
      async openStudio(path = '') {
        const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
        page.on('crash', () => console.error('bench: the page crashed'));
        page.on('pageerror', (e) => console.error(`bench: page error ${e.message}`));
        await page.goto(baseUrl + path);
        await page.waitForFunction(() => Boolean((window as unknown as { __studio?: unknown }).__studio), null, { timeout: 60_000 });
        await page.waitForTimeout(1000);
        return page;
      },
      async close() {
        await browser.close();
        server.kill();
      },
    };
  } catch (error) {
    server.kill();
    throw error;
  }
}
