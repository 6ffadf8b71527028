/** The Designs manager: new, open, rename, duplicate and delete the designs saved in this browser. */
import { useState } from 'react';
import { DEFAULT_DISTRIBUTION } from '../../core/catalog/catalog';
import { SAMPLE_CONFIG } from '../../core/samples/sampleConfig';
import type { DesignSummary } from '../../state/designStorage';
import { useDesigns, useStores } from '../app/StoreContext';
import { Dialog } from './Dialog';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function DesignRow({ design, current, onOpened }: { design: DesignSummary; current: boolean; onOpened: (message: string) => void }) {
  const { designs } = useStores();
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(design.name);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const open = () => {
    if (designs.getState().open(design.id)) onOpened(`Opened “${design.name}”`);
  };
  const commit = () => {
    designs.getState().rename(design.id, draft);
    setRenaming(false);
  };
  return (
    <li className={`design-row${current ? ' is-current' : ''}`} data-testid="design-row">
      <div className="design-row__main">
        {renaming ? (
          <input
            className="design-row__rename"
            value={draft}
            aria-label={`New name for ${design.name}`}
            autoFocus
            maxLength={120}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
              if (e.key === 'Escape') {
                e.preventDefault(); // keep the dialog open: Escape cancels the rename only
                setRenaming(false);
              }
            }}
            onBlur={commit}
          />
        ) : (
          <span className="design-row__name">{design.name}</span>
        )}
        <span className="design-row__meta">
          {current ? 'Open now · ' : ''}changed {when.format(design.updatedAt)}
        </span>
      </div>
      {confirmOpen ? (
        <div className="button-row" role="group" aria-label={`Open ${design.name}?`}>
          <span>The shared design is not saved: opening “{design.name}” closes it.</span>
          <button type="button" className="button button--danger" onClick={open}>
            Open anyway
          </button>
          <button type="button" className="button" onClick={() => setConfirmOpen(false)}>
            Cancel
          </button>
        </div>
      ) : confirmDelete ? (
        <div className="button-row" role="group" aria-label={`Delete ${design.name}?`}>
          <span>Delete “{design.name}” from this browser?</span>
          <button type="button" className="button button--danger" onClick={() => designs.getState().remove(design.id)}>
            Delete
          </button>
          <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
            Keep
          </button>
        </div>
      ) : (
        <div className="button-row">
          {!current && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => (designs.getState().shared && designs.getState().hasUnsavedChanges() ? setConfirmOpen(true) : open())}
              aria-label={`Open ${design.name}`}
            >
              Open
            </button>
          )}
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(design.name);
              setRenaming(true);
            }}
            aria-label={`Rename ${design.name}`}
          >
            Rename
          </button>
          <button type="button" className="button" onClick={() => designs.getState().duplicate(design.id)} aria-label={`Duplicate ${design.name}`}>
            Duplicate
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setConfirmDelete(true)}
            disabled={current}
            title={current ? 'Open another design before deleting this one' : undefined}
            aria-label={`Delete ${design.name}`}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

export function DesignsDialog({ onClose, onOpened }: { onClose: () => void; onOpened: (message: string) => void }) {
  const { designs } = useStores();
  const list = useDesigns((s) => s.designs);
  const currentId = useDesigns((s) => s.currentId);
  const shared = useDesigns((s) => s.shared);
  const currentName = useDesigns((s) => s.currentName);

  return (
    <Dialog title="Designs" subtitle="Saved in this browser as you type. Nothing is uploaded." onClose={onClose} size="wide" testId="designs-dialog">
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            designs.getState().createDesign(undefined, { text: SAMPLE_CONFIG, distribution: DEFAULT_DISTRIBUTION, env: {} });
            onOpened('Started a new design from the sample');
          }}
        >
          New design
        </button>
        {shared && (
          <button type="button" className="button" onClick={() => designs.getState().saveShared()}>
            Save “{currentName}” as a new design
          </button>
        )}
      </div>
      {shared && <p className="callout callout--info">The open design, “{currentName}”, came from a link and is not saved in this browser yet.</p>}
      {list.length === 0 ? (
        <p className="dialog__hint">No saved designs yet.</p>
      ) : (
        <ul className="designs" aria-label="Saved designs">
          {list.map((d) => (
            <DesignRow key={d.id} design={d} current={d.id === currentId} onOpened={onOpened} />
          ))}
        </ul>
      )}
    </Dialog>
  );
}
