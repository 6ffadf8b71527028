// `npm test`: install what is missing, then lint, type check, unit and conformance tests
// (Vitest), a production build and the Playwright end-to-end tests in Debian Chromium.
import { ensureChromium, ensureNodeModules, run } from './ensure.mjs';

const started = Date.now();
ensureNodeModules();
ensureChromium();
run('npx eslint . --max-warnings 0');
run('npx tsc -p tsconfig.json --noEmit');
run('npx vitest run');
run('npm run build');
run('npx playwright test');
console.log(`\n✔ all checks passed in ${Math.round((Date.now() - started) / 1000)} s`);
