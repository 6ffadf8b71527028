// Bundles the command-line tool (src/cli/main.ts and the pure core it uses) into one ESM file
// for Node, so `npx pipeline-studio` works right after `npm ci` without a TypeScript loader.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = `${root}src/cli/main.ts`;
if (!existsSync(entry)) {
  console.error('build-cli: src/cli/main.ts is missing');
  process.exit(1);
}
await build({
  entryPoints: [entry],
  outfile: `${root}dist-cli/pipeline-studio.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
