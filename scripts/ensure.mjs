// Shared by `npm start` and `npm test`: install what is missing on a fresh machine.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

export function run(command, options = {}) {
  console.log(`\n▶ ${command}`);
  const result = spawnSync(command, { cwd: root, stdio: 'inherit', shell: true, ...options });
  if (result.status !== 0) {
    console.error(`✖ ${command} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

/** npm ci when node_modules is missing or older than the lock file. */
export function ensureNodeModules() {
  const modules = `${root}node_modules/.package-lock.json`;
  const lock = `${root}package-lock.json`;
  if (!existsSync(modules) || statSync(modules).mtimeMs < statSync(lock).mtimeMs) {
    run('npm ci --no-audit --no-fund');
  } else if (!existsSync(`${root}dist-cli/pipeline-studio.mjs`)) {
    run('npm run prepare');
  }
}

/** Debian Chromium for Playwright (it cannot download its own browsers here). */
export function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(path)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = isRoot ? '' : 'sudo ';
  try {
    execSync('command -v apt-get', { stdio: 'ignore', shell: true });
  } catch {
    console.error(`✖ ${path} is missing and apt-get is not available: install Chromium and set CHROMIUM_PATH.`);
    process.exit(1);
  }
  run(`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq chromium fonts-liberation`);
}
