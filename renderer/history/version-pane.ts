// A named version shown read-only beside the current reading: the document as it was,
// rebuilt from its Yjs snapshot into a detached Y.Doc, in a second reader that cannot be
// edited, with that time's annotations highlighted and a banner saying what it is.
import { Plugin } from 'prosemirror-state';
import type * as Y from 'yjs';
import { getPerson, listAnnotations, listLinks, openVersion, type Version } from '../../shared/model';
import { highlightPlugin } from '../editor/highlights/highlight-plugin';
import { mountReader, type Reader } from '../editor/reader';
import { h } from '../shell/dom';

/** The pane; at most one version is shown at a time. */
export interface VersionPane {
  /** Shows `version` of `doc` (replacing any version shown); throws an InputError if it cannot be rebuilt. */
  show(doc: Y.Doc, version: Version): void;
  /** Closes the version shown, if any. */
  close(): void;
  /** The id of the version shown, or null. */
  shown(): string | null;
}

/** Builds the pane into `readerArea` (the reader's `main`), hidden until a version is shown. */
export function createVersionPane(readerArea: HTMLElement, onClose: () => void = () => {}): VersionPane {
  const title = h('h2', { class: 'version-title', id: 'version-title' });
  const details = h('p', { class: 'version-details' });
  const closeButton = h('button', { type: 'button', class: 'version-close' }, 'Close version');
  const banner = h('div', { class: 'version-banner' }, h('div', {}, title, details), closeButton);
  const page = h('div', { class: 'page version-page' });
  const pane = h('section', { class: 'version-pane', 'aria-labelledby': 'version-title', hidden: true }, banner, h('div', { class: 'version-scroll' }, page));
  readerArea.append(pane);

  let reader: Reader | null = null;
  let old: Y.Doc | null = null;
  let shownId: string | null = null;

  function close(): void {
    if (!shownId) return;
    reader?.destroy();
    old?.destroy();
    reader = null;
    old = null;
    shownId = null;
    page.replaceChildren();
    pane.hidden = true;
    readerArea.classList.remove('has-version');
    onClose();
  }

  function show(doc: Y.Doc, version: Version): void {
    const next = openVersion(doc, version.id);
    close();
    old = next;
    shownId = version.id;
    const author = getPerson(doc, version.author)?.name ?? version.author;
    title.textContent = `Version “${version.name}” — read only`;
    const annotations = listAnnotations(next).length;
    const links = listLinks(next).length;
    details.textContent = `Named by ${author}, ${new Date(version.created).toLocaleString()} · ${count(annotations, 'annotation')}, ${count(links, 'link')}`;
    const readOnly = new Plugin({ props: { editable: () => false } });
    reader = mountReader(page, next, { plugins: [highlightPlugin(next), readOnly], label: `Reading as of version “${version.name}”` });
    pane.hidden = false;
    readerArea.classList.add('has-version');
    closeButton.focus();
  }

  closeButton.addEventListener('click', close);
  pane.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      close();
    }
  });

  return { show, close, shown: () => shownId };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
