// The map as lists: every node and every link in words, for screen readers (always in
// the accessibility tree) and as a visible "List view" for anyone. Choosing an entry
// selects it in the text and the map, or opens the link's menu.
import { h } from '../shell/dom';
import type { UiStore } from '../state/ui-store';
import type { EdgeElement, MapElement, NodeElement } from './elements';

/** The list view. */
export interface MapList {
  readonly element: HTMLElement;
  /** Re-renders from the projected elements and the visible ids. */
  render(elements: ReadonlyMap<string, MapElement>, shown: ReadonlySet<string>): void;
}

/** Words for one link, e.g. "“…quote…” supports Realist (strength 2, by ana)". */
export function describeLink(link: EdgeElement, label: (id: string) => string, personName: (id: string) => string): string {
  const note = link.note ? ` — note: ${link.note}` : '';
  return `${label(link.source)} ${link.relation} ${label(link.target)} (strength ${link.strength}, by ${personName(link.author)})${note}`;
}

function kindWord(node: NodeElement): string {
  if (node.kind === 'hub') return 'Hub';
  if (node.kind === 'claim') return 'Claim';
  return node.role === 'counter' ? 'Counter-argument' : node.role === 'claim' ? 'Claim passage' : 'Evidence';
}

/** Builds the list view. */
export function createMapList(ui: UiStore, openLinkMenu: (id: string) => void, personName: (id: string) => string): MapList {
  const nodes = h('ul', { class: 'map-list-nodes', 'aria-label': 'Map nodes' });
  const links = h('ul', { class: 'map-list-links', 'aria-label': 'Map links' });
  const element = h('section', { class: 'map-list', 'aria-label': 'Map as a list' }, h('h3', {}, 'Nodes'), nodes, h('h3', {}, 'Links'), links);
  return {
    element,
    render(elements, shown) {
      const label = (id: string) => {
        const e = elements.get(id);
        return e?.group === 'nodes' ? (e.kind === 'annotation' ? `“${e.label}”` : e.label) : id;
      };
      const selected = ui.get().selected;
      const nodeItems: HTMLElement[] = [];
      const linkItems: HTMLElement[] = [];
      for (const e of elements.values()) {
        if (!shown.has(e.id)) continue;
        if (e.group === 'nodes') {
          const button = h('button', { type: 'button', class: 'map-list-entry', 'aria-pressed': String(selected === e.id), 'data-node': e.id }, `${kindWord(e)}: ${label(e.id)}`);
          button.addEventListener('click', () => ui.update({ selected: e.id, selectedBy: 'map' }));
          nodeItems.push(h('li', {}, button));
        } else {
          const button = h('button', { type: 'button', class: 'map-list-entry', 'data-link': e.id, 'data-relation': e.relation, 'aria-haspopup': 'menu' }, describeLink(e, label, personName));
          button.addEventListener('click', () => openLinkMenu(e.id));
          linkItems.push(h('li', {}, button));
        }
      }
      nodes.replaceChildren(...nodeItems);
      links.replaceChildren(...(linkItems.length > 0 ? linkItems : [h('li', { class: 'pane-empty' }, 'No links yet.')]));
    },
  };
}
