// The reader's tagging controls: Alt+1/2/3 tag the selected passage as evidence, claim
// or counter-argument, and a floating toolbar by the selection offers the same three
// buttons (one Tab stop after the reading, arrow keys between them). What tagging does
// is the caller's: these controls only say which role was asked for.
import { Plugin, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import type { Role } from '../../shared/model';
import { h } from '../shell/dom';
import { installToolbarKeys } from '../shell/toolbar-keys';
import { ROLE_LABELS } from './highlights/decorations';

/** The key that tags the selection with each role (ProseMirror keymap notation). */
export const TAG_KEYS: Readonly<Record<Role, string>> = Object.freeze({ evidence: 'Alt-1', claim: 'Alt-2', counter: 'Alt-3' });

/** Called with the role asked for; returns whether it tagged something. */
export type TagHandler = (view: EditorView, role: Role) => boolean;

/** `Alt-1` as users read it: "Alt+1". */
export function tagKeyLabel(role: Role): string {
  return TAG_KEYS[role].replace('-', '+');
}

/** The accessible name of a tag button: "Tag as evidence (Alt+1)". */
export function tagButtonLabel(role: Role): string {
  return `Tag as ${ROLE_LABELS[role].toLowerCase()} (${tagKeyLabel(role)})`;
}

/** Whether `state` has a selection worth tagging (some non-blank text). */
export function canTag(state: EditorState): boolean {
  const { from, to, empty } = state.selection;
  return !empty && /\S/.test(state.doc.textBetween(from, to, '\n', ''));
}

/** The Alt+1/2/3 keymap. */
export function tagKeymap(onTag: TagHandler): Plugin {
  const bindings: Record<string, (state: EditorState, dispatch: unknown, view?: EditorView) => boolean> = {};
  for (const role of Object.keys(TAG_KEYS) as Role[]) {
    bindings[TAG_KEYS[role]] = (state, _dispatch, view) => (view && canTag(state) ? onTag(view, role) : false);
  }
  return keymap(bindings);
}

/** The floating toolbar shown by a non-empty selection. */
export function selectionToolbar(onTag: TagHandler): Plugin {
  return new Plugin({
    view(view) {
      const buttons = (Object.keys(TAG_KEYS) as Role[]).map((role) => {
        const label = tagButtonLabel(role);
        const button = h('button', { type: 'button', class: `crux-tagbar-button crux-tagbar-button--${role}`, 'aria-label': label, title: label }, ROLE_LABELS[role]);
        // Keep the reader's selection: pressing the button must not blur it first.
        button.addEventListener('mousedown', (event) => event.preventDefault());
        button.addEventListener('click', () => {
          if (canTag(view.state)) onTag(view, role);
        });
        return button;
      });
      const bar = h('div', { class: 'crux-tagbar', role: 'toolbar', 'aria-label': 'Tag the selected passage', hidden: true }, ...buttons);
      installToolbarKeys(bar);
      view.dom.after(bar);
      const place = () => {
        const show = canTag(view.state);
        if (!show) {
          // Leave it while focus is in it (the selection is unchanged; the user is choosing).
          if (!bar.contains(document.activeElement)) bar.hidden = true;
          return;
        }
        const host = bar.offsetParent ?? view.dom.parentElement;
        if (!host) return;
        const { from, to } = view.state.selection;
        const start = view.coordsAtPos(from);
        const end = view.coordsAtPos(to);
        const box = host.getBoundingClientRect();
        bar.hidden = false;
        const top = Math.min(start.top, end.top) - box.top + (host as HTMLElement).scrollTop - bar.offsetHeight - 6;
        const left = Math.max(0, Math.min((start.left + end.left) / 2 - box.left - bar.offsetWidth / 2, box.width - bar.offsetWidth));
        bar.style.top = `${Math.max(0, top)}px`;
        bar.style.left = `${left}px`;
      };
      return {
        update: (_view, previous) => {
          if (!previous.selection.eq(view.state.selection) || previous.doc !== view.state.doc) place();
        },
        destroy: () => bar.remove(),
      };
    },
  });
}
