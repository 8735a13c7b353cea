// Which map elements the filters and the focus let through. Pure, like elements.ts.
import type { Filters } from '../state/ui-store';
import type { EdgeElement, MapElement, NodeElement } from './elements';

/**
 * The ids of the elements to show. Roles and authors filter annotations and claims
 * (hubs always show); a hub filter keeps the chosen hubs and the nodes linked to them;
 * a focus keeps one node and its direct neighbours. An edge shows when both ends do.
 */
export function visibleIds(elements: readonly MapElement[], filters: Filters, focus: string | null): Set<string> {
  const nodes = elements.filter((e): e is NodeElement => e.group === 'nodes');
  const edges = elements.filter((e): e is EdgeElement => e.group === 'edges');
  const near = (id: string) => {
    const out = new Set([id]);
    for (const e of edges) {
      if (e.source === id) out.add(e.target);
      if (e.target === id) out.add(e.source);
    }
    return out;
  };
  let hubNeighbours: Set<string> | null = null;
  if (filters.hubs.size > 0) {
    hubNeighbours = new Set();
    for (const hub of filters.hubs) for (const id of near(hub)) hubNeighbours.add(id);
  }
  const focused = focus !== null && nodes.some((n) => n.id === focus) ? near(focus) : null;
  const shown = new Set<string>();
  for (const n of nodes) {
    if (n.kind !== 'hub') {
      if (filters.roles.size > 0 && n.kind === 'annotation' && !filters.roles.has(n.role ?? '')) continue;
      if (filters.authors.size > 0 && !filters.authors.has(n.author ?? '')) continue;
      if (hubNeighbours && !hubNeighbours.has(n.id)) continue;
    } else if (hubNeighbours && !filters.hubs.has(n.id) && !hubNeighbours.has(n.id)) continue;
    if (focused && !focused.has(n.id)) continue;
    shown.add(n.id);
  }
  for (const e of edges) if (shown.has(e.source) && shown.has(e.target)) shown.add(e.id);
  return shown;
}
