/** Export the canvas as SVG or PNG: a picture built from the nodes and their positions, downloaded through a blob URL anchor. */
import type { Edge, Node } from '@xyflow/react';
import { buildPicture, drawPicture, pictureToSvg, type GraphPicture } from './graphPicture';
import type { ComponentNodeData, LaneNodeData } from './toFlowElements';

function solid(color: unknown, fallback: string): string {
  return typeof color === 'string' && color.startsWith('#') ? color : fallback;
}

export function pictureOfCanvas(nodes: readonly Node[], edges: readonly Edge[], dark: boolean): GraphPicture {
  const lanes = nodes
    .filter((n) => n.type === 'lane')
    .map((n) => {
      const d = n.data as LaneNodeData;
      return { x: n.position.x, y: n.position.y, width: n.width ?? 0, height: n.height ?? 0, title: d.pipelineId, subtitle: d.signal ?? 'unknown', color: d.accent };
    });
  const components = nodes
    .filter((n) => n.type === 'component')
    .map((n) => {
      const d = n.data as ComponentNodeData;
      const g = d.graphNode;
      return { key: n.id, x: n.position.x, y: n.position.y, title: g.componentId, subtitle: g.pipelineId || g.kind === 'extension' || g.kind === 'connector' ? g.kind : `${g.kind} (not in a pipeline)`, color: d.accent };
    });
  const lines = edges.map((e) => ({ source: e.source, target: e.target, color: solid(e.style?.stroke, '#d4384b'), dashed: e.targetHandle === 'ext' }));
  return buildPicture({ lanes, nodes: components, edges: lines, dark });
}

function download(name: string, blob: Blob): void {
  // A download through <a download> of a blob URL is a navigation, not a fetch: no CSP source needed.
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function exportSvg(picture: GraphPicture, name = 'pipeline.svg'): void {
  download(name, new Blob([pictureToSvg(picture)], { type: 'image/svg+xml' }));
}

/** Draws the PNG directly with Canvas 2D: an <img> of the SVG would need a data:/blob: source, which the CSP blocks. */
export function exportPng(picture: GraphPicture, name = 'pipeline.png'): Promise<void> {
  const scale = Math.min(2, Math.max(0.25, 8000 / Math.max(picture.width, picture.height)));
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(picture.width * scale);
  canvas.height = Math.ceil(picture.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.resolve();
  drawPicture(ctx, picture, scale);
  return new Promise((resolve) =>
    canvas.toBlob((blob) => {
      if (blob) download(name, blob);
      resolve();
    }, 'image/png'),
  );
}
