/**
 * The YAML editor (lazy chunk). Text flows both ways through the document store, tagged with its
 * origin: our own keystrokes go out as `editor` and are never applied back; changes from anywhere
 * else arrive as one minimal edit, so cursor, scroll and folding survive.
 */
import { useEffect, useRef } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { locateAtOffset } from '../../core/config/locateAtOffset';
import { selectShownAnalysis } from '../../state/documentStore';
import { useStores, useUi } from '../app/StoreContext';
import { minimalEdit, toMarkers } from './markers';
import { MODEL_URI, monaco, setEditorSchema } from './monacoSetup';
import { editorSchemaFor } from './editorSchemaFor';
import { registerQuickFixes, setCodeActionDiagnostics } from './codeActions';
import { registerHistory } from '../../state/historyCommands';

registerQuickFixes();

type StandaloneEditor = Parameters<OnMount>[0];

/**
 * Above this size the YAML language features (folding, tokenising, the yaml worker's sync) cost
 * Monaco seconds on the main thread for each whole-text change; the model switches to plain text
 * and our own analysis (in a worker) keeps validating. Measured: a 5 MB setValue takes ~0.9 s as
 * YAML against ~0.1 s as plain text in Chromium on our CI class of machine.
 */
const LARGE_TEXT = 1_500_000;

function fitLanguage(model: NonNullable<ReturnType<StandaloneEditor['getModel']>>, length: number): void {
  const wanted = length > LARGE_TEXT ? 'plaintext' : 'yaml';
  if (model.getLanguageId() !== wanted) monaco.editor.setModelLanguage(model, wanted);
}

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;

/** Runs Monaco's own undo/redo; falls back to the model's when the command needs editor focus. */
function runHistory(editor: StandaloneEditor | null, what: 'undo' | 'redo'): void {
  const model = editor?.getModel();
  if (!editor || !model) return;
  const before = model.getAlternativeVersionId();
  editor.trigger('canvas', what, null);
  if (model.getAlternativeVersionId() === before) void (what === 'undo' ? model.undo() : model.redo());
}

export default function YamlEditor() {
  const { document, ui } = useStores();
  const theme = useUi((s) => s.theme);
  const editorRef = useRef<StandaloneEditor | null>(null);
  const applyingExternal = useRef(false);

  // Document → editor: apply changes that did not come from this editor as a minimal edit.
  useEffect(() => {
    return document.subscribe((state, previous) => {
      const editor = editorRef.current;
      const model = editor?.getModel();
      if (!editor || !model || state.text === previous.text || state.origin === 'editor') return;
      const edit = minimalEdit(model.getValue(), state.text);
      if (!edit) return;
      fitLanguage(model, state.text.length);
      const start = model.getPositionAt(edit.start);
      const end = model.getPositionAt(edit.end);
      applyingExternal.current = true;
      if (state.text.length > LARGE_TEXT && edit.text.length > LARGE_TEXT / 2) {
        // A huge import or share: an undoable edit of megabytes costs Monaco seconds; load it as
        // a new text instead (the import itself is then not an undo step).
        try {
          model.setValue(state.text);
        } finally {
          applyingExternal.current = false;
        }
        return;
      }
      try {
        editor.pushUndoStop();
        editor.executeEdits(state.origin, [{ range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column), text: edit.text, forceMoveMarkers: true }]);
        editor.pushUndoStop();
      } finally {
        applyingExternal.current = false;
      }
    });
  }, [document]);

  // Diagnostics → markers, only for the text they were computed from.
  useEffect(() => {
    const apply = () => {
      const model = editorRef.current?.getModel();
      const s = document.getState();
      if (!model || !s.analysis || s.analysisVersion !== s.version) return;
      setCodeActionDiagnostics(s.analysis.diagnostics, model.getVersionId());
      monaco.editor.setModelMarkers(
        model,
        'pipeline-studio',
        toMarkers(s.analysis.diagnostics).map((m) => ({ ...m, severity: SEVERITY[m.severity] })),
      );
    };
    apply();
    return document.subscribe((s, p) => {
      if (s.analysis !== p.analysis) apply();
    });
  }, [document]);

  // Schema for the selected distribution drives completion and hover.
  useEffect(() => {
    setEditorSchema(editorSchemaFor(document.getState().distribution));
    return document.subscribe((s, p) => {
      if (s.distribution !== p.distribution) setEditorSchema(editorSchemaFor(s.distribution));
    });
  }, [document]);

  // Canvas → editor: reveal and select a definition.
  useEffect(() => {
    return ui.subscribe((s, p) => {
      const editor = editorRef.current;
      if (!editor || !s.reveal || s.reveal === p.reveal) return;
      const { start } = s.reveal.range;
      editor.setSelection(new monaco.Range(start.line, start.column, start.line, start.column));
      editor.revealLineInCenter(start.line);
      editor.focus();
    });
  }, [ui]);

  // One history (ADR 0008): the canvas toolbar and Ctrl+Z on the canvas run Monaco's own undo/redo.
  useEffect(
    () =>
      registerHistory({
        undo: () => runHistory(editorRef.current, 'undo'),
        redo: () => runHistory(editorRef.current, 'redo'),
      }),
    [],
  );

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    const model = editor.getModel();
    if (model) {
      model.setEOL(monaco.editor.EndOfLineSequence.LF);
      if (model.getValue() !== document.getState().text) model.setValue(document.getState().text);
    }
    (window as unknown as { __studio?: object }).__studio = { monaco, editor };
    editor.onDidChangeCursorPosition((event) => {
      const m = editor.getModel();
      const shown = selectShownAnalysis(document.getState());
      if (!m || !shown) return;
      const target = locateAtOffset(shown.model, m.getOffsetAt(event.position));
      ui.getState().setHighlight(target);
    });
    // Re-apply markers now that the model exists.
    const s = document.getState();
    if (s.analysis && s.analysisVersion === s.version && model) {
      setCodeActionDiagnostics(s.analysis.diagnostics, model.getVersionId());
      monaco.editor.setModelMarkers(
        model,
        'pipeline-studio',
        toMarkers(s.analysis.diagnostics).map((m) => ({ ...m, severity: SEVERITY[m.severity] })),
      );
    }
  };

  return (
    <Editor
      path={MODEL_URI}
      defaultLanguage="yaml"
      defaultValue={document.getState().text}
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      onMount={onMount}
      onChange={(value) => {
        if (applyingExternal.current || value === undefined) return;
        const model = editorRef.current?.getModel();
        if (model) fitLanguage(model, value.length);
        document.getState().setText(value, 'editor');
      }}
      options={{
        fontSize: 13,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 2,
        insertSpaces: true,
        renderWhitespace: 'boundary',
        wordWrap: 'off',
        fixedOverflowWidgets: true,
        ariaLabel: 'Collector configuration YAML',
      }}
      loading={<div className="editor__loading">Loading editor…</div>}
    />
  );
}
