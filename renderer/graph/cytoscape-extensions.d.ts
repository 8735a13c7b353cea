// Types for the two Cytoscape extensions the map uses, which ship none: each is a
// Cytoscape extension registered with `cytoscape.use`, and edgehandles adds
// `cy.edgehandles(options)`.
declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';
  const fcose: Ext;
  export default fcose;
}

declare module 'cytoscape-edgehandles' {
  import type { Ext } from 'cytoscape';
  const edgehandles: Ext;
  export default edgehandles;
}
