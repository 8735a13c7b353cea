// The state the map's gestures share: the keyboard cursor, the node a link is being
// drawn from, and the writes that end a gesture (link, delete). The menus
// (map-menus.ts) and the keys (map-keys.ts) act through it.
import type { EdgeSingular, NodeSingular } from 'cytoscape';
import type { Relation } from '../../shared/model';
import type { UiStore } from '../state/ui-store';
import type { MapActions } from './map-actions';
import type { MapView } from './map-view';
import { chooseFrom, type Choice } from './popups';

const RELATION_CHOICES: readonly Choice<Relation>[] = [
  { label: 'Supports', value: 'supports' },
  { label: 'Challenges', value: 'challenges' },
];

/** What the gestures work with. */
export interface GestureContext {
  view: MapView;
  /** Where popups go. */
  host: HTMLElement;
  ui: UiStore;
  actions: MapActions;
  announce(message: string): void;
}

/** The gestures' shared state and the steps they end in. */
export interface MapGestures extends GestureContext {
  /** The node the keyboard is on. */
  cursor(): string | null;
  /** Puts the keyboard on `id` (null: nowhere) and says what it is. */
  setCursor(id: string | null): void;
  /** The node a link is being drawn from, if any. */
  linkSource(): string | null;
  /** Starts linking from `source`: the next node chosen becomes the target. */
  startLinking(source: string): void;
  /** Stops linking without a link. */
  cancelLinking(): void;
  /** Asks for the relation and links `source` to `target`. */
  finishLink(source: string, target: string): Promise<void>;
  /** Deletes node `id`. */
  remove(id: string): void;
  /** A node's label (its id if it is gone). */
  label(id: string): string;
  /** Where an element shows, in `host`'s coordinates (for popups). */
  renderedAt(id: string): { x: number; y: number };
}

/** The gestures' state on `context.view`. */
export function createMapGestures(context: GestureContext): MapGestures {
  const { view, host, ui, actions, announce } = context;
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

  function describe(id: string): string {
    const node = view.node(id);
    if (!node) return id;
    const links = cy.getElementById(id).connectedEdges().length;
    const kind = node.kind === 'hub' ? 'Hub' : node.kind === 'claim' ? 'Claim' : `Passage (${node.role})`;
    return `${kind}: ${node.label}. ${links} link${links === 1 ? '' : 's'}.`;
  }

  function setCursor(id: string | null): void {
    cy.batch(() => {
      cy.nodes('.cursor').removeClass('cursor');
      if (id) cy.getElementById(id).addClass('cursor');
    });
    cursor = id;
    if (id) announce(describe(id));
  }

  function cancelLinking(): void {
    linkSource = null;
    cy.nodes('.link-source').removeClass('link-source');
  }

  async function finishLink(source: string, target: string): Promise<void> {
    cancelLinking();
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

  function remove(id: string): void {
    const node = view.node(id);
    if (!node) return;
    if (actions.remove(node.kind, id)) {
      announce(`Deleted ${node.label}.`);
      if (cursor === id) setCursor(null);
      if (ui.get().selected === id) ui.update({ selected: null, selectedBy: 'map' });
    }
  }

  return {
    ...context,
    cursor: () => cursor,
    setCursor,
    linkSource: () => linkSource,
    startLinking,
    cancelLinking,
    finishLink,
    remove,
    label,
    renderedAt,
  };
}
