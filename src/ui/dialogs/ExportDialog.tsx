/**
 * Export: the config as a plain YAML file or wrapped for Kubernetes, Helm or docker compose,
 * `${env:X}` placeholders kept. Shows the validator's verdict first and asks before exporting a
 * config the Collector would refuse.
 */
import { useMemo, useState } from 'react';
import { exportConfig } from '../../core/export/exportConfig';
import type { ExportFormat, ExportOptions } from '../../core/export/exportTypes';
import { validateConfig } from '../../core/validation/validateConfig';
import { useDocument } from '../app/StoreContext';
import { copyText } from './copyText';
import { Dialog } from './Dialog';
import { downloadText } from './downloadText';

const FORMATS: readonly { id: ExportFormat; label: string; hint: string }[] = [
  { id: 'yaml', label: 'YAML', hint: 'The config file itself, for otelcol --config.' },
  { id: 'helm-values', label: 'Helm values', hint: 'values.yaml for the opentelemetry-collector chart (alternateConfig, so no defaults are merged in).' },
  { id: 'configmap', label: 'ConfigMap', hint: 'A Kubernetes ConfigMap holding the config under the key the chart uses.' },
  { id: 'operator', label: 'OpenTelemetryCollector', hint: 'An OpenTelemetry Operator resource (opentelemetry.io/v1beta1), config as a map.' },
  { id: 'docker-compose', label: 'docker compose', hint: 'compose.yaml running the distribution’s image, plus the config file it mounts.' },
];

type Pending = { kind: 'download' | 'copy'; name: string; content: string } | null;

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const text = useDocument((s) => s.text);
  const distribution = useDocument((s) => s.distribution);
  const env = useDocument((s) => s.env);
  const [format, setFormat] = useState<ExportFormat>('yaml');
  const [name, setName] = useState('otel-collector');
  const [namespace, setNamespace] = useState('');
  const [mode, setMode] = useState<NonNullable<ExportOptions['mode']>>('deployment');
  const [confirmedInvalid, setConfirmedInvalid] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const [status, setStatus] = useState('');

  const verdict = useMemo(() => validateConfig(text, { distribution, env }), [text, distribution, env]);
  const errors = verdict.diagnostics.filter((d) => d.severity === 'error');
  const warnings = verdict.diagnostics.filter((d) => d.severity === 'warning');
  const result = useMemo(
    () => exportConfig(text, format, { distribution, env, name: name.trim() || 'otel-collector', mode, ...(namespace.trim() ? { namespace: namespace.trim() } : {}) }),
    [text, format, distribution, env, name, namespace, mode],
  );
  const formatInfo = FORMATS.find((f) => f.id === format) ?? FORMATS[0]!;

  const perform = async (action: NonNullable<Pending>) => {
    if (action.kind === 'download') {
      downloadText(action.name, action.content);
      setStatus(`Downloaded ${action.name}.`);
    } else {
      setStatus((await copyText(action.content)) ? `Copied ${action.name} to the clipboard.` : 'Copying was refused: select the text and press Ctrl+C.');
    }
  };
  const request = (action: NonNullable<Pending>) => {
    if (!verdict.valid && !confirmedInvalid) setPending(action);
    else void perform(action);
  };

  return (
    <Dialog
      title="Export"
      subtitle="Environment placeholders such as ${env:OTLP_ENDPOINT} are kept as they are in every format."
      onClose={onClose}
      size="wide"
      testId="export-dialog"
      footer={
        <>
          <span className="dialog__hint" role="status" aria-live="polite">
            {status}
          </span>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      {verdict.valid ? (
        <p className="callout callout--ok" data-testid="export-verdict">
          Valid for {distribution}
          {warnings.length > 0 ? `, with ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''}: the Collector would accept this config.
        </p>
      ) : (
        <div className="callout callout--danger" data-testid="export-verdict">
          <strong>
            Not valid for {distribution}: {errors.length} error{errors.length === 1 ? '' : 's'}. The Collector would refuse to start with this config.
          </strong>
          <ul className="callout__list">
            {errors.slice(0, 3).map((d, i) => (
              <li key={i}>
                {d.range ? `line ${d.range.start.line}: ` : ''}
                {d.message}
              </li>
            ))}
            {errors.length > 3 && <li>…and {errors.length - 3} more in the Problems panel.</li>}
          </ul>
        </div>
      )}

      <div className="segmented" role="radiogroup" aria-label="Export format">
        {FORMATS.map((f) => (
          <label key={f.id} className={`segmented__item${f.id === format ? ' is-selected' : ''}`}>
            <input type="radio" name="export-format" value={f.id} checked={f.id === format} onChange={() => setFormat(f.id)} />
            {f.label}
          </label>
        ))}
      </div>
      <p className="dialog__hint">{formatInfo.hint}</p>

      {format !== 'yaml' && (
        <div className="export__options">
          <label className="field field--inline">
            <span className="field__label">Name</span>
            <input value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} />
          </label>
          {(format === 'configmap' || format === 'operator') && (
            <label className="field field--inline">
              <span className="field__label">Namespace</span>
              <input value={namespace} onChange={(e) => setNamespace(e.target.value)} placeholder="(none)" spellCheck={false} />
            </label>
          )}
          {(format === 'helm-values' || format === 'operator') && (
            <label className="field field--inline">
              <span className="field__label">Mode</span>
              <select value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
                <option value="deployment">deployment</option>
                <option value="daemonset">daemonset</option>
                <option value="statefulset">statefulset</option>
              </select>
            </label>
          )}
        </div>
      )}

      {pending && (
        <div className="callout callout--warning" role="alertdialog" aria-label="Export an invalid config?">
          <p>
            This config has {errors.length} error{errors.length === 1 ? '' : 's'}; a Collector started with it would exit. Export {pending.name} anyway?
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                setConfirmedInvalid(true);
                setPending(null);
                void perform(pending);
              }}
            >
              Export anyway
            </button>
            <button type="button" className="button" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {!result.ok ? (
        <p className="callout callout--danger">{result.message}</p>
      ) : (
        <>
          {result.notes.length > 0 && (
            <ul className="export__notes" aria-label="Export notes">
              {result.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          )}
          {result.files.map((file) => (
            <section key={file.name} className="export__file" aria-label={file.name}>
              <header className="export__file-header">
                <code>{file.name}</code>
                <span className="export__file-size">{file.content.split('\n').length} lines</span>
                <button type="button" className="button" onClick={() => request({ kind: 'copy', name: file.name, content: file.content })}>
                  Copy
                </button>
                <button type="button" className="button button--primary" onClick={() => request({ kind: 'download', name: file.name, content: file.content })}>
                  Download
                </button>
              </header>
              <pre className="export__content" tabIndex={0} data-testid={`export-file-${file.name}`}>
                {file.content}
              </pre>
            </section>
          ))}
        </>
      )}
    </Dialog>
  );
}
