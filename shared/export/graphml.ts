// GraphML (http://graphml.graphdrawing.org/): the argument map as a directed graph for
// yEd, Gephi or networkx. Nodes carry kind, role and label; edges relation, strength,
// author and note. All text is XML-escaped, and characters XML 1.0 forbids are dropped.
import { personName, type ProjectSnapshot } from './project-snapshot';
import { xmlEscape } from './xml-escape';

const KEYS: readonly [string, 'node' | 'edge', 'string' | 'int' | 'double'][] = [
  ['kind', 'node', 'string'],
  ['role', 'node', 'string'],
  ['label', 'node', 'string'],
  ['x', 'node', 'double'],
  ['y', 'node', 'double'],
  ['relation', 'edge', 'string'],
  ['strength', 'edge', 'int'],
  ['author', 'edge', 'string'],
  ['note', 'edge', 'string'],
];

/** The argument map of `snapshot` as a GraphML document. */
export function toGraphml(snapshot: ProjectSnapshot): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
  for (const [name, on, type] of KEYS) out.push(`  <key id="${on}-${name}" for="${on}" attr.name="${name}" attr.type="${type}"/>`);
  out.push(`  <graph id="${xmlEscape(snapshot.title)}" edgedefault="directed">`);
  const data = (on: string, key: string, value: string | number | undefined) => (value === undefined ? '' : `<data key="${on}-${key}">${xmlEscape(String(value))}</data>`);
  const node = (id: string, kind: string, label: string, role?: string) => {
    const p = snapshot.positions.get(id);
    out.push(`    <node id="${xmlEscape(id)}">${data('node', 'kind', kind)}${data('node', 'role', role)}${data('node', 'label', label)}${data('node', 'x', p?.x)}${data('node', 'y', p?.y)}</node>`);
  };
  for (const h of snapshot.hubs) node(h.id, 'hub', h.label);
  for (const c of snapshot.claims) node(c.id, 'claim', c.text);
  for (const p of snapshot.passages) node(p.id, 'passage', p.quote.exact, p.role);
  for (const l of snapshot.links) {
    const attrs = `${data('edge', 'relation', l.relation)}${data('edge', 'strength', l.strength)}${data('edge', 'author', personName(snapshot, l.author))}${data('edge', 'note', l.note)}`;
    out.push(`    <edge id="${xmlEscape(l.id)}" source="${xmlEscape(l.source)}" target="${xmlEscape(l.target)}">${attrs}</edge>`);
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
