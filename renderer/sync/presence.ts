// Presence: what this user tells the others (who they are, their selection in the text,
// the map node they look at) and how the others' selections show in the reader. Awareness
// updates are sent only on change and at most every 100 ms, so a seminar of 100 does not
// flood itself with cursor traffic.
import { Plugin } from 'prosemirror-state';
import { yCursorPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import { checkPresence } from '../../shared/sync/presence-state';
import type { UiStore } from '../state/ui-store';
import type { Session } from '../session/session';
import { onShownPerson, shownPerson } from '../people/shown-person';

/** The shortest time between two presence messages of this user. */
export const PRESENCE_INTERVAL_MS = 100;

/** Someone connected to the project, as their presence says. */
export interface Participant {
  clientId: number;
  id: string;
  name: string;
  colour: string;
  node: string | null;
}

/**
 * An Awareness whose `setLocalStateField` is throttled: fields are sent when they changed,
 * at most every PRESENCE_INTERVAL_MS; the latest value always goes out.
 */
export function throttledAwareness(awareness: Awareness, interval = PRESENCE_INTERVAL_MS): Awareness {
  const pending = new Map<string, unknown>();
  const sent = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  const flush = () => {
    timer = null;
    last = Date.now();
    const state = { ...(awareness.getLocalState() ?? {}) };
    let changed = false;
    for (const [field, value] of pending) {
      const json = JSON.stringify(value);
      if (sent.get(field) === json) continue;
      sent.set(field, json);
      state[field] = value;
      changed = true;
    }
    pending.clear();
    if (changed) awareness.setLocalState(state);
  };
  const set = (field: string, value: unknown) => {
    pending.set(field, value);
    if (timer) return;
    timer = setTimeout(flush, Math.max(0, interval - (Date.now() - last)));
  };
  return new Proxy(awareness, {
    get(target, prop) {
      if (prop === 'setLocalStateField') return set;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Publishes `session`'s user as `shownPerson` has them, again whenever they rename or
 * recolour (so the others' people strips and caret labels follow live), and their
 * selected map node; returns the function that stops it.
 */
export function publishSessionPresence(session: Session, ui: UiStore): () => void {
  const presence = throttledAwareness(session.awareness);
  const publishUser = () => {
    const person = shownPerson(session);
    presence.setLocalStateField('user', { id: person.id, name: person.name, colour: person.colour, color: person.colour });
  };
  publishUser();
  presence.setLocalStateField('node', ui.get().selected);
  const stopPerson = onShownPerson(session, publishUser);
  const stopUi = ui.subscribe((state, previous) => {
    if (state.selected !== previous.selected) presence.setLocalStateField('node', state.selected);
  });
  return () => {
    stopPerson();
    stopUi();
  };
}

/** A peer's name and colour fit for the page: checked, or a neutral fallback. */
function shownUser(user: unknown): { name: string; colour: string } {
  const checked = checkPresence({ user });
  if (checked.ok && checked.state.user) return { name: checked.state.user.name, colour: checked.state.user.colour };
  return { name: 'Someone', colour: FALLBACK_COLOUR };
}

const FALLBACK_COLOUR = '#888888';

/**
 * The others' live selections in the reader, drawn in their colour with their name.
 * y-prosemirror keys a caret by client, so ProseMirror keeps its element when the peer
 * renames: the plugin relabels the carets it drew whenever presence changes.
 */
export function presenceCursors(awareness: Awareness): Plugin {
  const carets = new Map<HTMLElement, number>();
  const paint = (caret: HTMLElement, user: unknown) => {
    const { name, colour } = shownUser(user);
    caret.style.setProperty('--author-colour', colour);
    caret.firstElementChild!.textContent = name;
  };
  const relabel = () => {
    for (const [caret, clientId] of carets) {
      if (!caret.isConnected) carets.delete(caret);
      else paint(caret, (awareness.getStates().get(clientId) as { user?: unknown } | undefined)?.user);
    }
  };
  const cursors = yCursorPlugin(throttledAwareness(awareness), {
    // A peer's presence is theirs to write: only a checked "#rrggbb" ever reaches a style,
    // and names go in as text, so no peer can restyle or cover anyone else's page.
    cursorBuilder(user: unknown, clientId: number) {
      const caret = document.createElement('span');
      caret.className = 'crux-caret';
      const label = document.createElement('span');
      label.className = 'crux-caret-label';
      caret.append(label);
      paint(caret, user);
      carets.set(caret, clientId);
      return caret;
    },
    selectionBuilder(user: unknown) {
      return { class: 'crux-remote-selection', style: `--author-colour: ${shownUser(user).colour}` };
    },
  });
  const drawCursors = cursors.spec.view!;
  return new Plugin({
    ...cursors.spec,
    view(view) {
      const inner = drawCursors(view);
      awareness.on('change', relabel);
      return {
        update: (v, previous) => inner.update?.(v, previous),
        destroy() {
          awareness.off('change', relabel);
          carets.clear();
          inner.destroy?.();
        },
      };
    },
  });
}

/** Everyone else connected, from their presence; states that break the presence rules are left out. */
export function participants(awareness: Awareness): Participant[] {
  const out: Participant[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const checked = checkPresence(state);
    if (!checked.ok || !checked.state.user) return;
    const { id, name, colour } = checked.state.user;
    out.push({ clientId, id, name, colour, node: checked.state.node ?? null });
  });
  return out;
}
