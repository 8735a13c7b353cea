// The map's gestures: drag from node to node (edgehandles) or press L to link, context
// menus on nodes and edges, and keyboard navigation (arrows between nodes, Enter
// selects, Shift+arrows move a node, Delete deletes, F2 relabels, F focuses a
// neighbourhood). Each ends in a
// MapActions write; `cy` is never written as truth (edgehandles' own edge is removed at
// once: the link comes back through the projection).
import type { EdgeSingular, EventObject, NodeSingular } from 'cytoscape';
import type { Relation, Strength } from '../../shared/model';
import type { UiStore } from '../state/ui-store';
import type { MapActions } from './map-actions';
import type { MapView } from './map-view';
import { askText, chooseFrom, type Choice } from './popups';

const RELATION_CHOICES: readonly Choice<Relation>[] = [
  { label: 'Supports', value: 'supports' },
  { label: 'Challenges', value: 'challenges' },
];

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
  const container = cy.container()!;
  let cursor: string | null = null;
  let linkSource: string | null = null;

  const label = (id: string) => view.node(id)?.label ?? id;
  const renderedAt = (id: string) => {
    const el = cy.getElementById(id);
    if (el.empty()) return { x: 20, y: 20 };
    const p = el.isNode() ? (el as NodeSingular).renderedPosition() : (el as EdgeSingular).renderedMidpoint();
    const box = container.getBoundingClientRect();
    const hostBox = host.getBoundingClientRect();
    return { x: p.x + box.left - hostBox.left + 8, y: p.y + box.top - hostBox.top + 8 };
  };

  function setCursor(id: string | null): void {
    cy.batch(() => {
      cy.nodes('.cursor').removeClass('cursor');
      if (id) cy.getElementById(id).addClass('cursor');
    });
    cursor = id;
    if (id) announce(describe(id));
  }

  function describe(id: string): string {
    const node = view.node(id);
    if (!node) return id;
    const links = cy.getElementById(id).connectedEdges().length;
    const kind = node.kind === 'hub' ? 'Hub' : node.kind === 'claim' ? 'Claim' : `Passage (${node.role})`;
    return `${kind}: ${node.label}. ${links} link${links === 1 ? '' : 's'}.`;
  }

  async function finishLink(source: string, target: string): Promise<void> {
    linkSource = null;
    cy.nodes('.link-source').removeClass('link-source');
    if (source === target) {
      announce('Linking cancelled: a node cannot link to itself.');
      return;
    }
    const relation = await chooseFrom(host, `${label(source)} → ${label(target)}`, RELATION_CHOICES, renderedAt(target));
    if (!relation) {
      announce('Linking cancelled.');
      return;
    }
    if (actions.link(source, target, relation)) announce(`Linked: ${label(source)} ${relation} ${label(target)}.`);
  }

  function startLinking(source: string): void {
    linkSource = source;
    cy.getElementById(source).addClass('link-source');
    announce(`Linking from ${label(source)}: choose the node it bears on (arrows, then Enter; Escape cancels).`);
  }

  async function openNodeMenu(id: string, at = renderedAt(id)): Promise<void> {
    const node = view.node(id);
    if (!node) return;
    type Act = 'link' | 'rename' | 'focus' | 'unfocus' | 'delete';
    const choices: Choice<Act>[] = [{ label: 'Link to…', value: 'link' }];
    if (node.kind !== 'annotation') choices.push({ label: 'Rename…', value: 'rename' });
    choices.push(ui.get().focus === id ? { label: 'Show the whole map', value: 'unfocus' } : { label: 'Focus on its neighbourhood', value: 'focus' });
    choices.push({ label: 'Delete', value: 'delete' });
    const act = await chooseFrom(host, node.label, choices, at);
    if (act === 'link') startLinking(id);
    else if (act === 'rename') await relabel(id);
    else if (act === 'focus') ui.update({ focus: id });
    else if (act === 'unfocus') ui.update({ focus: null });
    else if (act === 'delete') remove(id);
  }

  async function openLinkMenu(id: string, at = renderedAt(id)): Promise<void> {
    const edge = view.projection.elements().get(id);
    if (!edge || edge.group !== 'edges') return;
    type Act = Relation | `strength-${Strength}` | 'note' | 'delete';
    const choices: Choice<Act>[] = [
      { label: edge.relation === 'supports' ? 'Supports ✓' : 'Supports', value: 'supports' },
      { label: edge.relation === 'challenges' ? 'Challenges ✓' : 'Challenges', value: 'challenges' },
      ...([1, 2, 3] as const).map((s) => ({ label: `Strength ${s}${edge.strength === s ? ' ✓' : ''}`, value: `strength-${s}` as const })),
      { label: 'Note…', value: 'note' },
      { label: 'Delete link', value: 'delete' },
    ];
    const act = await chooseFrom(host, `${label(edge.source)} → ${label(edge.target)}`, choices, at);
    if (act === 'supports' || act === 'challenges') actions.setRelation(id, act);
    else if (act === 'note') {
      const note = await askText(host, 'Note on the link', edge.note, at);
      if (note !== null) actions.setNote(id, note);
    } else if (act === 'delete') {
      if (actions.unlink(id)) announce('Link deleted.');
    } else if (act) actions.setStrength(id, Number(act.slice(-1)) as Strength);
  }

  async function relabel(id: string): Promise<void> {
    const node = view.node(id);
    if (!node || node.kind === 'annotation') return;
    const text = await askText(host, node.kind === 'hub' ? 'Hub name' : 'Claim', node.text, renderedAt(id));
    if (text !== null) actions.relabel(node.kind, id, text);
  }

  function remove(id: string): void {
    const node = view.node(id);
    if (!node) return;
    if (actions.remove(node.kind, id)) {
      announce(`Deleted ${node.label}.`);
      if (cursor === id) setCursor(null);
      if (ui.get().selected === id) ui.update({ selected: null, selectedBy: 'map' });
    }
  }

  /** The visible node nearest to `from` in the arrow's direction. */
  function step(from: NodeSingular, key: string): NodeSingular | null {
    const p = from.position();
    const dir = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] }[key]!;
    let best: NodeSingular | null = null;
    let bestScore = Infinity;
    cy.nodes(':visible').forEach((n) => {
      if (n.id() === from.id()) return;
      const q = n.position();
      const dx = q.x - p.x;
      const dy = q.y - p.y;
      const along = dx * dir[0]! + dy * dir[1]!;
      const across = Math.abs(dx * dir[1]! - dy * dir[0]!);
      if (along <= 0 || across > along * 2) return;
      const score = along + across * 2;
      if (score < bestScore) {
        bestScore = score;
        best = n;
      }
    });
    return best;
  }

  function firstNode(): string | null {
    const selected = ui.get().selected;
    if (selected && cy.getElementById(selected).isNode()) return selected;
    const visible = cy.nodes(':visible');
    return visible.nonempty() ? visible.first().id() : null;
  }

  container.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    if (key.startsWith('Arrow') && event.shiftKey && cursor) {
      // Shift+arrow moves the node (a drag without a mouse), 20 units a step.
      event.preventDefault();
      const node = cy.getElementById(cursor) as NodeSingular;
      const [dx, dy] = { ArrowRight: [20, 0], ArrowLeft: [-20, 0], ArrowDown: [0, 20], ArrowUp: [0, -20] }[key] ?? [0, 0];
      if (node.nonempty()) actions.move(cursor, { x: node.position('x') + dx!, y: node.position('y') + dy! });
      return;
    }
    if (key.startsWith('Arrow')) {
      event.preventDefault();
      const from = cursor && cy.getElementById(cursor).nonempty() ? (cy.getElementById(cursor) as NodeSingular) : null;
      const next = from ? step(from, key) : null;
      setCursor(next ? next.id() : (cursor ?? firstNode()));
      return;
    }
    if (!cursor && key !== 'Escape') {
      if (['Enter', ' ', 'Delete', 'Backspace', 'l', 'L', 'F2', 'f', 'F', 'ContextMenu'].includes(key)) setCursor(firstNode());
      if (!cursor) return;
    }
    const at = cursor!;
    if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      if (linkSource) void finishLink(linkSource, at);
      else ui.update({ selected: at, selectedBy: 'map' });
    } else if (key === 'Delete' || key === 'Backspace') {
      event.preventDefault();
      remove(at);
    } else if (key === 'l' || key === 'L') {
      event.preventDefault();
      startLinking(at);
    } else if (key === 'F2') {
      event.preventDefault();
      void relabel(at);
    } else if (key === 'f' || key === 'F') {
      event.preventDefault();
      ui.update({ focus: ui.get().focus === at ? null : at });
    } else if (key === 'ContextMenu' || (key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      void openNodeMenu(at);
    } else if (key === 'Escape' && linkSource) {
      event.preventDefault();
      linkSource = null;
      cy.nodes('.link-source').removeClass('link-source');
      announce('Linking cancelled.');
    }
  });
  container.addEventListener('focus', () => {
    if (!cursor) setCursor(firstNode());
  });

  cy.on('tap', 'node', (event: EventObject) => {
    const id = event.target.id();
    setCursor(id);
    if (linkSource) void finishLink(linkSource, id);
  });
  cy.on('cxttap', 'node', (event: EventObject) => void openNodeMenu(event.target.id()));
  cy.on('cxttap', 'edge', (event: EventObject) => void openLinkMenu(event.target.id()));
  cy.on('tap', 'edge', (event: EventObject) => void openLinkMenu(event.target.id()));

  // Drag from a node to another (with the link handle mode on, see the toolbar) draws a link.
  const handles = cy.edgehandles({ snap: true, hoverDelay: 100, canConnect: (s, t) => s.id() !== t.id() && !s.same(t) });
  cy.on('ehcomplete', (_event: EventObject, ...extra: unknown[]) => {
    const [source, target, added] = extra as [NodeSingular, NodeSingular, EdgeSingular];
    added.remove();
    void finishLink(source.id(), target.id());
  });

  return {
    startLinking,
    openLinkMenu,
    openNodeMenu,
    setDrawMode(on) {
      if (on) handles.enableDrawMode();
      else handles.disableDrawMode();
    },
    destroy() {
      handles.destroy();
    },
  };
}
