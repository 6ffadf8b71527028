/**
 * Shared helpers of the designer's Chromium measurements: every wait is bounded and fails with a
 * message that says what did not happen, so a broken selector fails the bench instead of hanging it.
 */
import type { Page } from '@playwright/test';

/** What `window.__studio` holds (src/ui/editor/YamlEditor.tsx), as far as the bench uses it. */
export interface StudioWindow {
  __studio: {
    editor: {
      getModel(): {
        getValue(): string;
        getLinesContent(): string[];
        uri: unknown;
        onDidChangeContent(listener: () => void): { dispose(): void };
      };
      setValue(text: string): void;
      setPosition(position: { lineNumber: number; column: number }): void;
      focus(): void;
      trigger(source: string, id: string, payload: null): void;
    };
    monaco: {
      editor: {
        getModelMarkers(filter: { owner?: string; resource?: unknown }): { message: string }[];
        onDidChangeMarkers(listener: (resources: readonly unknown[]) => void): { dispose(): void };
      };
    };
  };
  gc?: () => void;
}

/** Rejects after `ms` with `bench: <what> within <ms> ms`. */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench: ${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** `page.waitForFunction` with a message of our own when it times out. */
export async function waitInPage<A>(page: Page, what: string, ms: number, check: (arg: A) => boolean, arg: A): Promise<void> {
  try {
    // Playwright's Unboxed<A> does not unify with a generic A; the argument is plain JSON here.
    await page.waitForFunction(check as (arg: unknown) => boolean, arg as unknown, { timeout: ms, polling: 'raf' });
  } catch (error) {
    throw new Error(`bench: ${what} did not happen within ${ms} ms (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`, { cause: error });
  }
}

/**
 * Replaces the whole text through Monaco (`editor.setValue`, as a paste or an import would) and
 * waits until the canvas shows at least `minNodes` component nodes, one of them `marker` (a
 * `data-testid` suffix), and the count has stopped changing.
 */
export async function loadConfig(page: Page, text: string, minNodes: number, marker: string): Promise<number> {
  await page.evaluate((t) => (window as unknown as StudioWindow).__studio.editor.setValue(t), text);
  await waitInPage(
    page,
    `the canvas showing ${minNodes} nodes and ${marker}`,
    30_000,
    ([n, m]) => document.querySelectorAll('.component-node').length >= n && document.querySelector(`.component-node[data-testid$="${m}"]`) !== null,
    [minNodes, marker] as const,
  );
  // React Flow measures the nodes, then fits the view: wait until the count holds for 500 ms.
  return within(
    15_000,
    'the canvas settling after the load',
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let last = -1;
          let since = performance.now();
          const tick = () => {
            const count = document.querySelectorAll('.component-node').length;
            if (count !== last) {
              last = count;
              since = performance.now();
            }
            if (performance.now() - since > 500) resolve(count);
            else requestAnimationFrame(tick);
          };
          tick();
        }),
    ),
  );
}

/**
 * Arms a watch on Monaco's markers before an action: `settled(page)` then resolves once markers
 * have changed at least once (an analysis arrived) and stayed quiet for `quietMs`.
 */
export async function armSettle(page: Page, quietMs = 300): Promise<void> {
  await page.evaluate((quiet) => {
    const w = window as unknown as StudioWindow & { __benchSettled?: Promise<void> };
    const { monaco } = w.__studio;
    w.__benchSettled = new Promise<void>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limit = setTimeout(() => {
        sub.dispose();
        clearTimeout(timer);
        reject(new Error('no analysis arrived (no marker update) within 10000 ms'));
      }, 10_000);
      const sub = monaco.editor.onDidChangeMarkers(() => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          sub.dispose();
          clearTimeout(limit);
          resolve();
        }, quiet);
      });
    });
  }, quietMs);
}

export async function settled(page: Page, what: string): Promise<void> {
  try {
    await page.evaluate(() => (window as unknown as { __benchSettled?: Promise<void> }).__benchSettled);
  } catch (error) {
    throw new Error(`bench: after ${what}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { cause: error });
  }
}

/** Runs a full collection in the page (Chromium runs with --expose-gc). */
export async function collect(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as StudioWindow).gc?.());
}

/**
 * The `data-testid` of the first component node whose id contains `part` and whose centre is on
 * screen inside the pane and not covered (the 200-component canvas is taller than the view).
 */
export async function visibleNode(page: Page, part: string): Promise<{ testId: string; x: number; y: number }> {
  const found = await page.evaluate((p) => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    if (!pane) return null;
    for (const el of document.querySelectorAll<HTMLElement>(`.component-node[data-testid*="${p}"]`)) {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < pane.left || x > pane.right || y < pane.top + 20 || y > pane.bottom - 20) continue;
      if (el.contains(document.elementFromPoint(x, y))) return { testId: el.dataset.testid!, x, y };
    }
    return null;
  }, part);
  if (!found) throw new Error(`bench: no node with "${part}" in its test id is visible on the canvas`);
  return found;
}
