// The popover that follows a tag (and F2 in the panel): a note, free tags and the hubs
// the passage bears on, each with a relation — "link from the text". Enter saves,
// Escape closes; a refused input shows the model's message and changes nothing.
import { getAnnotation, InputError, listHubs, setLinks, updateAnnotation, type LinkSpec, type Relation } from '../../shared/model';
import type { Session } from '../session/session';
import { h } from '../shell/dom';
import { parseTags } from './tag-input';

/** An open popover. */
export interface TagPopover {
  readonly element: HTMLElement;
  close(): void;
}

let open: TagPopover | null = null;

/**
 * Opens the popover for annotation `id` near `near` (viewport coordinates). `done` runs
 * when it closes, saved or not (focus goes back to where the caller wants it).
 */
export function openTagPopover(session: Session, id: string, near: DOMRect, done: () => void = () => {}): TagPopover | null {
  open?.close();
  // Notes, tags and links of a passage are the editors' to change.
  if (!session.capabilities().tag) return null;
  const annotation = getAnnotation(session.doc, id);
  if (!annotation) return null;
  const hubs = listHubs(session.doc);
  const mine = new Map(annotation.links.filter((l) => l.author === session.personId).map((l) => [l.target, l.relation]));

  const note = h('textarea', { class: 'tag-popover-note', rows: 3, 'aria-label': 'Note', placeholder: 'Note (Shift+Enter for a new line)' });
  note.value = annotation.note;
  const tags = h('input', { type: 'text', class: 'tag-popover-tags', 'aria-label': 'Tags, separated by commas', placeholder: 'tags, comma separated' });
  tags.value = annotation.tags.join(', ');
  const relations = hubs.map((hub) => {
    const select = h(
      'select',
      { 'aria-label': `Bears on ${hub.label}` },
      h('option', { value: '' }, '—'),
      h('option', { value: 'supports' }, 'supports'),
      h('option', { value: 'challenges' }, 'challenges'),
    );
    select.value = mine.get(hub.id) ?? '';
    return { hub, select };
  });
  const error = h('p', { class: 'tag-popover-error', role: 'alert' });
  const save = h('button', { type: 'button', class: 'tag-popover-save' }, 'Save');
  const cancel = h('button', { type: 'button', class: 'tag-popover-cancel' }, 'Close');
  const element = h(
    'div',
    { class: 'tag-popover', role: 'dialog', 'aria-label': 'Note, tags and links' },
    note,
    tags,
    h(
      'fieldset',
      { class: 'tag-popover-hubs' },
      h('legend', {}, 'Bears on'),
      ...relations.map(({ hub, select }) => h('label', {}, h('span', { class: 'hub-swatch', style: `background:${hub.colour}` }), h('span', {}, hub.label), select)),
    ),
    error,
    h('div', { class: 'tag-popover-actions' }, save, cancel),
  );

  function close(): void {
    if (open !== popover) return;
    open = null;
    element.remove();
    document.removeEventListener('pointerdown', outside, true);
    done();
  }

  function commit(): void {
    const links: LinkSpec[] = relations.filter(({ select }) => select.value).map(({ hub, select }) => ({ target: hub.id, relation: select.value as Relation }));
    const current = getAnnotation(session.doc, id);
    if (!current) return close();
    try {
      const newTags = parseTags(tags.value);
      // Both writes validate first and throw before touching anything; one undo step.
      session.undo.stopCapturing();
      session.doc.transact(() => {
        if (note.value !== current.note || newTags.join('\n') !== current.tags.join('\n')) updateAnnotation(session.doc, id, { note: note.value, tags: newTags }, session.origin);
        setLinks(session.doc, { source: id, author: session.personId, links }, session.origin);
      }, session.origin);
      session.undo.stopCapturing();
      close();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      error.textContent = e.message;
    }
  }

  function outside(event: PointerEvent): void {
    if (!element.contains(event.target as Node)) close();
  }

  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Enter' && !event.shiftKey && !(event.target instanceof HTMLButtonElement) && !(event.target instanceof HTMLSelectElement)) {
      event.preventDefault();
      commit();
    }
  });
  save.addEventListener('click', commit);
  cancel.addEventListener('click', close);

  document.body.append(element);
  const width = element.offsetWidth;
  element.style.left = `${Math.max(8, Math.min(near.left, window.innerWidth - width - 8))}px`;
  const below = near.bottom + 8;
  element.style.top = `${below + element.offsetHeight < window.innerHeight ? below : Math.max(8, near.top - element.offsetHeight - 8)}px`;
  document.addEventListener('pointerdown', outside, true);
  note.focus();
  const popover: TagPopover = { element, close };
  open = popover;
  return popover;
}
