/**
 * Files dropped anywhere on the window open in the Import dialog — only config files.
 *
 * The preview takes trace files dropped on the window too, so both listeners share a drop by
 * file kind rather than by who runs first: this one takes `.yaml`/`.yml` files, and files with
 * other names only when their content is recognisably a Collector config (a ConfigMap, an
 * OpenTelemetryCollector or Helm values count); trace-like names (.json, .jsonl, .pb, …) are
 * never read here. `isYamlFileName` is exported so the preview can skip the same files.
 */
import { useEffect, useRef, useState } from 'react';
import { loadEditEngine } from '../canvas/editEngine';

const TRACE_LIKE = /\.(json|jsonl|ndjson|pb|binpb|proto|protobuf|otlp|gz|zip|tgz)$/i;
const YAML_NAME = /\.ya?ml$/i;
/** Unknown files above this size are not read to sniff them. */
const SNIFF_LIMIT = 20 * 1024 * 1024;

export function isYamlFileName(name: string): boolean {
  return YAML_NAME.test(name);
}

/** A file named neither YAML nor trace data: its content decides. */
function worthSniffing(file: File): boolean {
  return !YAML_NAME.test(file.name) && !TRACE_LIKE.test(file.name) && file.size <= SNIFF_LIMIT;
}

async function looksLikeConfig(file: File): Promise<boolean> {
  const [text, edits] = await Promise.all([file.text(), loadEditEngine()]);
  const kind = edits.recogniseImport(text).kind;
  return kind !== 'not-yaml' && kind !== 'not-collector-config';
}

function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

export function useYamlFileDrop(onFiles: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const handler = useRef(onFiles);
  useEffect(() => {
    handler.current = onFiles;
  }, [onFiles]);

  useEffect(() => {
    let hide: ReturnType<typeof setTimeout> | undefined;
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return; // e.g. a palette item dragged onto the canvas
      event.preventDefault(); // without this, drop never fires
      setDragging(true);
      if (hide !== undefined) clearTimeout(hide);
      hide = setTimeout(() => setDragging(false), 200);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      setDragging(false);
      // Always cancelled, so a file dropped where nobody wants it never navigates the tab away.
      event.preventDefault();
      const files = Array.from(event.dataTransfer?.files ?? []);
      const yaml = files.filter((f) => YAML_NAME.test(f.name));
      const unknown = files.filter(worthSniffing);
      void (async () => {
        const sniffed: File[] = [];
        for (const file of unknown) if (await looksLikeConfig(file)) sniffed.push(file);
        const claimed = [...yaml, ...sniffed];
        if (claimed.length > 0) handler.current(claimed);
      })();
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      if (hide !== undefined) clearTimeout(hide);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}
