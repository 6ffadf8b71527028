// One flat config. The layer rules below hold the architecture of notes/style.md:
// core <- engine <- state <- ui <- main.tsx. Each message says why, so a newcomer who trips on it learns the rule.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const coreWhy = 'src/core runs unchanged in Node, in the worker and on the page; pass data in instead';

const reactImports = [
  { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: `${coreWhy} (no React in core).` },
  { group: ['@xyflow/*'], message: `${coreWhy} (React Flow belongs to src/ui/canvas).` },
  { group: ['monaco-editor', 'monaco-editor/*', 'monaco-yaml', 'monaco-yaml/*', '@monaco-editor/*'], message: `${coreWhy} (Monaco belongs to src/ui/editor).` },
  { group: ['zustand', 'zustand/*'], message: `${coreWhy} (stores live in src/state).` },
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'reference/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', 'src/core/validation/generated/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'No `export *` inside src: import from the module that defines the name (style.md #12).' },
        { selector: 'CallExpression[callee.object.name="describe"][callee.property.name="only"]', message: 'describe.only would silently skip the rest of the suite.' },
        { selector: 'CallExpression[callee.object.name="it"][callee.property.name="only"]', message: 'it.only would silently skip the rest of the suite.' },
        { selector: 'CallExpression[callee.object.name="test"][callee.property.name="only"]', message: 'test.only would silently skip the rest of the suite.' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...reactImports,
            { group: ['**/engine/*', '**/engine', '**/state/*', '**/ui/*', '**/cli/*'], message: `${coreWhy}; core imports only core and plain libraries (yaml, ajv).` },
            { group: ['node:*', 'fs', 'path', 'worker_threads'], message: `${coreWhy}; Node APIs belong to src/cli (tests may use them).` },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: `${coreWhy} (no DOM).` },
        { name: 'document', message: `${coreWhy} (no DOM).` },
        { name: 'self', message: `${coreWhy} (no worker globals).` },
        { name: 'postMessage', message: `${coreWhy} (the worker boundary is src/engine).` },
        { name: 'setTimeout', message: `${coreWhy}; time is passed in, never read (simulated clock).` },
        { name: 'setInterval', message: `${coreWhy}; time is passed in, never read (simulated clock).` },
        { name: 'localStorage', message: `${coreWhy} (persistence belongs to src/state).` },
        { name: 'fetch', message: `${coreWhy} (I/O happens at the edge).` },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: `${coreWhy}; time is passed in, never read, so runs are deterministic.` },
        { object: 'Math', property: 'random', message: `${coreWhy}; use the seeded generator so runs are reproducible.` },
      ],
    },
  },
  {
    files: ['src/core/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off', 'no-restricted-properties': 'off' },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...reactImports.map((p) => ({ ...p, message: p.message.replace(coreWhy, 'src/engine is the worker boundary: it wires messages to core') })),
            { group: ['**/state/*', '**/ui/*', '**/cli/*'], message: 'src/engine imports only core: the state and UI layers sit above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/state/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react-dom', '@xyflow/*', 'monaco-editor', 'monaco-editor/*', 'monaco-yaml', '@monaco-editor/*'], message: 'src/state holds plain stores; rendering belongs to src/ui.' },
            { group: ['**/ui/*', '**/cli/*'], message: 'src/state sits below the UI: the UI reads stores, never the other way round.' },
            { group: ['**/engine/*.worker', '**/engine/*.worker.ts', '**/engine/protocol', '**/engine/protocol.ts'], message: 'src/state talks to the engine only through its client (engineClient).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/engine/*', '**/engine'], message: 'The UI never talks to the engine directly: go through a store in src/state (style.md layers).' },
            { group: ['**/cli/*', 'node:*'], message: 'The UI runs in the browser; the CLI and Node APIs are not available there.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/ui/*', '**/state/*', 'react', 'react-dom'], message: 'The CLI runs core in Node; it has no UI or stores.' }] },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
