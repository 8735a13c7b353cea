// The argument map as a standalone SVG picture: the one writer behind the app's "Export map
// as SVG" (nodes where Cytoscape laid them out) and the reports' map (nodes at their stored
// positions, or on rings around the centre when none is stored). Hubs are large coloured
// circles, passages dots in their role's colour, claims squares; links are green (supports)
// or red dashed (challenges) lines as thick as their strength. Labels are real text, so the
// picture stays searchable; every text and colour from the project is XML-escaped.
import { xmlEscape } from './xml-escape';
import type { ProjectSnapshot } from './project-snapshot';
import type { Point } from '../model';
import { CHALLENGES_COLOUR, CLAIM_COLOUR, ROLE_COLOURS, SUPPORTS_COLOUR } from '../model/role-colours';

/** A node of the picture. */
export interface SvgNode {
  readonly id: string;
  /** Drawn under the node; empty: none. */
  readonly label: string;
  readonly kind: 'hub' | 'annotation' | 'claim';
  /** A hub's colour. */
  readonly colour: string | null;
  /** A passage's role (evidence, claim, counter). */
  readonly role: string | null;
  /** Shown on hover (the passage's quote, the claim's text), if any. */
  readonly detail?: string;
  readonly x: number;
  readonly y: number;
}

/** A link of the picture. */
export interface SvgEdge {
  readonly source: string;
  readonly target: string;
  readonly relation: 'supports' | 'challenges';
  readonly strength: number;
}

/** A link's line width by its strength (1–3), in the map and its pictures alike. */
export function edgeWidth(strength: number): number {
  return 1 + strength * 1.5;
}

function radius(node: SvgNode): number {
  return node.kind === 'hub' ? 32 : node.kind === 'claim' ? 14 : 10;
}

/** Role colours by the role names nodes carry. */
const colourOfRole: Readonly<Record<string, string | undefined>> = ROLE_COLOURS;

/** A node's shape: hubs and passages circles, claims squares; the detail as its tooltip. */
function nodeShape(n: SvgNode): string {
  const r = radius(n);
  const fill = n.kind === 'hub' ? (n.colour ?? '#888') : n.kind === 'claim' ? CLAIM_COLOUR : (colourOfRole[n.role ?? ''] ?? '#888');
  const [tag, at] = n.kind === 'claim' ? ['rect', `x="${n.x - r}" y="${n.y - r}" width="${2 * r}" height="${2 * r}"`] : ['circle', `cx="${n.x}" cy="${n.y}" r="${r}"`];
  const open = `<${tag} class="${n.kind}" ${at} fill="${xmlEscape(fill)}"`;
  return n.detail ? `${open}><title>${xmlEscape(n.detail)}</title></${tag}>` : `${open}/>`;
}

/** A standalone SVG document of `nodes` and `edges`, titled `title`. Pure. */
export function drawMapSvg(nodes: readonly SvgNode[], edges: readonly SvgEdge[], title = 'Argument map'): string {
  const at = new Map(nodes.map((n) => [n.id, n]));
  const pad = 80;
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const minX = Math.min(0, ...xs) - pad;
  const minY = Math.min(0, ...ys) - pad;
  const width = Math.max(0, ...xs) + pad - minX;
  const height = Math.max(0, ...ys) + pad - minY;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${width} ${height}" width="${Math.round(width)}" height="${Math.round(height)}" font-family="sans-serif" role="img" aria-label="${xmlEscape(title)}">`,
    `<title>${xmlEscape(title)}</title>`,
    `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#fff"/>`,
  ];
  for (const e of edges) {
    const s = at.get(e.source);
    const t = at.get(e.target);
    if (!s || !t) continue;
    const colour = e.relation === 'supports' ? SUPPORTS_COLOUR : CHALLENGES_COLOUR;
    const dash = e.relation === 'challenges' ? ' stroke-dasharray="6 4"' : '';
    out.push(`<line class="${e.relation}" x1="${s.x}" y1="${s.y}" x2="${t.x}" y2="${t.y}" stroke="${colour}" stroke-width="${edgeWidth(e.strength)}"${dash}/>`);
  }
  // Hubs last, so passages never hide them.
  const order = [...nodes.filter((n) => n.kind !== 'hub'), ...nodes.filter((n) => n.kind === 'hub')];
  for (const n of order) {
    out.push(nodeShape(n));
    if (!n.label) continue;
    const size = n.kind === 'hub' ? 15 : 11;
    out.push(`<text x="${n.x}" y="${n.y + radius(n) + size + 2}" font-size="${size}" text-anchor="middle" fill="#222">${xmlEscape(n.label)}</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

/**
 * The map of `snapshot` (reports made without the app's renderer, as in the CLI): nodes at
 * their stored positions; hubs without one on a ring, passages and claims on an inner ring.
 */
export function mapSvg(snapshot: ProjectSnapshot): string {
  const place = (id: string, i: number, n: number, r: number): Point => snapshot.positions.get(id) ?? ring(i, n, r);
  const loose = snapshot.claims.length + snapshot.passages.length;
  const nodes: SvgNode[] = [
    ...snapshot.hubs.map((h, i): SvgNode => ({ id: h.id, label: h.label, kind: 'hub', colour: h.colour, role: null, ...place(h.id, i, snapshot.hubs.length, 400) })),
    ...snapshot.claims.map((c, i): SvgNode => ({ id: c.id, label: '', kind: 'claim', colour: null, role: null, detail: c.text, ...place(c.id, i, loose, 220) })),
    ...snapshot.passages.map((p, i): SvgNode => {
      const at = place(p.id, snapshot.claims.length + i, loose, 220);
      return { id: p.id, label: '', kind: 'annotation', colour: null, role: p.role, detail: `${p.role}: ${p.quote.exact}`, ...at };
    }),
  ];
  const edges = snapshot.links.map((l): SvgEdge => ({ source: l.source, target: l.target, relation: l.relation, strength: l.strength ?? 1 }));
  return drawMapSvg(nodes, edges, `Argument map: ${snapshot.title}`);
}

function ring(i: number, n: number, radius: number): Point {
  const angle = (2 * Math.PI * i) / Math.max(1, n) - Math.PI / 2;
  return { x: Math.round(radius * Math.cos(angle)), y: Math.round(radius * Math.sin(angle)) };
}
