// Bench-only page: the Crux reader with its highlight plugin on the seed article and
// thousands of annotations, the annotation panel beside it (as in the app, both update
// on every change), and the measurements the highlight benchmark reads. Never part of
// the app build.
import { TextSelection } from 'prosemirror-state';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createAnchor, pmDocText } from '../../shared/anchoring';
import { importText } from '../../shared/import/text';
import { addAnnotation, addHub, createLocalOrigin, createUndoManager, getPerson, ROLES, setPerson, PERSON_COLOURS } from '../../shared/model';
import { ARTICLE } from '../../shared/model/roots';
import { createAnnotationPanel } from '../../renderer/annotations/annotation-panel';
import type { Session } from '../../renderer/session/session';
import { createUiStore } from '../../renderer/state/ui-store';
import { highlightPlugin } from '../../renderer/editor/highlights/highlight-plugin';
import { createReadingDoc } from '../../renderer/editor/load-reading';
import { mountReader, type Reader } from '../../renderer/editor/reader';
import '../../renderer/styles/theme.css';
import '../../renderer/styles/base.css';
import '../../renderer/styles/reader.css';
import '../../renderer/styles/annotations.css';
import { capabilitiesOf } from '../../renderer/session/capabilities';
import { benchRanges, nextPaint } from './ranges';

let reader: Reader | null = null;
/** A colleague's copy of the document, for remote keystrokes. */
let colleague: Y.Doc | null = null;
/** The bench's readers. */
let readers: { id: string; name: string; colour: string }[] = [];

/** A session of one reader on `ydoc`, with no sync server: what the panel reads and writes through. */
function localSession(ydoc: Reader['ydoc'], personId: string): Session {
  const origin = createLocalOrigin(personId);
  const undo = createUndoManager(ydoc, origin);
  const awareness = new Awareness(ydoc);
  return {
    projectId: 'bench',
    doc: ydoc,
    personId,
    origin,
    undo,
    role: 'owner',
    capabilities: () => capabilitiesOf('owner'),
    onRoleChange: () => () => undefined,
    onRefused: () => () => undefined,
    reopen: () => Promise.reject(new Error('the bench has no server copy')),
    awareness,
    status: () => ({ kind: 'offline', unsynced: 0 }),
    onStatus: () => () => undefined,
    synced: Promise.resolve(),
    reconnect: () => undefined,
    person: () => getPerson(ydoc, personId)!,
    hasReading: () => ydoc.getXmlFragment(ARTICLE).length > 0,
    async destroy() {
      undo.destroy();
      awareness.destroy();
    },
  };
}
const keySamples: number[] = [];
/** Keydown to the view updated (script only, before style, layout and paint). */
const jsSamples: number[] = [];
let keyAt = 0;

/** What the bench calls, through page.evaluate. */
const bench = {
  /** Loads `text` with `count` annotations; returns the ms from mounting to the painted highlights, and how many spans show. */
  async load(text: string, count: number): Promise<{ ms: number; spans: number; documentText: string }> {
    const { ydoc, prepared } = createReadingDoc(importText({ name: 'seed.txt', bytes: new TextEncoder().encode(text) }));
    const people = PERSON_COLOURS.slice(0, 4).map((colour, i) => ({ id: `p-${i}`, name: `Reader ${i + 1}`, colour }));
    readers = people;
    for (const p of people) setPerson(ydoc, p, createLocalOrigin(p.id));
    const documentText = pmDocText(prepared.doc).text;
    const ranges = benchRanges(documentText, count);
    ydoc.transact(() => {
      ranges.forEach((r, i) => {
        const author = people[i % people.length]!.id;
        addAnnotation(ydoc, { role: ROLES[i % 3]!, anchor: createAnchor(ydoc, r), author }, createLocalOrigin(author));
      });
    });
    const page = document.getElementById('page')!;
    await nextPaint();
    const t0 = performance.now();
    reader = mountReader(page, ydoc, { prepared, plugins: [highlightPlugin(ydoc)] });
    const panel = createAnnotationPanel(createUiStore());
    // As in the app, where the Outline tab shows first: the panel keeps its list in step while hidden.
    const side = document.getElementById('side')!;
    side.hidden = true;
    side.append(panel.element);
    panel.setSession(localSession(ydoc, people[0]!.id));
    const t1 = await nextPaint();
    reader.onUpdate(() => {
      if (!keyAt) return;
      const at = keyAt;
      keyAt = 0;
      jsSamples.push(performance.now() - at);
      void nextPaint().then((end) => keySamples.push(end - at));
    });
    reader.view.dom.addEventListener('keydown', (event) => (keyAt = event.timeStamp), true);
    return { ms: t1 - t0, spans: page.querySelectorAll('.crux-hl').length, documentText };
  },
  /** Shows or hides the annotation panel (its Annotations tab open or not). */
  async showPanel(shown: boolean): Promise<void> {
    document.getElementById('side')!.hidden = !shown;
    await nextPaint();
  },
  /** Puts the caret in the middle of the reading and focuses it. */
  focusMiddle(): void {
    const view = reader!.view;
    const pos = Math.floor(view.state.doc.content.size / 2);
    view.focus();
    view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(pos))));
  },
  /** Keystroke samples so far (ms from keydown to the painted frame), emptied. */
  takeKeySamples(): { total: number[]; script: number[] } {
    return { total: keySamples.splice(0), script: jsSamples.splice(0) };
  },
  /**
   * A colleague's keystroke: a character typed in a copy of the document in the middle of
   * the reading, arriving as a Yjs update as the sync provider applies it; returns ms
   * until it is painted.
   */
  async remoteKey(): Promise<number> {
    const ydoc = reader!.ydoc;
    colleague ??= (() => {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
      return copy;
    })();
    const fragment = colleague.getXmlFragment(ARTICLE);
    const block = fragment.get(Math.floor(fragment.length / 2));
    const text = block instanceof Y.XmlElement ? block.toArray().find((c): c is Y.XmlText => c instanceof Y.XmlText) : undefined;
    if (!text) throw new Error('bench: no text in the middle block');
    const before = Y.encodeStateVector(ydoc);
    text.insert(Math.min(5, text.length), 'y');
    const update = Y.encodeStateAsUpdate(colleague, before);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const t0 = performance.now();
    performance.mark('crux-bench-remote');
    Y.applyUpdate(ydoc, update, 'bench-provider');
    return (await nextPaint()) - t0;
  },
  /**
   * Adds a hub, which makes the panel re-read every annotation (the reader's highlights
   * do not change); returns the longest gap between two frames until the panel's hub
   * filter offers it (how long the page was blocked) and the ms until then.
   */
  async rereadAll(round: number): Promise<{ longestFrame: number; ms: number }> {
    const label = `Bench hub ${round}`;
    const offered = () => [...document.querySelectorAll('#side select[aria-label="Hub"] option')].some((o) => o.textContent === label);
    await nextPaint();
    const t0 = performance.now();
    let last = t0;
    let longest = 0;
    addHub(reader!.ydoc, { label, colour: '#335577' }, createLocalOrigin(readers[0]!.id));
    // Clock read in each frame (a frame's own timestamp is when it began, before the work in it).
    return new Promise((resolve) => {
      let shownAt = 0;
      const tick = () => {
        const at = performance.now();
        longest = Math.max(longest, at - last);
        last = at;
        if (shownAt) resolve({ longestFrame: longest, ms: shownAt - t0 });
        else {
          if (offered()) shownAt = at;
          requestAnimationFrame(tick);
        }
      };
      requestAnimationFrame(tick);
    });
  },
  /** Adds one annotation and returns ms until it is painted. */
  async createOne(i: number): Promise<number> {
    const view = reader!.view;
    const ydoc = reader!.ydoc;
    const text = pmDocText(view.state.doc).text;
    const r = benchRanges(text, i + 1)[i]!;
    // Choosing the range is the bench's work, not the app's: the create runs in a task of its own.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const t0 = performance.now();
    // The bench finds this call in its trace by the mark.
    performance.mark('crux-bench-create');
    addAnnotation(ydoc, { role: 'claim', anchor: createAnchor(ydoc, r), author: 'p-0' }, createLocalOrigin('p-0'));
    return (await nextPaint()) - t0;
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
