/**
 * `npm run bench`: every number is a ratio to a baseline measured in the same run on the same
 * machine (performance.md: absolute times on shared 2-core VMs mean little).
 */
import { existsSync } from 'node:fs';
import { browserBench } from './browserBench';
import { bundleRows } from './bundleRows';
import { designerBench } from './designerBench';
import { engineBench } from './engineBench';
import { printRows } from './measure';

const only = process.argv[2];
console.log(`# Pipeline Studio benchmarks (${process.version}, ${new Date().toISOString()})`);
if (!only || only === 'designer') printRows('Designer (issue #3)', designerBench());
if (!only || only === 'engine') printRows('Engine in Node (issue #6)', engineBench(Number(process.env.BENCH_SPANS ?? 1_000_000)));
if ((!only || only === 'bundle') && existsSync('dist/index.html')) printRows('Bundle', bundleRows('dist'));
// The Chromium bench is opt-in (`npm run bench browser`): see the closing note of session 1.
if (only === 'browser' && existsSync('dist/index.html')) printRows('In Chromium (issues #3, #4)', await browserBench());
