// The map's keyboard: arrows move between nodes (to the nearest in that direction),
// Shift+arrows move a node, Enter selects (or ends a link), Delete deletes, L links,
// F2 renames, F focuses a neighbourhood, the context-menu key opens the node's menu and
// Escape stops linking.
import type { NodeSingular } from 'cytoscape';
import type { MapGestures } from './map-gestures';
import type { MapMenus } from './map-menus';

/** Keys that act on a node, so they put the cursor on one first. */
const NODE_KEYS = ['Enter', ' ', 'Delete', 'Backspace', 'l', 'L', 'F2', 'f', 'F', 'ContextMenu'];

/** Handles the keys of the map's `container`. */
export function installMapKeys(container: HTMLElement, gestures: MapGestures, menus: MapMenus): void {
  const { cy } = gestures.view;
  const { ui, actions } = gestures;

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

  /** Arrows: Shift moves the node under the cursor, else the cursor moves. */
  function arrow(key: string, shift: boolean): void {
    const cursor = gestures.cursor();
    if (shift && cursor) {
      // Shift+arrow moves the node (a drag without a mouse), 20 units a step.
      const node = cy.getElementById(cursor) as NodeSingular;
      const [dx, dy] = { ArrowRight: [20, 0], ArrowLeft: [-20, 0], ArrowDown: [0, 20], ArrowUp: [0, -20] }[key] ?? [0, 0];
      if (node.nonempty()) actions.move(cursor, { x: node.position('x') + dx!, y: node.position('y') + dy! });
      return;
    }
    const from = cursor && cy.getElementById(cursor).nonempty() ? (cy.getElementById(cursor) as NodeSingular) : null;
    const next = from ? step(from, key) : null;
    gestures.setCursor(next ? next.id() : (cursor ?? firstNode()));
  }

  /** A key on the node `at`; returns whether it was one of the map's. */
  function onNode(key: string, shift: boolean, at: string): boolean {
    const source = gestures.linkSource();
    if (key === 'Enter' || key === ' ') {
      if (source) void gestures.finishLink(source, at);
      else ui.update({ selected: at, selectedBy: 'map' });
    } else if (key === 'Delete' || key === 'Backspace') gestures.remove(at);
    else if (key === 'l' || key === 'L') gestures.startLinking(at);
    else if (key === 'F2') void menus.relabel(at);
    else if (key === 'f' || key === 'F') ui.update({ focus: ui.get().focus === at ? null : at });
    else if (key === 'ContextMenu' || (key === 'F10' && shift)) void menus.openNodeMenu(at);
    else if (key === 'Escape' && source) {
      gestures.cancelLinking();
      gestures.announce('Linking cancelled.');
    } else return false;
    return true;
  }

  container.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const { key } = event;
    if (key.startsWith('Arrow')) {
      event.preventDefault();
      arrow(key, event.shiftKey);
      return;
    }
    if (!gestures.cursor() && key !== 'Escape') {
      if (NODE_KEYS.includes(key)) gestures.setCursor(firstNode());
      if (!gestures.cursor()) return;
    }
    if (onNode(key, event.shiftKey, gestures.cursor()!)) event.preventDefault();
  });
  container.addEventListener('focus', () => {
    if (!gestures.cursor()) gestures.setCursor(firstNode());
  });
}
