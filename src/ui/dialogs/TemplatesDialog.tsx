/**
 * The template gallery. Opening a template replaces the document's text; when the current text
 * is the user's own (neither the sample nor a template), it asks first and offers to open the
 * template as a new design instead, so nothing is lost.
 */
import { useMemo, useState } from 'react';
import { SAMPLE_CONFIG } from '../../core/samples/sampleConfig';
import type { ConfigTemplate } from '../../core/templates/configTemplate';
import { listTemplates } from '../../core/templates/templateGallery';
import { useDocument, useStores } from '../app/StoreContext';
import { Dialog } from './Dialog';

export function TemplatesDialog({ onClose, onOpened }: { onClose: () => void; onOpened: (message: string) => void }) {
  const { document, designs } = useStores();
  const text = useDocument((s) => s.text);
  const templates = listTemplates();
  const [asking, setAsking] = useState<ConfigTemplate | null>(null);
  const ownText = useMemo(() => text.trim() !== '' && text !== SAMPLE_CONFIG && !templates.some((t) => t.config === text), [text, templates]);

  const replace = (template: ConfigTemplate) => {
    document.getState().setText(template.config, 'import');
    onOpened(`Opened the template “${template.title}”`);
  };
  const openAsNew = (template: ConfigTemplate) => {
    const { distribution, env } = document.getState();
    designs.getState().createDesign(template.title, { text: template.config, distribution, env });
    onOpened(`Opened the template “${template.title}” as a new design`);
  };
  const choose = (template: ConfigTemplate) => (ownText ? setAsking(template) : replace(template));

  return (
    <Dialog title="Templates" subtitle={`${templates.length} validated recipes for otelcol-contrib, commented to explain their choices.`} onClose={onClose} size="wide" testId="templates-dialog">
      {asking && (
        <div className="callout callout--warning" role="alertdialog" aria-label="Replace the current design?">
          <p>
            The current design has your own changes. Replace its text with “{asking.title}”, or open the template as a new design and keep this one as it is?
          </p>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={() => openAsNew(asking)}>
              Open as a new design
            </button>
            <button type="button" className="button button--danger" onClick={() => replace(asking)}>
              Replace the text
            </button>
            <button type="button" className="button" onClick={() => setAsking(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <ul className="templates" aria-label="Templates">
        {templates.map((t) => (
          <li key={t.id} className="template-card">
            <h3 className="template-card__title">{t.title}</h3>
            <p className="template-card__description">{t.description}</p>
            <ul className="template-card__tags" aria-label="Tags">
              {t.tags.map((tag) => (
                <li key={tag} className="tag">
                  {tag}
                </li>
              ))}
            </ul>
            <button type="button" className="button template-card__open" onClick={() => choose(t)} aria-label={`Open template: ${t.title}`}>
              Open
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
