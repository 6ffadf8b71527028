/**
 * What the canvas draws at a given zoom (issue #5: pan and drag at ≥ 50 fps with ~300 nodes).
 * Below these zooms the detail cannot be seen, yet the browser still rasterises it on every pan
 * frame (software raster without a GPU). Decision 0015 has the measurements.
 */

/**
 * Below this zoom a component node is its coloured box only: its 12 px id would be under 4.2 px.
 * Above the fit zoom of the thirty-component scenario (0.43 in a 1600×900 window), so a design of
 * that size opens with full nodes; the 200-component bench config opens at 0.45, also full.
 */
export const FULL_NODES_FROM_ZOOM = 0.35;

/**
 * Below this zoom the background dots (1 px at zoom 1, scaled with the zoom) are under 0.6 px:
 * measured at most 4 of 255 levels from the background, on a few pixels, in both themes.
 */
export const DOTS_FROM_ZOOM = 0.6;

/** Whether nodes, lane headers and edge labels show their text, badges and counters. */
export function showsFullNodes(zoom: number): boolean {
  return zoom >= FULL_NODES_FROM_ZOOM;
}

/** Whether the dotted background is drawn (else only its plain colour). */
export function showsBackgroundDots(zoom: number): boolean {
  return zoom >= DOTS_FROM_ZOOM;
}
