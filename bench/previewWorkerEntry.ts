/**
 * Worker entry for running the Node engine benchmark inside a dedicated Worker in Chromium
 * (issue #6, performance.md §5.1: Chrome's V8 is newer than Node's). Bundled by
 * previewBrowserBench.ts with esbuild (iife, platform browser). It receives the span target and
 * replies with the rows, or with the error and what the worker lacked.
 */
import { engineBench } from './engineBench';

const scope = self as unknown as { onmessage: ((e: MessageEvent<number>) => void) | null; postMessage(message: unknown): void; gc?: unknown };

scope.onmessage = (event) => {
  const env = { gc: typeof scope.gc === 'function', userAgent: navigator.userAgent, cores: navigator.hardwareConcurrency };
  try {
    const started = performance.now();
    const rows = engineBench(event.data);
    scope.postMessage({ rows, env, ms: performance.now() - started });
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error), env });
  }
};
