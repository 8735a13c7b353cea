// The annotation panel's reads of the document: every annotation resolved in slices (a
// long reading never holds up a keystroke), or just a few of them folded into the entries
// already read.
import type * as Y from 'yjs';
import { articleText, resolveAnnotation, type Resolution, type YDocText } from '../../shared/anchoring';
import { getAnnotation, listAnnotations, listHubs, listPeople, listThreads, type Annotation, type Hub, type Person } from '../../shared/model';
import { buildEntries, sortedIndex, type PanelEntry } from './entries';
import { runSliced, type Phase, type SlicedRun } from './sliced-run';

/** Everything the panel shows, as read at one moment. */
export interface PanelRead {
  readonly entries: PanelEntry[];
  readonly people: readonly Person[];
  readonly hubs: readonly Hub[];
}

/**
 * Reads every annotation of `doc` in slices and calls `done` with the result; returns the
 * run, or null when it finished before returning (a short read).
 */
export function readAllSliced(doc: Y.Doc, done: (read: PanelRead) => void): SlicedRun | null {
  let annotations: readonly Annotation[] = [];
  let text: YDocText | null = null;
  const resolutions = new Map<string, Resolution>();
  let read: PanelRead | null = null;
  const one = (step: () => void): Phase => ({ count: () => 1, step });
  const run = runSliced(
    [
      one(() => {
        annotations = listAnnotations(doc);
        text = articleText(doc);
      }),
      {
        count: () => annotations.length,
        step: (i) => {
          const a = annotations[i]!;
          resolutions.set(a.id, resolveAnnotation(doc, a, text!));
        },
      },
      one(() => {
        const people = listPeople(doc);
        const entries = buildEntries(annotations, resolutions, text!.text, new Map(people.map((p) => [p.id, p])), listThreads(doc));
        read = { entries, people, hubs: listHubs(doc) };
      }),
      one(() => done(read!)),
    ],
    () => undefined,
  );
  return run.finished ? null : run;
}

/** `entries` with annotations `ids` read again from `doc` (dropped where deleted), in order. */
export function readSome(doc: Y.Doc, entries: readonly PanelEntry[], ids: ReadonlySet<string>): PanelEntry[] {
  const text = articleText(doc);
  const people = new Map(listPeople(doc).map((p) => [p.id, p]));
  const threads = listThreads(doc);
  const out = entries.filter((e) => !ids.has(e.id));
  for (const id of ids) {
    const a = getAnnotation(doc, id);
    if (!a) continue;
    const [entry] = buildEntries([a], new Map([[id, resolveAnnotation(doc, a, text)]]), text.text, people, threads);
    if (entry) out.splice(sortedIndex(out, entry), 0, entry);
  }
  return out;
}
