/** Messages about the open design under the header: how the tab opened, an unsaved shared design, storage trouble. */
import { useDesigns, useStores } from '../app/StoreContext';

export function DesignBanners({ onExport }: { onExport: () => void }) {
  const { designs } = useStores();
  const notice = useDesigns((s) => s.notice);
  const shared = useDesigns((s) => s.shared);
  const problem = useDesigns((s) => s.storageProblem);
  if (!notice && !shared && !problem) return null;
  return (
    <div className="banners">
      {notice && (
        <div className={`banner banner--${notice.tone === 'error' ? 'danger' : 'info'}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="link-notice">
          <div className="banner__text">
            <strong>{notice.title}</strong>
            {notice.lines.map((line, i) => (
              <span key={i}> {line}</span>
            ))}
          </div>
          <button type="button" className="button button--small" onClick={() => designs.getState().dismissNotice()}>
            Dismiss
          </button>
        </div>
      )}
      {shared && (
        <div className="banner banner--info" role="status" data-testid="shared-banner">
          <div className="banner__text">
            <strong>{shared.source === 'otelbin' ? 'Design from an OTelBin link.' : 'Shared design.'}</strong> It is not saved in this browser, and it will not replace any of your saved designs
            unless you save it.
          </div>
          <button type="button" className="button button--small button--primary" onClick={() => designs.getState().saveShared()}>
            Save as a new design
          </button>
        </div>
      )}
      {problem && (
        <div className="banner banner--warning" role="alert" data-testid="storage-banner">
          <div className="banner__text">
            <strong>Changes are not being saved.</strong> {problem.message} Your design is kept in this tab only: export it to keep a copy.
          </div>
          <button type="button" className="button button--small" onClick={onExport}>
            Export…
          </button>
          <button type="button" className="button button--small" onClick={() => designs.getState().retryStorage()}>
            Try again
          </button>
        </div>
      )}
    </div>
  );
}
