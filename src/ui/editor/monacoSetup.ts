/**
 * Monaco + monaco-yaml, fully offline and CSP-safe (web-stack.md "Monaco runtime setup").
 * Imported only by the lazily loaded editor, so none of this is in the first paint.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker';
import { loader } from '@monaco-editor/react';
import { configureMonacoYaml, type JSONSchema, type MonacoYaml } from 'monaco-yaml';

export const MODEL_URI = 'file:///pipeline.yaml';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = {
  getWorker(_workerId, label) {
    if (label === 'yaml') return new YamlWorker();
    if (label === 'editorWorkerService' || label === 'workerMain.js') return new EditorWorker();
    // Any other label would be a language we never load; failing loudly beats a silent data: URL.
    throw new Error(`Pipeline Studio: no worker for Monaco label "${label}"`);
  },
};

// monaco-yaml 5.5.1 (via monaco-worker-manager) still calls createWebWorker the pre-0.55 way
// ({ moduleId, label, createData }). Translate such calls the way Monaco's own helper does;
// remove once remcohaszing/monaco-yaml#272 is fixed (web-stack.md).
type LegacyOptions = { moduleId?: string; label?: string; createData?: unknown; host?: unknown; keepIdleModels?: boolean };
const originalCreateWebWorker = monaco.editor.createWebWorker.bind(monaco.editor);
(monaco.editor as unknown as { createWebWorker: (opts: unknown) => unknown }).createWebWorker = (opts: unknown) => {
  const options = opts as LegacyOptions & { worker?: unknown };
  if (options && 'worker' in options) return originalCreateWebWorker(opts as Parameters<typeof originalCreateWebWorker>[0]);
  const worker = Promise.resolve(window.MonacoEnvironment!.getWorker(options.moduleId ?? 'workerMain.js', options.label ?? 'monaco-editor-worker')).then((w) => {
    w.postMessage('ignore');
    w.postMessage(options.createData);
    return w;
  });
  return originalCreateWebWorker({ worker, host: options.host, keepIdleModels: options.keepIdleModels } as Parameters<typeof originalCreateWebWorker>[0]);
};

// Without this, @monaco-editor/react fetches Monaco from a CDN at run time.
loader.config({ monaco });

let yaml: MonacoYaml | null = null;

/** Points monaco-yaml at the schema for the selected distribution (completion, hover, markers). */
export function setEditorSchema(schema: JSONSchema): void {
  const options = {
    enableSchemaRequest: false,
    hover: true,
    completion: true,
    validate: true,
    isKubernetes: false,
    schemas: [{ uri: 'inmemory://pipeline-studio/collector-config.schema.json', fileMatch: [MODEL_URI], schema }],
  };
  if (yaml) yaml.update(options);
  else yaml = configureMonacoYaml(monaco, options);
}

export { monaco };
