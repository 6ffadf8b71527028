import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// The policy the production build must live under (no eval, no inline scripts, no CDN).
// Monaco needs 'unsafe-inline' styles (web-stack.md, CSP). Never sent by the dev server:
// Vite injects inline scripts there.
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'";

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

export default defineConfig({
  plugins: [react()],
  base: './',
  resolve: {
    alias: [
      // monaco-editor >= 0.56 has an exports map that breaks monaco-worker-manager's deep imports.
      { find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` },
    ],
  },
  worker: { format: 'es' },
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    sourcemap: false,
  },
  preview: {
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': CSP },
  },
});
