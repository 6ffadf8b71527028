/** The designer screen: palette | canvas | YAML editor, with problems underneath. */
import { lazy, Suspense, useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { PipelineCanvas } from '../canvas/PipelineCanvas';
import { BottomPanel } from '../panels/BottomPanel';
import { Palette } from '../palette/Palette';
import { SplitHandle } from '../shared/SplitHandle';
import { Header } from './Header';
import { useDocument, useStores, useUi } from './StoreContext';

// Monaco is ~1 MiB gzip: it loads after first paint (web-stack.md "Lazy editor").
const YamlEditor = lazy(() => import('../editor/YamlEditor'));
// The inspector carries the component schemas; it loads with the first selection.
const Inspector = lazy(() => import('../inspector/Inspector').then((m) => ({ default: m.Inspector })));

function EditorFallback() {
  const text = useDocument((s) => s.text);
  return (
    <pre className="editor__fallback" aria-label="Collector configuration YAML (loading editor)">
      {text}
    </pre>
  );
}

export function App() {
  const { ui } = useStores();
  const theme = useUi((s) => s.theme);
  const panes = useUi((s) => s.panes);
  const inspecting = useUi((s) => s.selectedNodeKey !== null);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);

  return (
    <div className="app" style={{ ['--palette-width' as string]: `${panes.palette}px`, ['--editor-width' as string]: `${panes.editor}px`, ['--bottom-height' as string]: `${panes.bottom}px` }}>
      <Header />
      <main className="workspace">
        <Palette />
        <SplitHandle orientation="vertical" label="Resize palette" value={panes.palette} min={180} max={520} direction={1} onChange={(palette) => ui.getState().setPanes({ palette })} />
        <div className="center">
          <ReactFlowProvider>
            <PipelineCanvas />
          </ReactFlowProvider>
          <SplitHandle orientation="horizontal" label="Resize problems panel" value={panes.bottom} min={80} max={640} direction={-1} onChange={(bottom) => ui.getState().setPanes({ bottom })} />
          <BottomPanel />
        </div>
        <SplitHandle orientation="vertical" label="Resize editor" value={panes.editor} min={280} max={1400} direction={-1} onChange={(editor) => ui.getState().setPanes({ editor })} />
        <section className={`editor${inspecting ? ' has-inspector' : ''}`} aria-label="YAML editor">
          <Suspense fallback={null}>
            <Inspector />
          </Suspense>
          <Suspense fallback={<EditorFallback />}>
            <YamlEditor />
          </Suspense>
        </section>
      </main>
    </div>
  );
}
