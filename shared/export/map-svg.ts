// A plain SVG picture of the argument map for reports made without the app's renderer
// (the CLI): hubs as coloured circles at their map positions, passages and claims as
// small dots (at their position, or on a ring around the hubs), links as green
// (supports) or red dashed (challenges) lines. Every text is XML-escaped.
import { xmlEscape } from './xml-escape';
import type { ProjectSnapshot } from './project-snapshot';
import type { Point } from '../model';
import { CHALLENGES_COLOUR, CLAIM_COLOUR, ROLE_COLOURS, SUPPORTS_COLOUR } from '../model/role-colours';


/** The map of `snapshot` as a standalone SVG string. */
export function mapSvg(snapshot: ProjectSnapshot): string {
  const place = new Map<string, Point>();
  const loose = [...snapshot.claims.map((c) => c.id), ...snapshot.passages.map((p) => p.id)];
  snapshot.hubs.forEach((h, i) => place.set(h.id, snapshot.positions.get(h.id) ?? ring(i, snapshot.hubs.length, 400)));
  loose.forEach((id, i) => place.set(id, snapshot.positions.get(id) ?? ring(i, loose.length, 220)));
  const points = [...place.values()];
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const margin = 80;
  const minX = Math.min(0, ...xs) - margin;
  const minY = Math.min(0, ...ys) - margin;
  const width = Math.max(0, ...xs) + margin - minX;
  const height = Math.max(0, ...ys) + margin - minY;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${width} ${height}" width="${Math.round(width)}" height="${Math.round(height)}" role="img" aria-label="${xmlEscape(`Argument map: ${snapshot.title}`)}">`,
  ];
  for (const l of snapshot.links) {
    const a = place.get(l.source);
    const b = place.get(l.target);
    if (!a || !b) continue;
    const style = l.relation === 'supports' ? `stroke="${SUPPORTS_COLOUR}"` : `stroke="${CHALLENGES_COLOUR}" stroke-dasharray="8 5"`;
    out.push(`<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" ${style} stroke-width="${1 + (l.strength ?? 1)}"/>`);
  }
  for (const p of snapshot.passages) {
    const at = place.get(p.id)!;
    out.push(`<circle cx="${at.x}" cy="${at.y}" r="9" fill="${ROLE_COLOURS[p.role]}"><title>${xmlEscape(`${p.role}: ${p.quote.exact}`)}</title></circle>`);
  }
  for (const c of snapshot.claims) {
    const at = place.get(c.id)!;
    out.push(`<rect x="${at.x - 9}" y="${at.y - 9}" width="18" height="18" fill="${CLAIM_COLOUR}"><title>${xmlEscape(c.text)}</title></rect>`);
  }
  for (const h of snapshot.hubs) {
    const at = place.get(h.id)!;
    out.push(`<circle cx="${at.x}" cy="${at.y}" r="40" fill="${xmlEscape(h.colour)}" fill-opacity="0.85"/>`);
    out.push(`<text x="${at.x}" y="${at.y + 60}" text-anchor="middle" font-family="sans-serif" font-size="22">${xmlEscape(h.label)}</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}

function ring(i: number, n: number, radius: number): Point {
  const angle = (2 * Math.PI * i) / Math.max(1, n) - Math.PI / 2;
  return { x: Math.round(radius * Math.cos(angle)), y: Math.round(radius * Math.sin(angle)) };
}
