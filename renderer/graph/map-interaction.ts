// The map's gestures: drag from node to node (edgehandles) or press L to link, context
// menus on nodes and edges (map-menus.ts), and keyboard navigation (map-keys.ts: arrows
// between nodes, Enter selects, Shift+arrows move a node, Delete deletes, F2 relabels,
// F focuses a neighbourhood). Each ends in a MapActions write; `cy` is never written as
// truth (edgehandles' own edge is removed at once: the link comes back through the
// projection).
import type { EdgeSingular, EventObject, NodeSingular } from 'cytoscape';
import type { UiStore } from '../state/ui-store';
import type { MapActions } from './map-actions';
import { createMapGestures } from './map-gestures';
import { installMapKeys } from './map-keys';
import { createMapMenus } from './map-menus';
import type { MapView } from './map-view';

/** The running gestures. */
export interface MapInteraction {
  /** Starts linking from `source`: the next node chosen becomes the target. */
  startLinking(source: string): void;
  /** Opens the menu of a link (from the list view, say). */
  openLinkMenu(link: string, at?: { x: number; y: number }): Promise<void>;
  /** Opens the menu of a node. */
  openNodeMenu(node: string, at?: { x: number; y: number }): Promise<void>;
  /** Turns drawing links by dragging on or off (off: dragging moves nodes). */
  setDrawMode(on: boolean): void;
  destroy(): void;
}

/** Installs the gestures on `view`, whose container is focusable; popups go in `host`. */
export function installInteraction(view: MapView, host: HTMLElement, ui: UiStore, actions: MapActions, announce: (message: string) => void): MapInteraction {
  const { cy } = view;
  const gestures = createMapGestures({ view, host, ui, actions, announce });
  const menus = createMapMenus(gestures);
  installMapKeys(cy.container()!, gestures, menus);

  cy.on('tap', 'node', (event: EventObject) => {
    const id = event.target.id();
    gestures.setCursor(id);
    const source = gestures.linkSource();
    if (source) void gestures.finishLink(source, id);
  });
  cy.on('cxttap', 'node', (event: EventObject) => void menus.openNodeMenu(event.target.id()));
  cy.on('cxttap', 'edge', (event: EventObject) => void menus.openLinkMenu(event.target.id()));
  cy.on('tap', 'edge', (event: EventObject) => void menus.openLinkMenu(event.target.id()));

  // Drag from a node to another (with the link handle mode on, see the toolbar) draws a link.
  const handles = cy.edgehandles({ snap: true, hoverDelay: 100, canConnect: (s, t) => s.id() !== t.id() && !s.same(t) });
  cy.on('ehcomplete', (_event: EventObject, ...extra: unknown[]) => {
    const [source, target, added] = extra as [NodeSingular, NodeSingular, EdgeSingular];
    added.remove();
    void gestures.finishLink(source.id(), target.id());
  });

  return {
    startLinking: gestures.startLinking,
    openLinkMenu: menus.openLinkMenu,
    openNodeMenu: menus.openNodeMenu,
    setDrawMode(on) {
      if (on) handles.enableDrawMode();
      else handles.disableDrawMode();
    },
    destroy() {
      handles.destroy();
    },
  };
}
