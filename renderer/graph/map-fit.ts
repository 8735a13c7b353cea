// Keeps the map fitted to its pane until the user moves it: when the pane grows (the
// window or a splitter) or nodes arrive (a joiner's first sync), a view nobody has panned
// or zoomed since it was last fitted is fitted again; one the user moved stays put.
import type { Core } from 'cytoscape';

/** Padding around the fitted map, px. */
export const FIT_PADDING = 30;

const fittedViews = new WeakMap<Core, { zoom: number; x: number; y: number }>();

/** Fits the whole map in view and remembers that this view is a fitted one. */
export function fitMap(cy: Core): void {
  cy.fit(undefined, FIT_PADDING);
  const { x, y } = cy.pan();
  fittedViews.set(cy, { zoom: cy.zoom(), x, y });
}

/** Whether `cy` shows the view it was last fitted to (nobody panned or zoomed since). */
export function isAsFitted(cy: Core): boolean {
  const fitted = fittedViews.get(cy);
  if (!fitted) return false;
  const { x, y } = cy.pan();
  return Math.abs(cy.zoom() - fitted.zoom) < 1e-9 && Math.abs(x - fitted.x) < 0.5 && Math.abs(y - fitted.y) < 0.5;
}

/** Watches `container` and `cy` as the module comment says; returns the function that stops it. */
export function keepFitted(cy: Core, container: HTMLElement): () => void {
  if (!fittedViews.has(cy)) fitMap(cy);
  let frame = 0;
  const refit = () => {
    frame = 0;
    if (cy.destroyed()) return;
    const wasFitted = isAsFitted(cy);
    cy.resize();
    // A hidden pane has no size to fit into; it is fitted when it shows again.
    if (wasFitted && container.clientWidth > 0 && container.clientHeight > 0) fitMap(cy);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(refit);
  };
  const resized = new ResizeObserver(schedule);
  resized.observe(container);
  cy.on('add', schedule);
  return () => {
    if (frame) cancelAnimationFrame(frame);
    resized.disconnect();
    if (!cy.destroyed()) cy.removeListener('add', schedule);
  };
}
