/**
 * Quick fixes as Monaco code actions (the light bulb and Ctrl+.): the same fixes the Problems
 * panel offers, taken from the diagnostics of the text currently shown.
 */
import type { Diagnostic } from '../../core/diagnostics/diagnostic';
import { monaco } from './monacoSetup';

let current: { diagnostics: readonly Diagnostic[]; versionId: number } = { diagnostics: [], versionId: -1 };
let registered = false;

/** Tells the provider which diagnostics belong to which model version. */
export function setCodeActionDiagnostics(diagnostics: readonly Diagnostic[], versionId: number): void {
  current = { diagnostics, versionId };
}

export function registerQuickFixes(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerCodeActionProvider(['yaml', 'plaintext'], {
    provideCodeActions(model, range) {
      if (model.getVersionId() !== current.versionId) return { actions: [], dispose() {} };
      const from = model.getOffsetAt(range.getStartPosition());
      const to = model.getOffsetAt(range.getEndPosition());
      const actions = current.diagnostics
        .filter((d) => d.fixes?.length && d.range && d.range.start.offset <= to && d.range.end.offset >= from)
        .flatMap((d) =>
          d.fixes!.map((fix) => ({
            title: fix.title,
            kind: 'quickfix',
            isPreferred: d.fixes!.length === 1,
            diagnostics: [],
            edit: {
              edits: fix.edits.map((e) => {
                const start = model.getPositionAt(e.from);
                const end = model.getPositionAt(e.to);
                return {
                  resource: model.uri,
                  versionId: current.versionId,
                  textEdit: { range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column), text: e.insert },
                };
              }),
            },
          })),
        );
      return { actions, dispose() {} };
    },
  });
}
