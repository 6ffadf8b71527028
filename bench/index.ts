/**
 * `npm run bench`: every number is a ratio to a baseline measured in the same run on the same
 * machine (performance.md: absolute times on shared 2-core VMs mean little).
 */
import { existsSync } from 'node:fs';
import { bundleRows } from './bundleRows';
import { startStudio } from './chromium';
import { designerBench } from './designerBench';
import { designerBrowserBench } from './designerBrowserBench';
import { engineBench } from './engineBench';
import { printRows } from './measure';
import { engineInWorker, previewBrowserBench } from './previewBrowserBench';

const only = process.argv[2];
console.log(`# Pipeline Studio benchmarks (${process.version}, ${new Date().toISOString()})`);
if (!only || only === 'designer') printRows('Designer (issue #3)', designerBench());
if (!only || only === 'engine') printRows('Engine in Node (issue #6)', engineBench(Number(process.env.BENCH_SPANS ?? 1_000_000)));
if ((!only || only === 'bundle') && existsSync('dist/index.html')) printRows('Bundle', bundleRows('dist'));
// Chromium against the production build (`npm run bench browser`, or only `designer-browser` /
// `preview-browser`): a few minutes on a 2-core machine.
const browserSections = [undefined, 'browser', 'designer-browser', 'preview-browser'];
if (browserSections.includes(only) && existsSync('dist/index.html')) {
  const session = await startStudio();
  try {
    if (only !== 'preview-browser') printRows('Designer in Chromium (issues #4, #5)', await designerBrowserBench(session));
    if (only !== 'designer-browser') printRows('Preview and engine in Chromium (issues #6, #7)', await previewBrowserBench(session));
  } finally {
    await session.close();
  }
}
// Only the engine benchmark inside a Chromium worker (`npm run bench engine-worker`): about a minute.
if (only === 'engine-worker') {
  const session = await startStudio();
  try {
    printRows('Engine in a Chromium worker (issue #6)', await engineInWorker(session, Number(process.env.BENCH_SPANS ?? 1_000_000)));
  } finally {
    await session.close();
  }
}
