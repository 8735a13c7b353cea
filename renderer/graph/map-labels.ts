// Labels that stay readable at any zoom: the hubs', and the selected and hovered node's,
// drawn as HTML text over the map at a fixed size under their nodes. The canvas draws
// every other label, and hides its own for these (class LABELLED) so none shows twice.
import type { Core, NodeSingular } from 'cytoscape';
import { h } from '../shell/dom';
import type { UiStore } from '../state/ui-store';

/** The class of nodes whose label the HTML layer draws; the stylesheet hides their canvas label. */
export const LABELLED = 'html-labelled';

/** A label to draw: its node, text and place in px from the map's top left. */
export interface LabelPlace {
  readonly id: string;
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly hub: boolean;
}

/** What a node offers the label layer. */
export interface LabelNode {
  readonly id: string;
  readonly text: string;
  readonly hub: boolean;
  readonly visible: boolean;
  /** Centre on screen, px from the map's top left. */
  readonly x: number;
  readonly y: number;
  /** Height on screen, px. */
  readonly height: number;
}

/** The nodes that get an HTML label: visible hubs, and the selected and hovered nodes, each once. */
export function labelPlaces(nodes: readonly LabelNode[], selected: string | null, hovered: string | null): LabelPlace[] {
  const out: LabelPlace[] = [];
  for (const node of nodes) {
    if (!node.visible || !(node.hub || node.id === selected || node.id === hovered)) continue;
    out.push({ id: node.id, text: node.text, x: node.x, y: node.y + node.height / 2 + 3, hub: node.hub });
  }
  return out;
}

/** A mounted label layer. */
export interface MapLabels {
  /** Draws the layer again now (e.g. after an export took the canvas labels back). */
  refresh(): void;
  /** Removes the layer and gives the canvas its labels back. */
  destroy(): void;
}

/** Mounts the label layer of `cy` into `panel` (the graph's positioned parent). */
export function mountMapLabels(cy: Core, panel: HTMLElement, ui: UiStore): MapLabels {
  const layer = h('div', { class: 'map-labels', 'aria-hidden': 'true' });
  panel.append(layer);
  const spans = new Map<string, HTMLElement>();
  let frame = 0;

  function draw(): void {
    frame = 0;
    const { selected, hovered } = ui.get();
    const candidates = cy.nodes('.hub').union(selected ? cy.getElementById(selected) : cy.collection()).union(hovered ? cy.getElementById(hovered) : cy.collection());
    const nodes = candidates.nodes().map((node: NodeSingular) => {
      const at = node.renderedPosition();
      return { id: node.id(), text: String(node.data('label') ?? ''), hub: node.hasClass('hub'), visible: node.visible(), x: at.x, y: at.y, height: node.renderedOuterHeight() };
    });
    const places = labelPlaces(nodes, selected, hovered);
    const shown = new Set(places.map((p) => p.id));
    cy.batch(() => {
      cy.nodes(`.${LABELLED}`).forEach((node) => {
        if (!shown.has(node.id())) node.removeClass(LABELLED);
      });
      for (const id of shown) cy.getElementById(id).addClass(LABELLED);
    });
    for (const [id, span] of spans) {
      if (shown.has(id)) continue;
      span.remove();
      spans.delete(id);
    }
    for (const place of places) {
      let span = spans.get(place.id);
      if (!span) {
        span = h('span', { class: 'map-label', 'data-node': place.id });
        layer.append(span);
        spans.set(place.id, span);
      }
      span.textContent = place.text;
      span.classList.toggle('is-hub', place.hub);
    }
    // Measured after all texts are set, so the layout is read once; a label near an edge
    // (a hub at the map's foot) is kept inside rather than cut off.
    const width = layer.clientWidth;
    const height = layer.clientHeight;
    const sizes = places.map((place) => ({ place, w: spans.get(place.id)!.offsetWidth, h: spans.get(place.id)!.offsetHeight }));
    for (const { place, w, h: tall } of sizes) {
      const x = clamp(place.x - w / 2, 2, width - w - 2);
      const y = clamp(place.y, 2, height - tall - 2);
      spans.get(place.id)!.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    }
  }

  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  cy.on('viewport position add remove data class resize', schedule);
  const unsubscribe = ui.subscribe((state, previous) => {
    if (state.selected !== previous.selected || state.hovered !== previous.hovered || state.filters !== previous.filters || state.focus !== previous.focus) schedule();
  });
  schedule();

  return {
    refresh: draw,
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      cy.removeListener('viewport position add remove data class resize', schedule);
      unsubscribe();
      if (!cy.destroyed()) cy.nodes(`.${LABELLED}`).removeClass(LABELLED);
      layer.remove();
    },
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}
