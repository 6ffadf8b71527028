/**
 * Import: one or more YAML files, recognised (Collector config, ConfigMap, OpenTelemetryCollector,
 * Helm values) and, for several, merged in order like repeated `--config` flags. Nothing touches
 * the document until the user presses "Open in the editor".
 */
import { useMemo, useRef, useState } from 'react';
import type { ConfigSource } from '../../core/import/mergeConfigs';
import type { ImportKind } from '../../core/import/recogniseImport';
import { Dialog } from './Dialog';
import { planImport } from './planImport';

const KIND_LABEL: Record<ImportKind, string> = {
  'collector-config': 'Collector config',
  configmap: 'ConfigMap',
  'operator-v1alpha1': 'OpenTelemetryCollector v1alpha1',
  'operator-v1beta1': 'OpenTelemetryCollector v1beta1',
  'helm-values': 'Helm values',
  'not-yaml': 'Not YAML',
  'not-collector-config': 'Not a config',
};

export interface ImportDialogProps {
  readonly sources: readonly ConfigSource[];
  /** Messages about files that were refused before reading them as YAML. */
  readonly rejected: readonly string[];
  readonly onSourcesChange: (sources: readonly ConfigSource[]) => void;
  readonly onFilesChosen: (files: File[]) => void;
  readonly onOpen: (text: string, summary: string) => void;
  readonly onClose: () => void;
}

export function ImportDialog({ sources, rejected, onSourcesChange, onFilesChosen, onOpen, onClose }: ImportDialogProps) {
  const input = useRef<HTMLInputElement>(null);
  const [asHelmConfig, setAsHelmConfig] = useState(false);
  const plan = useMemo(() => planImport(sources, { asHelmConfig }), [sources, asHelmConfig]);
  const single = sources.length === 1 ? plan.files[0] : undefined;
  const move = (index: number) => {
    const next = [...sources];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index - 1, 0, item);
    onSourcesChange(next);
  };

  const open = () => {
    if (!plan.ok) return;
    const names = plan.files.map((f) => f.name).join(', ');
    const what = plan.how === 'helm' ? "merged over the Helm chart's defaults" : plan.how === 'merged' ? 'merged in order' : plan.how === 'unwrapped' ? `from the ${KIND_LABEL[plan.files[0]!.kind]}` : '';
    onOpen(plan.text, `Imported ${names}${what ? ` (${what})` : ''}`);
  };

  return (
    <Dialog
      title="Import YAML"
      subtitle="A Collector config, a ConfigMap or OpenTelemetryCollector holding one, or values for the Helm chart. Several files merge in order, like repeated --config flags."
      onClose={onClose}
      size="wide"
      testId="import-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button--primary" onClick={open} disabled={!plan.ok}>
            Open in the editor
          </button>
        </>
      }
    >
      <div className="dropzone">
        <p>
          Drop YAML files anywhere on the window, or{' '}
          <button type="button" className="button" onClick={() => input.current?.click()}>
            Choose files…
          </button>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            accept=".yaml,.yml,.txt,application/yaml,text/yaml"
            aria-label="Choose YAML files"
            onChange={(e) => {
              const files = Array.from(e.target.files ?? []);
              e.target.value = '';
              onFilesChosen(files);
            }}
          />
        </p>
        <p className="dialog__hint">Files are read in this browser; nothing is uploaded. The document changes only when you press “Open in the editor”.</p>
      </div>

      {rejected.map((message, i) => (
        <p key={i} className="callout callout--danger" role="alert">
          {message}
        </p>
      ))}

      {plan.files.length > 0 && (
        <ol className="import__files" aria-label="Files to import, in merge order">
          {plan.files.map((file, i) => (
            <li key={`${file.name}-${i}`} className="import__file">
              <div className="import__file-head">
                <code>{file.name}</code>
                <span className={`tag${file.kind === 'not-yaml' || file.kind === 'not-collector-config' ? ' tag--danger' : ''}`}>{KIND_LABEL[file.kind]}</span>
                <span className="import__file-actions">
                  {i > 0 && (
                    <button type="button" className="button button--small" onClick={() => move(i)} aria-label={`Move ${file.name} earlier`}>
                      ↑
                    </button>
                  )}
                  <button type="button" className="button button--small" onClick={() => onSourcesChange(sources.filter((_, j) => j !== i))} aria-label={`Remove ${file.name}`}>
                    Remove
                  </button>
                </span>
              </div>
              <p className="import__sentence">{file.sentence}</p>
            </li>
          ))}
        </ol>
      )}

      {single?.kind === 'collector-config' && (
        <label className="checkbox">
          <input type="checkbox" checked={asHelmConfig} onChange={(e) => setAsHelmConfig(e.target.checked)} />
          This is the <code>config:</code> of Helm values: merge it over the opentelemetry-collector chart’s default config
        </label>
      )}

      {sources.length > 0 && !plan.ok && (
        <p className="callout callout--danger" role="alert" data-testid="import-error">
          {plan.message} The document is unchanged.
        </p>
      )}

      {plan.ok && (
        <section className="import__result" aria-label="What opens">
          <h3>{plan.heading}</h3>
          {plan.explanation.length > 0 && (
            <ul className="import__explanation" data-testid="import-explanation">
              {plan.explanation.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          <pre className="export__content import__preview" tabIndex={0} aria-label="Config that opens">
            {plan.text}
          </pre>
        </section>
      )}
    </Dialog>
  );
}
