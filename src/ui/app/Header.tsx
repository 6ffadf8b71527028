/** Product name, distribution, and the ways a design enters and leaves the app. */
import { useRef, useState, type ChangeEvent } from 'react';
import { COLLECTOR_VERSION, listDistributions } from '../../core/catalog/catalog';
import { encodeShareFragment } from '../../core/share/shareLink';
import { useDocument, useStores, useUi } from './StoreContext';

const distributions = listDistributions();
/** Chat tools and some browsers truncate or refuse very long links. */
const LONG_LINK = 8000;

export function Header() {
  const { document, ui } = useStores();
  const distribution = useDocument((s) => s.distribution);
  const theme = useUi((s) => s.theme);
  const fileInput = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string | null>(null);

  const say = (message: string) => {
    setStatus(message);
    window.setTimeout(() => setStatus((s) => (s === message ? null : s)), 6000);
  };

  const share = async () => {
    const { text, env } = document.getState();
    const url = `${location.origin}${location.pathname}#${encodeShareFragment({ config: text, distribution, env })}`;
    history.replaceState(null, '', url);
    const long = url.length > LONG_LINK ? ` — ${url.length} characters, too long for some chat tools` : ` (${url.length} characters)`;
    try {
      await navigator.clipboard.writeText(url);
      say(`Share link copied${long}`);
    } catch {
      say(`Share link is in the address bar${long}`);
    }
  };

  const exportYaml = () => {
    const blob = new Blob([document.getState().text], { type: 'application/yaml' });
    const a = window.document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'otelcol-config.yaml';
    a.click();
    URL.revokeObjectURL(a.href);
    say('Downloaded otelcol-config.yaml');
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > 20 * 1024 * 1024) return say(`${file.name} is ${(file.size / 1048576).toFixed(0)} MiB; configs over 20 MiB are not opened.`);
    const text = await file.text();
    if (text.includes('\u0000')) return say(`${file.name} is not a text file.`);
    document.getState().setText(text, 'import');
    say(`Opened ${file.name}`);
  };

  return (
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
        <span className="header__version" title="Component registry version">Collector {COLLECTOR_VERSION.split(' ')[0]}</span>
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
      <div className="header__status" role="status" aria-live="polite">
        {status}
      </div>
      <nav className="header__actions" aria-label="Design actions">
        <button type="button" onClick={() => fileInput.current?.click()} title="Open a YAML file (a Collector config, ConfigMap, OpenTelemetryCollector or Helm values)">
          Import
        </button>
        <input ref={fileInput} type="file" accept=".yaml,.yml,.txt,application/yaml,text/yaml" hidden onChange={(e) => void importFile(e)} aria-label="Import YAML file" />
        <button type="button" onClick={exportYaml} title="Download the YAML">
          Export
        </button>
        <button type="button" onClick={() => void share()} title="Copy a link that holds this design (nothing is uploaded)">
          Share
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
  );
}
