#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist-cli/ by `npm run prepare` (run by `npm ci`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist-cli/pipeline-studio.mjs', import.meta.url));
if (!existsSync(bundle)) {
  console.error('pipeline-studio: the CLI is not built; run `npm ci` or `npm run prepare` first');
  process.exit(2);
}
const { main } = await import(bundle);
process.exitCode = await main(process.argv.slice(2));
