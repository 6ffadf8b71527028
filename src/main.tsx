/** Composition root: creates the stores and the analysis client, then renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/app/app.css';
import { SAMPLE_CONFIG } from './core/samples/sampleConfig';
import { decodeShareFragment } from './core/share/shareLink';
import { isKnownDistribution } from './core/catalog/catalog';
import { createWorkerAnalysisClient } from './engine/analysisClient';
import { createDocumentStore } from './state/documentStore';
import { createUiStore } from './state/uiStore';
import { App } from './ui/app/App';
import { StoreProvider } from './ui/app/StoreContext';

function initialDesign(): { text: string; distribution?: string; notice: string | null } {
  if (location.hash.length > 1) {
    const decoded = decodeShareFragment(location.hash);
    if (decoded.ok) {
      const distribution = isKnownDistribution(decoded.design.distribution) ? decoded.design.distribution : undefined;
      return { text: decoded.design.config, ...(distribution ? { distribution } : {}), notice: null };
    }
    return { text: SAMPLE_CONFIG, notice: `${decoded.message} Opened the sample instead.` };
  }
  return { text: SAMPLE_CONFIG, notice: null };
}

const design = initialDesign();
// The analysis (YAML parse, graph, layout, validation) runs in a worker, off the main thread.
const client = createWorkerAnalysisClient();
const stores = {
  document: createDocumentStore({ client, initialText: design.text, ...(design.distribution ? { distribution: design.distribution } : {}) }),
  ui: createUiStore(window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false),
};
if (design.notice) console.warn(design.notice);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider stores={stores}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
