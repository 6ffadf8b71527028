/**
 * In-page observers for the preview benchmark (issue #7): long tasks (PerformanceObserver
 * 'longtask', buffered), long animation frames with their script attribution, a rAF frame
 * monitor, and a log of the run-status text with timestamps. Everything runs in the page and is
 * read back once at the end, so the probe adds no round trips while a measurement runs.
 *
 * The functions handed to `page.evaluate` are serialised by Playwright: they reference nothing
 * outside their own bodies.
 */
import type { Page } from '@playwright/test';

export interface LongFrameScript {
  readonly invoker: string;
  readonly fn: string;
  readonly source: string;
  readonly duration: number;
}

export interface ProbeReport {
  /** Long tasks (> 50 ms) that started inside the window, ms. */
  readonly longTasks: readonly { readonly start: number; readonly duration: number }[];
  /**
   * The longest long animation frame, or null: its scripts' total, the time from the start of
   * style and layout to the frame's end (style, layout, paint on the main thread), and its three
   * longest scripts.
   */
  readonly worstFrame: { readonly duration: number; readonly blocking: number; readonly scriptMs: number; readonly renderMs: number; readonly scripts: readonly LongFrameScript[] } | null;
  /** Long animation frames (> 50 ms) where app scripts took most of the time, and where style/layout/paint did. */
  readonly longFrames: { readonly script: number; readonly render: number };
  readonly frames: number;
  /** Largest interval between consecutive rAF callbacks, ms. */
  readonly maxFrameGap: number;
  /** rAF callbacks per second over the window. */
  readonly fps: number;
  readonly windowMs: number;
  /** Run-status text changes: page time and text. */
  readonly status: readonly { readonly t: number; readonly text: string }[];
  /** performance.now() when the probe started (page clock). */
  readonly t0: number;
}

interface ProbeState {
  t0: number;
  stopped: boolean;
  longTasks: { start: number; duration: number }[];
  loafs: { start: number; duration: number; blocking: number; scriptMs: number; renderMs: number; scripts: LongFrameScript[] }[];
  frames: number[];
  status: { t: number; text: string }[];
  observers: { observer: PerformanceObserver; handle(entries: PerformanceEntryList): void }[];
  mutation: MutationObserver | null;
  /** Timestamp of the last pointerdown (event.timeStamp, page clock). */
  pointerDown: number | null;
}

/** Starts the observers; a new start replaces a running probe. */
export async function startProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __pvb?: ProbeState };
    w.__pvb?.observers.forEach((o) => o.observer.disconnect());
    w.__pvb?.mutation?.disconnect();
    const p: ProbeState = { t0: performance.now(), stopped: false, longTasks: [], loafs: [], frames: [], status: [], observers: [], mutation: null, pointerDown: null };
    w.__pvb = p;
    const supported = PerformanceObserver.supportedEntryTypes;
    const watch = (type: string, handle: (entries: PerformanceEntryList) => void) => {
      if (!supported.includes(type)) return;
      const observer = new PerformanceObserver((list) => handle(list.getEntries()));
      observer.observe({ type, buffered: true });
      p.observers.push({ observer, handle });
    };
    watch('longtask', (entries) => {
      for (const e of entries) if (e.startTime + e.duration >= p.t0) p.longTasks.push({ start: e.startTime, duration: e.duration });
    });
    type Script = PerformanceEntry & { invoker: string; sourceFunctionName: string; sourceURL: string; sourceCharPosition: number };
    watch('long-animation-frame', (entries) => {
      for (const e of entries as (PerformanceEntry & { blockingDuration: number; styleAndLayoutStart: number; scripts: Script[] })[]) {
        if (e.startTime + e.duration < p.t0) continue;
        // The bench's own callbacks (rAF monitor, observers) come from evaluated code without a URL.
        const own = e.scripts.filter((x) => x.sourceURL !== '');
        const scriptMs = own.reduce((a, x) => a + x.duration, 0);
        const renderMs = e.styleAndLayoutStart > 0 ? e.startTime + e.duration - e.styleAndLayoutStart : 0;
        const scripts = [...own]
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 3)
          .map((x) => ({ invoker: x.invoker, fn: x.sourceFunctionName, source: `${x.sourceURL.replace(/^.*\//, '')}:${x.sourceCharPosition}`, duration: x.duration }));
        p.loafs.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration, scriptMs, renderMs, scripts });
      }
    });
    const tick = (t: number) => {
      if (p.stopped) return;
      p.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const status = document.querySelector('[data-testid="run-status"]');
    if (status) {
      p.status.push({ t: performance.now(), text: status.textContent ?? '' });
      p.mutation = new MutationObserver(() => {
        const text = status.textContent ?? '';
        if (p.status[p.status.length - 1]?.text !== text) p.status.push({ t: performance.now(), text });
      });
      p.mutation.observe(status, { childList: true, subtree: true, characterData: true });
    }
    document.addEventListener('pointerdown', (e) => {
      if (!p.stopped) p.pointerDown = e.timeStamp;
    }, { capture: true });
  });
}

/** Stops the observers and summarises what they saw from the start up to now. */
export async function stopProbe(page: Page): Promise<ProbeReport> {
  return page.evaluate(() => {
    const p = (window as unknown as { __pvb: ProbeState }).__pvb;
    const end = performance.now();
    for (const o of p.observers) {
      o.handle(o.observer.takeRecords()); // what is queued but not yet delivered
      o.observer.disconnect();
    }
    p.mutation?.disconnect();
    p.stopped = true;
    const f = p.frames;
    let maxGap = f.length ? f[0]! - p.t0 : end - p.t0;
    for (let i = 1; i < f.length; i++) maxGap = Math.max(maxGap, f[i]! - f[i - 1]!);
    if (f.length) maxGap = Math.max(maxGap, end - f[f.length - 1]!);
    const worst = p.loafs.reduce<ProbeState['loafs'][number] | null>((a, b) => (a === null || b.duration > a.duration ? b : a), null);
    return {
      longTasks: p.longTasks,
      worstFrame: worst ? { duration: worst.duration, blocking: worst.blocking, scriptMs: worst.scriptMs, renderMs: worst.renderMs, scripts: worst.scripts } : null,
      longFrames: { script: p.loafs.filter((l) => l.scriptMs >= l.renderMs).length, render: p.loafs.filter((l) => l.scriptMs < l.renderMs).length },
      frames: f.length,
      maxFrameGap: maxGap,
      fps: f.length > 1 ? ((f.length - 1) * 1000) / (f[f.length - 1]! - f[0]!) : 0,
      windowMs: end - p.t0,
      status: p.status,
      t0: p.t0,
    };
  });
}

/** Long tasks of `report` that overlap [from, to] (page clock). */
export function tasksBetween(report: ProbeReport, from: number, to: number): { start: number; duration: number }[] {
  return report.longTasks.filter((t) => t.start + t.duration >= from && t.start <= to);
}

export function longest(tasks: readonly { duration: number }[]): number {
  return tasks.reduce((m, t) => Math.max(m, t.duration), 0);
}

/** "worst frame 190 ms: app scripts 40 ms (top: Worker.onmessage index.js:123 38 ms), style/layout/paint 140 ms". */
export function describeWorstFrame(report: ProbeReport): string {
  const w = report.worstFrame;
  if (!w) return 'no long animation frame';
  const top = w.scripts[0];
  const script = top ? ` (top: ${top.invoker}${top.fn ? ` → ${top.fn}` : ''} at ${top.source}, ${top.duration.toFixed(0)} ms)` : '';
  const kinds = `${report.longFrames.script + report.longFrames.render} long frames (${report.longFrames.script} mostly app script, ${report.longFrames.render} mostly style/layout/paint)`;
  const rest = w.scriptMs + w.renderMs < w.duration / 2 ? ', the rest neither (waiting for a core, GC or message decoding)' : '';
  return `${kinds}; worst frame ${w.duration.toFixed(0)} ms: app scripts ${w.scriptMs.toFixed(0)} ms${script}, style/layout/paint ${w.renderMs.toFixed(0)} ms${rest}`;
}

/** Waits until the page's probe has seen a pointerdown and returns its timestamp. */
export async function lastPointerDown(page: Page): Promise<number> {
  const t = await page.evaluate(() => (window as unknown as { __pvb: ProbeState }).__pvb.pointerDown);
  if (t === null) throw new Error('the probe saw no pointerdown: the click did not reach the page');
  return t;
}

/**
 * Resolves with the page time at which `selector` matches at least `minCount` elements (and,
 * when given, `textSelector` contains `text`) and the frame showing it has been painted
 * (next rAF, then a task after it). Rejects after `timeoutMs` with `label` in the message.
 */
export async function waitPainted(page: Page, label: string, cond: { selector: string; minCount?: number; textSelector?: string; text?: string }, timeoutMs: number): Promise<{ t: number; count: number }> {
  return page.evaluate(
    ({ label, cond, timeoutMs }) =>
      new Promise<{ t: number; count: number }>((resolve, reject) => {
        let done = false;
        const met = () => {
          const n = document.querySelectorAll(cond.selector).length;
          if (n < (cond.minCount ?? 1)) return -1;
          if (cond.textSelector && !(document.querySelector(cond.textSelector)?.textContent ?? '').includes(cond.text ?? '')) return -1;
          return n;
        };
        const finish = (count: number) => {
          if (done) return;
          done = true;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve({ t: performance.now(), count });
            ch.port2.postMessage(0);
          });
        };
        const observer = new MutationObserver(() => {
          const n = met();
          if (n >= 0) finish(n);
        });
        const timer = setTimeout(() => {
          if (done) return;
          done = true;
          observer.disconnect();
          reject(new Error(`${label}: not shown within ${timeoutMs} ms (waiting for ${cond.selector}${cond.text ? ` with "${cond.text}"` : ''})`));
        }, timeoutMs);
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        const n = met();
        if (n >= 0) finish(n);
      }),
    { label, cond, timeoutMs },
  );
}

export interface TaskCpu {
  /** Main-thread tasks over 50 ms: how many, their wall time and the CPU time the thread got in them. */
  readonly count: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** The longest task's wall and CPU time. */
  readonly longest: { readonly wallMs: number; readonly cpuMs: number };
}

interface TraceEvent {
  readonly ph: string;
  readonly name: string;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/**
 * Records Chromium's 'toplevel' trace category (one event per task, with wall and thread time)
 * while `work` runs, and returns the page's main-thread tasks over 50 ms with the CPU time they
 * got: on a loaded machine a task can be long because the thread waited for a core.
 */
export async function withTaskCpu<T>(page: Page, work: () => Promise<T>): Promise<{ value: T; cpu: TaskCpu | null }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const x of e.value as unknown as TraceEvent[]) if (x.ph === 'M' || (x.name === 'ThreadControllerImpl::RunTask' && (x.dur ?? 0) > 50_000)) events.push(x);
  });
  try {
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel'], excludedCategories: ['*'] }, transferMode: 'ReportEvents' });
  } catch {
    await cdp.detach().catch(() => {});
    return { value: await work(), cpu: null };
  }
  let value: T;
  try {
    value = await work();
  } finally {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end').catch(() => {});
    await Promise.race([complete, new Promise((r) => setTimeout(r, 15_000))]);
    await cdp.detach().catch(() => {});
  }
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  // The studio page's renderer is the main thread with the most long-task time.
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || !main.has(key)) continue;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  const tasks = [...byThread.values()].sort((a, b) => b.reduce((s, e) => s + e.dur!, 0) - a.reduce((s, e) => s + e.dur!, 0))[0] ?? [];
  const top = tasks.reduce<TraceEvent | null>((m, e) => (m === null || e.dur! > m.dur! ? e : m), null);
  return {
    value,
    cpu: {
      count: tasks.length,
      wallMs: tasks.reduce((s, e) => s + e.dur!, 0) / 1000,
      cpuMs: tasks.reduce((s, e) => s + (e.tdur ?? 0), 0) / 1000,
      longest: { wallMs: (top?.dur ?? 0) / 1000, cpuMs: (top?.tdur ?? 0) / 1000 },
    },
  };
}

/** "the 5 tasks > 50 ms had 38 of 298 ms on a CPU (longest 83 ms, 9 ms CPU)". */
export function describeTaskCpu(cpu: TaskCpu | null): string {
  if (!cpu) return 'task CPU time not traced';
  if (!cpu.count) return 'trace: no main-thread task over 50 ms';
  const waiting = cpu.cpuMs < cpu.wallMs / 2 ? '; the rest of the time the thread waited for a core' : '';
  return `trace: the ${cpu.count} main-thread tasks > 50 ms ran ${Math.round(cpu.cpuMs)} of their ${Math.round(cpu.wallMs)} ms on a CPU (longest ${Math.round(cpu.longest.wallMs)} ms wall, ${Math.round(cpu.longest.cpuMs)} ms CPU)${waiting}`;
}
