// `npm run bench [section]`: bundles bench/index.ts for Node with esbuild and runs it.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { root, run } from './ensure.mjs';

if (!existsSync(`${root}dist/index.html`)) run('npm run build');
await build({
  entryPoints: [`${root}bench/index.ts`],
  outfile: `${root}bench-results/bench.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // Playwright and its browser bindings stay in node_modules: they load files relative to themselves.
  external: ['@playwright/test', 'playwright-core', 'playwright'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const result = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', `${root}bench-results/bench.mjs`, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
