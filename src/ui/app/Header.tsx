/** Product name, distribution, the open design's name, and the ways a design enters and leaves the app. */
import { lazy, Suspense, useCallback, useRef, useState, type ChangeEvent } from 'react';
import { COLLECTOR_VERSION, listDistributions } from '../../core/catalog/catalog';
import type { ConfigSource } from '../../core/import/mergeConfigs';
import { DesignBanners } from '../dialogs/DesignBanners';
import { DesignNameField } from '../dialogs/DesignNameField';
import { DesignsDialog } from '../dialogs/DesignsDialog';
import { readConfigFiles } from '../dialogs/readConfigFiles';
import { useYamlFileDrop } from '../dialogs/useYamlFileDrop';
import { useDocument, useStores, useUi } from './StoreContext';
import '../dialogs/dialogs.css';

// Dialogs load on first use: export/import pull in the YAML library and the validator, templates
// the recipes, so none of them weighs on the first paint.
const ExportDialog = lazy(() => import('../dialogs/ExportDialog').then((m) => ({ default: m.ExportDialog })));
const ImportDialog = lazy(() => import('../dialogs/ImportDialog').then((m) => ({ default: m.ImportDialog })));
const ShareDialog = lazy(() => import('../dialogs/ShareDialog').then((m) => ({ default: m.ShareDialog })));
const TemplatesDialog = lazy(() => import('../dialogs/TemplatesDialog').then((m) => ({ default: m.TemplatesDialog })));


const distributions = listDistributions();
/**
 * Files this large open at once as a plain config: recognising wrappers would parse megabytes
 * of YAML on the main thread, and no ConfigMap or values file is that big.
 */
const OPEN_DIRECTLY_BYTES = 1024 * 1024;

type OpenDialog = 'share' | 'import' | 'export' | 'templates' | 'designs' | null;

export function Header() {
  const { document, ui } = useStores();
  const distribution = useDocument((s) => s.distribution);
  const theme = useUi((s) => s.theme);
  const fileInput = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [sources, setSources] = useState<readonly ConfigSource[]>([]);
  const [rejected, setRejected] = useState<readonly string[]>([]);

  const say = useCallback((message: string) => {
    setStatus(message);
    window.setTimeout(() => setStatus((s) => (s === message ? null : s)), 6000);
  }, []);
  const close = useCallback(() => setDialog(null), []);
  const closeWith = useCallback(
    (message: string) => {
      setDialog(null);
      say(message);
    },
    [say],
  );

  const receiveFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      const read = await readConfigFiles(files);
      const only = read.sources[0];
      if (read.sources.length === 1 && read.rejected.length === 0 && only && read.bytes > OPEN_DIRECTLY_BYTES) {
        document.getState().setText(only.text, 'import');
        setDialog((d) => (d === 'import' ? null : d));
        say(`Opened ${only.name} (${(read.bytes / 1048576).toFixed(1)} MiB, opened as it is)`);
        return;
      }
      setSources((previous) => (dialog === 'import' ? [...previous, ...read.sources] : read.sources));
      setRejected(read.rejected);
      setDialog('import');
    },
    [document, dialog, say],
  );

  const dragging = useYamlFileDrop(useCallback((files: File[]) => void receiveFiles(files), [receiveFiles]));

  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    void receiveFiles(files);
  };

  const openImport = () => {
    setSources([]);
    setRejected([]);
    setDialog('import');
  };

  return (
    <>
      <header className="header">
        <div className="header__brand">
          <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="#1e2a4a" />
            <circle cx="8" cy="16" r="3.5" fill="#4f7cff" />
            <circle cx="24" cy="9" r="3.5" fill="#1fa67a" />
            <circle cx="24" cy="23" r="3.5" fill="#d9822b" />
            <path d="M11 15 L21 10 M11 17 L21 22" stroke="#e8ecf5" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <h1>Pipeline Studio</h1>
          <span className="header__version" title="Component registry version">
            Collector {COLLECTOR_VERSION.split(' ')[0]}
          </span>
        </div>
        <label className="header__distro">
          <span>Distribution</span>
          <select value={distribution} onChange={(e) => document.getState().setDistribution(e.target.value)} aria-label="Collector distribution">
            {distributions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <DesignNameField />
        <div className="header__status" role="status" aria-live="polite">
          {status}
        </div>
        <nav className="header__actions" aria-label="Design actions">
          <button type="button" onClick={() => setDialog('templates')} title="Start from one of the validated recipes">
            Templates
          </button>
          <button type="button" onClick={openImport} title="Open YAML files (a Collector config, ConfigMap, OpenTelemetryCollector or Helm values)">
            Import
          </button>
          <input ref={fileInput} type="file" multiple accept=".yaml,.yml,.txt,application/yaml,text/yaml" hidden onChange={chosen} aria-label="Import YAML file" />
          <button type="button" onClick={() => setDialog('export')} title="Download the config as YAML, Helm values, a ConfigMap, an Operator resource or docker compose">
            Export
          </button>
          <button type="button" onClick={() => setDialog('share')} title="A link that holds this design (nothing is uploaded)">
            Share
          </button>
          <button type="button" onClick={() => setDialog('designs')} title="Your designs saved in this browser">
            Designs
          </button>
          <button
            type="button"
            className="header__theme"
            onClick={() => ui.getState().setTheme(theme === 'dark' ? 'light' : 'dark')}
            aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            title="Toggle theme"
          >
            {theme === 'dark' ? '☀' : '☾'}
          </button>
        </nav>
      </header>
      <DesignBanners onExport={() => setDialog('export')} />
      {dragging && (
        <div className="drop-hint" aria-hidden="true">
          Drop YAML files to import them
        </div>
      )}
      <Suspense fallback={null}>
      {dialog === 'share' && <ShareDialog onClose={close} />}
      {dialog === 'export' && <ExportDialog onClose={close} />}
      {dialog === 'templates' && <TemplatesDialog onClose={close} onOpened={closeWith} />}
      {dialog === 'designs' && <DesignsDialog onClose={close} onOpened={closeWith} />}
      {dialog === 'import' && (
        <ImportDialog
          sources={sources}
          rejected={rejected}
          onSourcesChange={setSources}
          onFilesChosen={(files) => void receiveFiles(files)}
          onOpen={(text, summary) => {
            document.getState().setText(text, 'import');
            closeWith(summary);
          }}
          onClose={close}
        />
      )}
      </Suspense>
    </>
  );
}
