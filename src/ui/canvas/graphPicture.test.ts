import { describe, expect, it } from 'vitest';
import { buildPicture, pictureToSvg } from './graphPicture';

const input = {
  lanes: [{ x: 0, y: 0, width: 500, height: 100, title: 'traces', subtitle: 'traces', color: '#4f7cff' }],
  nodes: [
    { key: 'a', x: 18, y: 34, title: 'otlp', subtitle: 'receiver', color: '#4f7cff' },
    { key: 'b', x: 300, y: 34, title: 'debug/<x>&"', subtitle: 'exporter', color: '#4f7cff' },
  ],
  edges: [
    { source: 'a', target: 'b', color: '#4f7cff', dashed: false },
    { source: 'a', target: 'missing', color: '#000', dashed: false },
  ],
  dark: false,
};

describe('graphPicture: SVG from the layout', () => {
  it('draws lanes and nodes as rects with text, edges as paths from right side to left side', () => {
    const svg = pictureToSvg(buildPicture(input));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(1);
    expect(svg).toContain('<text x="56" y="80"');
    // source right-middle (24+18+184, 24+34+26) to target left-middle
    expect(svg).toContain('M226,84 C');
    expect(svg).toMatch(/ 324,84"/);
  });

  it('escapes labels: text from the YAML never becomes markup', () => {
    const svg = pictureToSvg(buildPicture(input));
    expect(svg).toContain('debug/&lt;x&gt;&amp;&quot;');
    expect(svg).not.toContain('<x>');
  });

  it('sizes the picture to the content plus a margin, and picks the theme colours', () => {
    const p = buildPicture({ ...input, dark: true });
    expect(p.width).toBe(548);
    expect(p.height).toBe(148);
    expect(p.colors.background).toBe('#12151c');
  });
});
