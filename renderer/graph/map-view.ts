// The argument map's graph: a Cytoscape view of the session's Y.Doc, kept in step with
// the UI store (selection, hover, filters, focus). Gestures call shared/model writes;
// the projection (cy-projection.ts) brings their result back into `cy`.
import cytoscape, { type Core, type CytoscapeOptions, type EventObject, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import edgehandles from 'cytoscape-edgehandles';
import { setPosition } from '../../shared/model/positions';
import type { Session } from '../session/session';
import type { UiStore } from '../state/ui-store';
import { projectMap, type Projection } from './cy-projection';
import type { MapElement, NodeElement } from './elements';
import { fitMap } from './map-fit';
import { mapStyle } from './map-style';
import { visibleIds } from './visibility';

cytoscape.use(fcose);
cytoscape.use(edgehandles);

/** A mounted map graph. */
export interface MapView {
  readonly cy: Core;
  readonly projection: Projection;
  /** The node elements as projected, by id. */
  node(id: string): NodeElement | undefined;
  /** Unmounts the graph. */
  destroy(): void;
}

/**
 * Cytoscape options for a large, smooth map. Measured on 2,000 nodes and 4,000 edges
 * (bench/map.ts, docs/performance.md): the canvas renderer's layered texture cache
 * redraws a pan or zoom step in about a millisecond, and everything that bypasses it
 * costs a full draw of every element (hundreds of ms on a loaded 2-core machine):
 * `textureOnViewport` repaints the whole map into a double-resolution texture at the
 * start of each gesture, `hideEdgesOnViewport` draws every node singly instead of the
 * cached layers, and `motionBlur` paints into its own buffers. So all three stay off.
 * The WebGL renderer stays off too: with software WebGL (SwiftShader, what headless
 * Chromium and GPU-less machines get) frames took seconds, and it draws no dashed
 * lines, which is how "challenges" differs from "supports" without colour.
 */
export function graphOptions(container: HTMLElement): CytoscapeOptions {
  return {
    container,
    style: mapStyle(),
    wheelSensitivity: 0.4,
    minZoom: 0.05,
    maxZoom: 4,
    selectionType: 'single',
    boxSelectionEnabled: false,
    textureOnViewport: false,
    hideEdgesOnViewport: false,
    motionBlur: false,
    pixelRatio: 'auto',
  };
}

/** Mounts the map of `session` into `container`, synced with `ui`. */
export function mountMapView(container: HTMLElement, session: Session, ui: UiStore, tooltip: HTMLElement): MapView {
  const cy = cytoscape(graphOptions(container));
  const dragging = new Set<string>();
  const projection = projectMap(session.doc, cy, { isDragging: (id) => dragging.has(id) });

  const nodeOf = (id: string) => {
    const e = projection.elements().get(id);
    return e?.group === 'nodes' ? e : undefined;
  };

  // Map → store.
  cy.on('tap', 'node', (event: EventObject) => ui.update({ selected: event.target.id(), selectedBy: 'map' }));
  cy.on('tap', (event: EventObject) => {
    if (event.target === cy) ui.update({ selected: null, selectedBy: 'map' });
  });
  cy.on('mouseover', 'node', (event: EventObject) => {
    const node = event.target as NodeSingular;
    ui.update({ hovered: node.id() });
    showTooltip(node);
  });
  cy.on('mouseout', 'node', () => {
    ui.update({ hovered: null });
    tooltip.hidden = true;
  });
  cy.on('grab', 'node', (event: EventObject) => dragging.add(event.target.id()));
  cy.on('dragfree', 'node', (event: EventObject) => {
    const node = event.target as NodeSingular;
    dragging.delete(node.id());
    const { x, y } = node.position();
    setPosition(session.doc, node.id(), { x: Math.round(x), y: Math.round(y) }, session.origin);
  });
  cy.on('free', 'node', (event: EventObject) => dragging.delete(event.target.id()));
  cy.on('viewport', () => {
    tooltip.hidden = true;
  });

  function showTooltip(node: NodeSingular): void {
    const element = nodeOf(node.id());
    if (!element) return;
    tooltip.textContent = element.kind === 'annotation' ? `“${element.text}”` : element.text;
    const at = node.renderedPosition();
    tooltip.style.left = `${Math.round(at.x + 14)}px`;
    tooltip.style.top = `${Math.round(at.y + 14)}px`;
    tooltip.hidden = false;
  }

  // Store → map.
  function applySelection(selected: string | null, centre: boolean): void {
    cy.batch(() => {
      cy.$(':selected').unselect();
      if (selected) cy.getElementById(selected).select();
    });
    const el = selected ? cy.getElementById(selected) : null;
    if (centre && el && el.nonempty() && el.isNode()) cy.animate({ center: { eles: el }, duration: 200 });
  }

  function applyVisibility(): void {
    const { filters, focus } = ui.get();
    const elements = [...projection.elements().values()] as MapElement[];
    const shown = visibleIds(elements, filters, focus);
    cy.batch(() => {
      cy.elements().forEach((el) => {
        el.toggleClass('hidden', !shown.has(el.id()));
      });
    });
  }

  const unsubscribe = ui.subscribe((state, previous) => {
    if (state.selected !== previous.selected) applySelection(state.selected, state.selectedBy !== 'map');
    if (state.filters !== previous.filters || state.focus !== previous.focus) applyVisibility();
  });
  const unpatched = projection.onPatched(() => {
    applyVisibility();
    applySelection(ui.get().selected, false);
  });
  applyVisibility();
  applySelection(ui.get().selected, false);
  fitMap(cy);

  return {
    cy,
    projection,
    node: nodeOf,
    destroy() {
      unsubscribe();
      unpatched();
      projection.destroy();
      cy.destroy();
    },
  };
}
