import { defineConfig } from 'vitest/config';

// core and engine tests run in Node, exactly where the CLI runs them (style.md: "runs unchanged in Node").
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
