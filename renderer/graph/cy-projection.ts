// The one-way projection of the Y.Doc onto Cytoscape: follows the map's roots in the
// change feed, diffs the elements by id and patches `cy` inside one `cy.batch()` (as
// react-cytoscapejs does). Nothing here reads `cy` as truth: gestures write the model, and the model's
// change comes back through here.
import type { Core, ElementDefinition, LayoutOptions, NodeDataDefinition, NodeSingular } from 'cytoscape';
import type * as Y from 'yjs';
import { subscribeChanges, touches } from '../../shared/model/change-feed';
import { diffElements, mapElements, type MapElement } from './elements';
import { edgeWidth } from '../../shared/export/map-svg';
import { placeAll, placeNew } from './placement';

/** A running projection. */
export interface Projection {
  /** The elements as last projected, by id. */
  elements(): ReadonlyMap<string, MapElement>;
  /** Calls `listener` after each patch. */
  onPatched(listener: () => void): () => void;
  /** Lays everything out again (fcose; shared positions stay fixed). */
  relayout(): void;
  /** Stops observing. */
  destroy(): void;
}

/** Cytoscape's definition of a map element. */
export function toDefinition(element: MapElement): ElementDefinition {
  if (element.group === 'edges') {
    return {
      group: 'edges',
      data: { ...element, width: edgeWidth(element.strength) },
      classes: element.relation,
    };
  }
  const classes = [element.kind, element.role ? `role-${element.role}` : ''].filter(Boolean).join(' ');
  const definition: ElementDefinition = { group: 'nodes', data: { ...element } as NodeDataDefinition, classes };
  if (element.position) definition.position = { x: element.position.x, y: element.position.y };
  return definition;
}

/**
 * Above this many nodes the map is placed in one linear pass (placeAll) rather than by
 * fcose: measured on 2,000 nodes and 4,000 edges whose hubs each hold ~500 links, fcose
 * took 2.6–16 s in "draft" quality and minutes in "default"; 300 nodes took 1.8 s in
 * "default" (bench/map.ts, and fcose in Node).
 */
export const FORCE_LAYOUT_LIMIT = 150;

/** fcose options that keep `fixed` nodes where they are. */
export function fcoseOptions(fixed: readonly NodeSingular[]): LayoutOptions {
  return {
    name: 'fcose',
    animate: false,
    randomize: true,
    quality: 'default',
    nodeDimensionsIncludeLabels: false,
    idealEdgeLength: () => 90,
    nodeRepulsion: () => 6000,
    fixedNodeConstraint: fixed.map((n) => ({ nodeId: n.id(), position: { ...n.position() } })),
  } as LayoutOptions;
}

/** Projects `doc`'s map onto `cy` until destroyed. */
export function projectMap(doc: Y.Doc, cy: Core, options: { isDragging?: (id: string) => boolean } = {}): Projection {
  let current = new Map<string, MapElement>();
  const listeners = new Set<() => void>();
  let laidOut = false;

  function fixedNodes(): NodeSingular[] {
    return cy.nodes().filter((n) => n.data('position') !== null).toArray() as NodeSingular[];
  }

  function placeLarge(fixed: readonly NodeSingular[]): void {
    const neighbours = new Map<string, string[]>();
    cy.edges().forEach((e) => {
      const s = e.data('source') as string;
      const t = e.data('target') as string;
      for (const [a, b] of [[s, t], [t, s]] as const) {
        const list = neighbours.get(a);
        if (list) list.push(b);
        else neighbours.set(a, [b]);
      }
    });
    const placed = new Map(fixed.map((n) => [n.id(), { ...n.position() }]));
    const at = placeAll(cy.nodes().map((n) => n.id()), placed, neighbours);
    cy.batch(() => cy.nodes().forEach((n) => void (placed.has(n.id()) ? null : n.position(at.get(n.id())!))));
  }

  function relayout(): void {
    if (cy.nodes().length === 0) return;
    const fixed = fixedNodes();
    if (fixed.length === cy.nodes().length) return;
    // Measured with User Timing ("crux:map-layout") for bench/map.ts.
    const start = performance.now();
    const force = cy.nodes().length <= FORCE_LAYOUT_LIMIT;
    if (force) cy.layout(fcoseOptions(fixed)).run();
    else placeLarge(fixed);
    const detail = { nodes: cy.nodes().length, edges: cy.edges().length, how: force ? 'fcose' : 'one-pass placement' };
    performance.measure('crux:map-layout', { start, end: performance.now(), detail });
  }

  function patch(): void {
    const next = mapElements(doc);
    const diff = diffElements(current, next);
    if (diff.added.length === 0 && diff.changed.length === 0 && diff.removed.length === 0) return;
    const fresh: NodeSingular[] = [];
    cy.batch(() => {
      for (const id of diff.removed) cy.getElementById(id).remove();
      const addedNodes = diff.added.filter((e) => e.group === 'nodes');
      const addedEdges = diff.added.filter((e) => e.group === 'edges');
      for (const element of addedNodes) fresh.push(cy.add(toDefinition(element)) as unknown as NodeSingular);
      for (const element of addedEdges) cy.add(toDefinition(element));
      for (const element of diff.changed) {
        const el = cy.getElementById(element.id);
        const definition = toDefinition(element);
        el.data(definition.data);
        el.classes(definition.classes ?? '');
        if (element.group === 'nodes' && element.position && !options.isDragging?.(element.id)) el.position({ ...element.position });
      }
    });
    current = new Map(next.map((e) => [e.id, e]));
    const unplaced = fresh.filter((n) => n.data('position') === null);
    if (!laidOut) {
      laidOut = true;
      relayout();
    } else if (unplaced.length > 0) {
      // Place only the new nodes, beside what they link to; everything else stays.
      for (const node of unplaced) {
        const neighbours = node
          .neighborhood()
          .nodes()
          .filter((n) => !unplaced.includes(n as NodeSingular))
          .map((n) => ({ ...(n as NodeSingular).position() }));
        node.position(placeNew(node.id(), neighbours));
      }
    }
    for (const listener of listeners) listener();
  }

  // One patch per transaction, however many roots it touched.
  const unsubscribe = subscribeChanges(doc, (change) => {
    if (touches(change, 'hubs', 'annotations', 'claims', 'links', 'positions')) patch();
  });
  patch();

  return {
    elements: () => current,
    onPatched(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    relayout,
    destroy() {
      unsubscribe();
      listeners.clear();
    },
  };
}
