/**
 * `npm run bench`: every number is a ratio to a baseline measured in the same run on the same
 * machine (performance.md: absolute times on shared 2-core VMs mean little).
 */
import { existsSync } from 'node:fs';
import { bundleRows } from './bundleRows';
import { designerBench } from './designerBench';
import { printRows } from './measure';

const only = process.argv[2];
console.log(`# Pipeline Studio benchmarks (${process.version}, ${new Date().toISOString()})`);
if (!only || only === 'designer') printRows('Designer (issue #3)', designerBench());
if ((!only || only === 'bundle') && existsSync('dist/index.html')) printRows('Bundle', bundleRows('dist'));
