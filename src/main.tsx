/** Composition root: creates the stores and the analysis client, then renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/app/app.css';
import { SAMPLE_CONFIG } from './core/samples/sampleConfig';
import { decodeShareFragment } from './core/share/shareLink';
import { decodeOtelbinFragment } from './core/share/otelbinFragment';
import { DEFAULT_DISTRIBUTION, isKnownDistribution } from './core/catalog/catalog';
import { createWorkerAnalysisClient } from './engine/analysisClient';
import { createDocumentStore } from './state/documentStore';
import { createWorkerSimulationClient } from './engine/simulationClient';
import { createSimulationStore, followDocument } from './state/simulationStore';
import { browserStorage, createDesignStorage, type DesignStorage } from './state/designStorage';
import { createDesignStore, loadLastDesign, type DesignContent, type DesignStart, type StartNotice } from './state/designStore';
import { createUiStore } from './state/uiStore';
import { createLayoutStore } from './state/layoutStore';
import { App } from './ui/app/App';
import { loadEditEngine } from './ui/canvas/editEngine';
import { StoreProvider, type Stores } from './ui/app/StoreContext';
import { scenarioFromLink, selectLinkedTrace, type PreviewLinkState } from './ui/dialogs/previewShareState';

interface InitialDesign {
  readonly content: DesignContent;
  readonly start: DesignStart;
  readonly notice: StartNotice | null;
  /** The preview's part of a share link (scenario, seed, selected trace), for the simulation store. */
  readonly preview?: PreviewLinkState;
}

/**
 * Which design this tab opens: a share link (ours or OTelBin's) as an unsaved shared design, else
 * the design this browser had open last, else the sample. A link that cannot be read never
 * replaces anything: the app opens normally and says why (the message is text, never markup).
 */
function initialDesign(storage: DesignStorage): InitialDesign {
  const last = loadLastDesign(storage);
  const fallback: InitialDesign = last
    ? { content: last, start: { kind: 'saved', design: last }, notice: null }
    : { content: { text: SAMPLE_CONFIG, distribution: DEFAULT_DISTRIBUTION, env: {} }, start: { kind: 'new' }, notice: null };
  const hash = location.hash;
  if (hash.length <= 1) return fallback;
  const opened = last ? `Opened your last design, \u201c${last.name}\u201d, instead; your saved designs are untouched.` : 'Opened the sample instead; your saved designs are untouched.';
  if (/^#(?:.*&)?config=/.test(hash)) {
    const otelbin = decodeOtelbinFragment(hash);
    if (!otelbin.ok) return { ...fallback, notice: { tone: 'error', title: 'This OTelBin link could not be opened.', lines: [otelbin.message, opened] } };
    return {
      content: { text: otelbin.config, distribution: otelbin.distribution ?? DEFAULT_DISTRIBUTION, env: otelbin.env },
      start: { kind: 'shared', source: 'otelbin' },
      notice: { tone: 'info', title: 'Opened a link from OTelBin.', lines: ['The config came from an OTelBin link (#config=\u2026); it is not saved here until you save it.', ...otelbin.notes] },
    };
  }
  const decoded = decodeShareFragment(hash);
  if (!decoded.ok) return { ...fallback, notice: { tone: 'error', title: 'This share link could not be opened.', lines: [decoded.message, opened] } };
  const { config, distribution, env, ...preview } = decoded.design;
  const known = isKnownDistribution(distribution);
  return {
    preview,
    content: { text: config, distribution: known ? distribution : DEFAULT_DISTRIBUTION, env },
    start: { kind: 'shared', source: 'share' },
    notice: known ? null : { tone: 'info', title: 'Opened a shared design.', lines: [`The link names a distribution this version does not know (${distribution}); showing ${DEFAULT_DISTRIBUTION} instead.`] },
  };
}

const storage = createDesignStorage(browserStorage());
const design = initialDesign(storage);
// The analysis (YAML parse, graph, layout, validation) runs in a worker, off the main thread.
const client = createWorkerAnalysisClient();
const documentStore = createDocumentStore({ client, initialText: design.content.text, distribution: design.content.distribution });
if (Object.keys(design.content.env).length > 0) documentStore.getState().setEnv({ ...design.content.env });
const stores: Stores = {
  document: documentStore,
  ui: createUiStore(window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false),
  designs: createDesignStore({ document: documentStore, storage, start: design.start, notice: design.notice }),
  // The preview engine runs in its own worker and holds the traces; the store reruns on edits.
  // A share link's scenario and seed start the preview where the sender left it.
  simulation: createSimulationStore({ client: createWorkerSimulationClient(), scenario: scenarioFromLink(design.preview ?? {}) }),
  layout: createLayoutStore(),
};

followDocument(stores.simulation, documentStore);
if (design.preview?.traceId) selectLinkedTrace(stores.simulation, design.preview.traceId);
// Once a shared design is saved, the address no longer holds the link: a reload reopens the saved design.
stores.designs.subscribe((s, previous) => {
  if (previous.shared && !s.shared && location.hash.length > 1) history.replaceState(null, '', `${location.pathname}${location.search}`);
});

// Nothing lost: write a pending change when the tab is hidden or closed, pick up other tabs' lists.
window.addEventListener('pagehide', () => stores.designs.getState().flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') stores.designs.getState().flush();
});
window.addEventListener('storage', () => stores.designs.getState().refresh());
// A link pasted into the address bar of an open tab changes only the fragment: open it properly.
window.addEventListener('hashchange', () => {
  if (location.hash.length > 1) {
    stores.designs.getState().flush();
    location.reload();
  }
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider stores={stores}>
      <App />
    </StoreProvider>
  </StrictMode>,
);

// The text edits the canvas makes come in their own chunk, fetched now rather than with the first paint (decision 0017).
void loadEditEngine();
