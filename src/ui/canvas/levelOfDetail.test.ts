import { describe, expect, it } from 'vitest';
import { DOTS_FROM_ZOOM, FULL_NODES_FROM_ZOOM, showsBackgroundDots, showsFullNodes } from './levelOfDetail';

describe('levelOfDetail', () => {
  it('shows full nodes at the fit zoom of the thirty-component scenario (0.43) and of the 200-component config (0.45)', () => {
    expect(showsFullNodes(0.43)).toBe(true);
    expect(showsFullNodes(0.45)).toBe(true);
    expect(showsFullNodes(1)).toBe(true);
  });

  it('draws light nodes once the 12 px node id would be under 4.2 px, down to the minimum zoom (0.1)', () => {
    expect(showsFullNodes(FULL_NODES_FROM_ZOOM)).toBe(true);
    expect(showsFullNodes(0.349)).toBe(false);
    expect(showsFullNodes(0.1)).toBe(false);
  });

  it('keeps the dots from 0.6 up (the sample config opens at 0.68) and drops them below, where they are under 0.6 px', () => {
    expect(showsBackgroundDots(0.68)).toBe(true);
    expect(showsBackgroundDots(DOTS_FROM_ZOOM)).toBe(true);
    expect(showsBackgroundDots(0.45)).toBe(false);
    expect(showsBackgroundDots(0.1)).toBe(false);
  });

  it('never drops the node text while it keeps the dots', () => {
    expect(DOTS_FROM_ZOOM).toBeGreaterThan(FULL_NODES_FROM_ZOOM);
  });
});
