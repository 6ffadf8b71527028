/**
 * The picture of the graph for PNG/SVG export, built from the canvas's own nodes and positions
 * (no screenshot library: those need data:/blob: image sources, which the CSP forbids). Pure: the
 * SVG is a string, the PNG is drawn with Canvas 2D from the same picture.
 */
import { NODE_HEIGHT, NODE_WIDTH } from '../../core/graph/layoutGraph';

export interface PictureBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly subtitle: string;
  readonly color: string;
}

export interface PictureEdge {
  readonly from: { x: number; y: number };
  readonly to: { x: number; y: number };
  readonly color: string;
  readonly dashed: boolean;
}

export interface GraphPicture {
  readonly width: number;
  readonly height: number;
  readonly lanes: readonly PictureBox[];
  readonly nodes: readonly PictureBox[];
  readonly edges: readonly PictureEdge[];
  readonly colors: { readonly background: string; readonly node: string; readonly text: string; readonly muted: string; readonly lane: string };
}

export interface PictureInput {
  readonly lanes: readonly { x: number; y: number; width: number; height: number; title: string; subtitle: string; color: string }[];
  readonly nodes: readonly { key: string; x: number; y: number; title: string; subtitle: string; color: string }[];
  readonly edges: readonly { source: string; target: string; color: string; dashed: boolean }[];
  readonly dark: boolean;
}

const PAD = 24;

/** Lays the picture out at the origin with a margin. */
export function buildPicture(input: PictureInput): GraphPicture {
  const all = [...input.lanes, ...input.nodes.map((n) => ({ ...n, width: NODE_WIDTH, height: NODE_HEIGHT }))];
  const minX = Math.min(0, ...all.map((b) => b.x));
  const minY = Math.min(0, ...all.map((b) => b.y));
  const maxX = Math.max(1, ...all.map((b) => b.x + b.width));
  const maxY = Math.max(1, ...all.map((b) => b.y + b.height));
  const dx = PAD - minX;
  const dy = PAD - minY;
  const nodes = input.nodes.map((n) => ({ x: n.x + dx, y: n.y + dy, width: NODE_WIDTH, height: NODE_HEIGHT, title: n.title, subtitle: n.subtitle, color: n.color }));
  const byKey = new Map(input.nodes.map((n, i) => [n.key, nodes[i]!]));
  const edges: PictureEdge[] = [];
  for (const e of input.edges) {
    const s = byKey.get(e.source);
    const t = byKey.get(e.target);
    if (!s || !t) continue;
    edges.push(
      e.dashed
        ? { from: { x: s.x + s.width / 2, y: s.y + s.height }, to: { x: t.x + t.width / 2, y: t.y }, color: e.color, dashed: true }
        : { from: { x: s.x + s.width, y: s.y + s.height / 2 }, to: { x: t.x, y: t.y + t.height / 2 }, color: e.color, dashed: false },
    );
  }
  return {
    width: Math.ceil(maxX - minX + PAD * 2),
    height: Math.ceil(maxY - minY + PAD * 2),
    lanes: input.lanes.map((l) => ({ ...l, x: l.x + dx, y: l.y + dy })),
    nodes,
    edges,
    colors: input.dark
      ? { background: '#12151c', node: '#232937', text: '#e4e8f1', muted: '#9aa3b5', lane: '#1e232e' }
      : { background: '#f5f6fa', node: '#ffffff', text: '#1d2433', muted: '#5d667a', lane: '#ffffff' },
  };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** The cubic curve of an edge, as an SVG path and as control points for Canvas 2D. */
export function edgeCurve(e: PictureEdge): { c1: { x: number; y: number }; c2: { x: number; y: number } } {
  if (e.dashed) {
    const mid = (e.to.y - e.from.y) / 2;
    return { c1: { x: e.from.x, y: e.from.y + mid }, c2: { x: e.to.x, y: e.to.y - mid } };
  }
  // A backward edge (into a connector drawn further left, in the lane below) bends a fixed amount:
  // half the distance would swing a wide loop across the lanes in between.
  const dx = e.to.x - e.from.x;
  const bend = dx >= 0 ? Math.max(30, dx / 2) : 60;
  return { c1: { x: e.from.x + bend, y: e.from.y }, c2: { x: e.to.x - bend, y: e.to.y } };
}

function fit(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The picture as a standalone SVG document. Every label is escaped text. */
export function pictureToSvg(p: GraphPicture): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${p.width}" height="${p.height}" viewBox="0 0 ${p.width} ${p.height}" font-family="Liberation Sans, Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="${p.colors.background}"/>`,
  ];
  for (const l of p.lanes) {
    out.push(`<rect x="${l.x}" y="${l.y}" width="${l.width}" height="${l.height}" rx="10" fill="${p.colors.lane}" stroke="${l.color}" stroke-width="1.5"/>`);
    out.push(`<text x="${l.x + 14}" y="${l.y + 21}" font-size="12" font-weight="700" fill="${l.color}">${escapeXml(l.subtitle)}</text>`);
    out.push(`<text x="${l.x + 14 + l.subtitle.length * 7 + 10}" y="${l.y + 21}" font-size="12" fill="${p.colors.text}">${escapeXml(l.title)}</text>`);
  }
  for (const e of p.edges) {
    const { c1, c2 } = edgeCurve(e);
    out.push(
      `<path d="M${e.from.x},${e.from.y} C${c1.x},${c1.y} ${c2.x},${c2.y} ${e.to.x},${e.to.y}" fill="none" stroke="${e.color}" stroke-width="${e.dashed ? 1 : 1.75}"${e.dashed ? ' stroke-dasharray="4 4"' : ''}/>`,
    );
  }
  for (const n of p.nodes) {
    out.push(`<rect x="${n.x}" y="${n.y}" width="${n.width}" height="${n.height}" rx="8" fill="${p.colors.node}" stroke="${n.color}" stroke-width="1.5"/>`);
    out.push(`<rect x="${n.x}" y="${n.y}" width="5" height="${n.height}" rx="2" fill="${n.color}"/>`);
    out.push(`<text x="${n.x + 14}" y="${n.y + 22}" font-size="13" font-weight="600" fill="${p.colors.text}">${escapeXml(fit(n.title, 24))}</text>`);
    out.push(`<text x="${n.x + 14}" y="${n.y + 39}" font-size="11" fill="${p.colors.muted}">${escapeXml(n.subtitle)}</text>`);
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** Draws the picture with Canvas 2D (the PNG path: no image decoding, so no data:/blob: source). */
export function drawPicture(ctx: CanvasRenderingContext2D, p: GraphPicture, scale: number): void {
  ctx.scale(scale, scale);
  ctx.fillStyle = p.colors.background;
  ctx.fillRect(0, 0, p.width, p.height);
  const roundRect = (b: PictureBox, r: number) => {
    ctx.beginPath();
    ctx.roundRect(b.x, b.y, b.width, b.height, r);
  };
  for (const l of p.lanes) {
    roundRect(l, 10);
    ctx.fillStyle = p.colors.lane;
    ctx.fill();
    ctx.strokeStyle = l.color;
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.font = 'bold 12px Liberation Sans, Arial, sans-serif';
    ctx.fillStyle = l.color;
    ctx.fillText(l.subtitle, l.x + 14, l.y + 21);
    ctx.font = '12px Liberation Sans, Arial, sans-serif';
    ctx.fillStyle = p.colors.text;
    ctx.fillText(l.title, l.x + 14 + l.subtitle.length * 7 + 10, l.y + 21);
  }
  for (const e of p.edges) {
    const { c1, c2 } = edgeCurve(e);
    ctx.beginPath();
    ctx.moveTo(e.from.x, e.from.y);
    ctx.bezierCurveTo(c1.x, c1.y, c2.x, c2.y, e.to.x, e.to.y);
    ctx.strokeStyle = e.color;
    ctx.lineWidth = e.dashed ? 1 : 1.75;
    ctx.setLineDash(e.dashed ? [4, 4] : []);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  for (const n of p.nodes) {
    roundRect(n, 8);
    ctx.fillStyle = p.colors.node;
    ctx.fill();
    ctx.strokeStyle = n.color;
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.fillStyle = n.color;
    ctx.fillRect(n.x, n.y + 2, 5, n.height - 4);
    ctx.font = '600 13px Liberation Sans, Arial, sans-serif';
    ctx.fillStyle = p.colors.text;
    ctx.fillText(fit(n.title, 24), n.x + 14, n.y + 22);
    ctx.font = '11px Liberation Sans, Arial, sans-serif';
    ctx.fillStyle = p.colors.muted;
    ctx.fillText(n.subtitle, n.x + 14, n.y + 39);
  }
}
