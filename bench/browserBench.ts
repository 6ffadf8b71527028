/**
 * Chromium measurements against the production build (`vite preview`), each as a ratio to a
 * budget or a baseline taken in the same page in the same run:
 *  - keystroke → canvas shows the change (budget 150 ms after typing stops);
 *  - keystroke → Monaco shows our markers (budget 150 ms after typing stops).
 * The edit is applied as one keystroke would be; the delay includes the 60 ms debounce.
 */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import type { Row } from './measure';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
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

export async function browserBench(): Promise<Row[]> {
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', '4174', '--strictPort'], { stdio: 'ignore' });
  try {
    await waitForServer('http://localhost:4174/');
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    page.on('crash', () => console.error('bench: the page crashed'));
    page.on('pageerror', (e) => console.error(`bench: page error ${e.message}`));
    await page.goto('http://localhost:4174/');
    await page.waitForFunction(() => Boolean((window as unknown as { __studio?: unknown }).__studio), null, { timeout: 60_000 });
    await page.waitForTimeout(1500);

    const canvasDelays: number[] = [];
    const markerDelays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const delays = await page.evaluate(async (n) => {
        interface Model {
          getValue(): string;
        }
        interface Studio {
          editor: { getModel(): Model; executeEdits(source: string, edits: unknown[]): void };
          monaco: { Range: new (a: number, b: number, c: number, d: number) => unknown; editor: { getModelMarkers(filter: object): { message: string }[] } };
        }
        const { editor, monaco } = (window as unknown as { __studio: Studio }).__studio;
        const model = editor.getModel();
        const text: string = model.getValue();
        const line = text.split('\n').findIndex((l: string) => l.includes('exporters: [otlp_grpc]')) + 1;
        const column = text.split('\n')[line - 1]!.indexOf(']') + 1;
        const id = `debug/b${n}`;
        const started = performance.now();
        editor.executeEdits('bench', [{ range: new monaco.Range(line, column, line, column), text: `, ${id}` }]);
        const waitFor = (check: () => boolean) =>
          new Promise<number>((resolve) => {
            const tick = () => (check() ? resolve(performance.now() - started) : requestAnimationFrame(tick));
            tick();
          });
        const canvas = waitFor(() => document.querySelector(`[data-testid="node-lane:logs:exporters:${id}"]`) !== null);
        const markers = waitFor(() => monaco.editor.getModelMarkers({ owner: 'pipeline-studio' }).some((m) => m.message.includes(id)));
        return [await canvas, await markers];
      }, i);
      canvasDelays.push(delays[0]!);
      markerDelays.push(delays[1]!);
      await page.evaluate(() => {
        const { editor } = (window as unknown as { __studio: { editor: { trigger(source: string, id: string, payload: null): void } } }).__studio;
        editor.trigger('bench', 'undo', null);
      });
      await page.waitForTimeout(400);
    }
    await browser.close();
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1]!;
    return [
      { name: 'keystroke → canvas updated (Chromium, sample config)', ratio: median(canvasDelays) / 150, goal: 1, baseline: 'budget 150 ms', detail: `${median(canvasDelays).toFixed(0)} ms median of 7` },
      { name: 'keystroke → Monaco markers shown', ratio: median(markerDelays) / 150, goal: 1, baseline: 'budget 150 ms', detail: `${median(markerDelays).toFixed(0)} ms median of 7` },
    ];
  } finally {
    server.kill();
  }
}
