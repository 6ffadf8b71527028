/** The open design's name, editable in place, with what autosave is doing. */
import { useRef, useState } from 'react';
import { selectSaveStatus } from '../../state/designStore';
import { useDesigns, useStores } from '../app/StoreContext';

export function DesignNameField() {
  const { designs } = useStores();
  const name = useDesigns((s) => s.currentName);
  const status = useDesigns(selectSaveStatus);
  const problem = useDesigns((s) => s.storageProblem !== null || s.shared !== null);
  const [draft, setDraft] = useState<string | null>(null);
  const cancelled = useRef(false);
  const commit = () => {
    if (!cancelled.current && draft !== null && draft !== name) designs.getState().renameCurrent(draft);
    cancelled.current = false;
    setDraft(null);
  };
  return (
    <div className="design-name">
      <input
        className="design-name__input"
        value={draft ?? name}
        aria-label="Design name"
        maxLength={120}
        spellCheck={false}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') {
            cancelled.current = true;
            e.currentTarget.blur();
          }
        }}
      />
      <span className={`design-name__status${problem ? ' is-warning' : ''}`} data-testid="save-status">
        {status}
      </span>
    </div>
  );
}
