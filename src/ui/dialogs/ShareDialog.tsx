/** Share: the whole design in a link (config, distribution, environment values, the preview's state). */
import { useMemo, useState } from 'react';
import { linkLengthAdvice } from '../../core/share/linkLengthAdvice';
import { useDocument, useStores } from '../app/StoreContext';
import { previewShareState } from './previewShareState';
import { buildShareUrl } from './buildShareUrl';
import { copyText } from './copyText';
import { Dialog } from './Dialog';

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { simulation } = useStores();
  const text = useDocument((s) => s.text);
  const distribution = useDocument((s) => s.distribution);
  const env = useDocument((s) => s.env);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  // Read once when the dialog opens: the link describes the view the user is looking at now.
  const [preview] = useState(() => previewShareState(simulation.getState()));
  const ownTraces = simulation.getState().source !== 'scenario';
  const url = useMemo(
    () => buildShareUrl({ config: text, distribution, env, ...preview }, `${location.origin}${location.pathname}${location.search}`),
    [text, distribution, env, preview],
  );
  const advice = linkLengthAdvice(url.length);
  const envCount = Object.keys(env).length;
  const holds = [
    'the YAML',
    `the distribution (${distribution})`,
    envCount > 0 ? `${envCount} environment value${envCount === 1 ? '' : 's'}` : null,
    preview.scenario ? `the preview's scenario "${preview.scenario.name}"` : null,
    preview.seed !== undefined ? `seed ${preview.seed}` : null,
    preview.traceId ? 'the selected trace' : null,
  ].filter((x): x is string => x !== null);

  const copy = async () => setCopied((await copyText(url)) ? 'yes' : 'failed');

  return (
    <Dialog
      title="Share this design"
      subtitle="The link holds the whole design in its #fragment: nothing is uploaded, and whoever opens it sees the same view."
      onClose={onClose}
      testId="share-dialog"
      footer={
        <>
          <span className="dialog__hint" role="status" aria-live="polite">
            {copied === 'yes' ? 'Link copied to the clipboard.' : copied === 'failed' ? 'Copying was refused: select the link and press Ctrl+C.' : ''}
          </span>
          <button type="button" className="button button--primary" onClick={() => void copy()}>
            Copy link
          </button>
        </>
      }
    >
      <label className="field">
        <span className="field__label">Link</span>
        <textarea className="share__link" readOnly value={url} rows={4} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} spellCheck={false} />
      </label>
      <p className="share__meta">
        <strong data-testid="share-length">{url.length.toLocaleString('en-US')} characters</strong> · holds {holds.join(', ')}.
      </p>
      {advice.length === 0 ? (
        <p className="callout callout--ok">Short enough for chat tools, tickets and e-mail.</p>
      ) : (
        <ul className="share__advice" aria-label="Link length warnings">
          {advice.map((a) => (
            <li key={a.threshold} className={`callout callout--${a.severity === 'error' ? 'danger' : 'warning'}`}>
              {a.message}
            </li>
          ))}
        </ul>
      )}
      {ownTraces && <p className="callout callout--info">The preview shows your own trace files; they are not part of the link, so the recipient’s preview uses the generated scenario.</p>}
      <p className="dialog__hint">Opening the link starts an unsaved “shared design”: it never overwrites the recipient’s saved designs.</p>
    </Dialog>
  );
}
