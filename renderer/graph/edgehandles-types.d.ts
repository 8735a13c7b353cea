// The API cytoscape-edgehandles adds to Cytoscape's Core (the extension ships no types).
import 'cytoscape';

declare module 'cytoscape' {
  /** Options of cytoscape-edgehandles (the ones Crux sets). */
  interface EdgeHandlesOptions {
    canConnect?: (source: NodeSingular, target: NodeSingular) => boolean;
    edgeParams?: (source: NodeSingular, target: NodeSingular) => ElementDefinition;
    hoverDelay?: number;
    snap?: boolean;
    snapThreshold?: number;
    noEdgeEventsInDraw?: boolean;
    disableBrowserGestures?: boolean;
  }
  /** The object `cy.edgehandles()` returns. */
  interface EdgeHandles {
    start(source: NodeSingular): void;
    stop(): void;
    enable(): void;
    disable(): void;
    enableDrawMode(): void;
    disableDrawMode(): void;
    destroy(): void;
  }
  interface Core {
    edgehandles(options?: EdgeHandlesOptions): EdgeHandles;
  }
}
