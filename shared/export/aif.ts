// AIF JSON (the Argument Interchange Format as AIFdb reads it): passages, hubs and claims
// as I-nodes (information), each link as an RA node (supports: rule of inference) or a
// CA node (challenges: conflict) between them, edges I → RA/CA → I. No locutions: a
// seminar's annotations are not dialogue moves.
import type { ProjectSnapshot } from './project-snapshot';

/** One AIF node. */
export interface AifNode {
  readonly nodeID: string;
  readonly text: string;
  readonly type: 'I' | 'RA' | 'CA';
}

/** One AIF edge. */
export interface AifEdge {
  readonly edgeID: string;
  readonly fromID: string;
  readonly toID: string;
}

/** An AIF document. */
export interface Aif {
  readonly nodes: readonly AifNode[];
  readonly edges: readonly AifEdge[];
  readonly locutions: readonly never[];
}

/** The argument graph of `snapshot` as AIF. Node ids are Crux ids; scheme nodes are the link ids. */
export function toAif(snapshot: ProjectSnapshot): Aif {
  const nodes: AifNode[] = [
    ...snapshot.hubs.map((h): AifNode => ({ nodeID: h.id, text: h.label, type: 'I' })),
    ...snapshot.claims.map((c): AifNode => ({ nodeID: c.id, text: c.text, type: 'I' })),
    ...snapshot.passages.map((p): AifNode => ({ nodeID: p.id, text: p.quote.exact, type: 'I' })),
  ];
  const edges: AifEdge[] = [];
  for (const link of snapshot.links) {
    const supports = link.relation === 'supports';
    nodes.push({ nodeID: link.id, text: supports ? 'Default Inference' : 'Default Conflict', type: supports ? 'RA' : 'CA' });
    edges.push({ edgeID: `${link.id}#from`, fromID: link.source, toID: link.id });
    edges.push({ edgeID: `${link.id}#to`, fromID: link.id, toID: link.target });
  }
  return { nodes, edges, locutions: [] };
}
