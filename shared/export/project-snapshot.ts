// One plain, frozen reading of a project for the exporters: annotations with where they
// are now, hubs, free-standing claims, links (with a note and strength where present),
// comment threads and people. Exporters read this, never the Y.Doc, so each format is a
// pure function of one value and the model's later fields reach every format at once.
import type * as Y from 'yjs';
import { articleText, resolveAnnotations, type TextPositionSelector, type TextQuoteSelector } from '../anchoring';
import { CLAIMS, fallbackNames, listAnnotations, listHubs, listLinks, listPeople, listThreads, META, POSITIONS } from '../model';
import type { Annotation, Hub, Link, Person, Point, Thread } from '../model';

/** An annotation with the selectors of where it is now (or was, if orphaned). */
export interface PassageSnapshot extends Annotation {
  readonly quote: TextQuoteSelector;
  readonly position: TextPositionSelector;
  /** Whether its words are gone from the text (the selectors are the last known ones). */
  readonly orphaned: boolean;
}

/** A free-standing claim typed into the map (read defensively: its model may grow). */
export interface ClaimSnapshot {
  readonly id: string;
  readonly text: string;
  readonly author: string | null;
  readonly created: number | null;
}

/** A link as the exporters see it: the model's link, with its note and strength (1–3). */
export type LinkSnapshot = Link;

/** Everything the exporters need, read at one moment. */
export interface ProjectSnapshot {
  /** The project's title (the reading's source name if there is no better one). */
  readonly title: string;
  /** The document text every selector counts in. */
  readonly text: string;
  readonly passages: readonly PassageSnapshot[];
  readonly hubs: readonly Hub[];
  readonly claims: readonly ClaimSnapshot[];
  readonly links: readonly LinkSnapshot[];
  readonly threads: readonly Thread[];
  readonly people: readonly Person[];
  /** Map positions by node id. */
  readonly positions: ReadonlyMap<string, Point>;
}

/** Reads `doc` into a ProjectSnapshot; `title` overrides the title found in the document. */
export function snapshotProject(doc: Y.Doc, options: { title?: string } = {}): ProjectSnapshot {
  const text = articleText(doc);
  const annotations = listAnnotations(doc);
  const resolved = resolveAnnotations(doc, annotations);
  const passages = annotations.map((a): PassageSnapshot => {
    const where = resolved.get(a.id);
    if (where?.status !== 'anchored') return { ...a, quote: a.anchor.quote, position: a.anchor.position, orphaned: true };
    const range = { start: where.start, end: where.end };
    return { ...a, ...selectorsAt(text.text, range), orphaned: false };
  });
  const links: readonly LinkSnapshot[] = listLinks(doc);
  const positions = new Map<string, Point>();
  for (const [key, value] of doc.getMap<unknown>(POSITIONS)) {
    const p = value as Partial<Point> | null;
    if (p && typeof p.x === 'number' && typeof p.y === 'number') positions.set(key, { x: p.x, y: p.y });
  }
  const sourceName = doc.getMap<unknown>(META).get('sourceName');
  const title = options.title ?? firstLine(text.text) ?? (typeof sourceName === 'string' ? sourceName : 'Untitled reading');
  return Object.freeze({
    title,
    text: text.text,
    passages,
    hubs: listHubs(doc),
    claims: readClaims(doc),
    links,
    threads: listThreads(doc),
    people: listPeople(doc),
    positions,
  });
}

/** W3C selectors of `range` in `text`, with 32 characters of context each side. */
export function selectorsAt(text: string, range: { start: number; end: number }): { quote: TextQuoteSelector; position: TextPositionSelector } {
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(range.start, range.end),
      prefix: text.slice(Math.max(0, range.start - 32), range.start),
      suffix: text.slice(range.end, range.end + 32),
    },
    position: { type: 'TextPositionSelector', start: range.start, end: range.end },
  };
}

function firstLine(text: string): string | null {
  const line = text.split('\n', 1)[0]?.trim();
  return line ? line.slice(0, 200) : null;
}

// Claims belong to a model being written in parallel: take what looks like a claim's
// text and skip anything else, so an export never fails on a newer record.
function readClaims(doc: Y.Doc): ClaimSnapshot[] {
  const out: ClaimSnapshot[] = [];
  for (const [key, record] of doc.getMap<unknown>(CLAIMS)) {
    const get = (field: string): unknown => (record instanceof Object && 'get' in record ? (record as Y.Map<unknown>).get(field) : (record as Record<string, unknown> | null)?.[field]);
    const text = [get('text'), get('label'), get('title')].find((v): v is string => typeof v === 'string');
    if (text === undefined) continue;
    const author = get('author');
    const created = get('created');
    out.push({ id: key, text, author: typeof author === 'string' ? author : null, created: typeof created === 'number' ? created : null });
  }
  return out.sort((a, b) => (a.created ?? 0) - (b.created ?? 0) || (a.id < b.id ? -1 : 1));
}

/** What a node id names in `snapshot`: its kind and a short label. */
export function describeNode(snapshot: ProjectSnapshot, id: string): { kind: 'passage' | 'hub' | 'claim'; label: string } | null {
  const hub = snapshot.hubs.find((h) => h.id === id);
  if (hub) return { kind: 'hub', label: hub.label };
  const claim = snapshot.claims.find((c) => c.id === id);
  if (claim) return { kind: 'claim', label: claim.text };
  const passage = snapshot.passages.find((p) => p.id === id);
  if (passage) return { kind: 'passage', label: passage.quote.exact };
  return null;
}

const unnamed = new WeakMap<ProjectSnapshot, Map<string, string>>();

/**
 * A person's display name: their people entry's, or for an author who never wrote one
 * the "Reader N" every view gives them (`fallbackNames`), never their id.
 */
export function personName(snapshot: ProjectSnapshot, id: string | null): string {
  if (id === null) return '';
  const known = snapshot.people.find((p) => p.id === id);
  if (known) return known.name;
  let names = unnamed.get(snapshot);
  if (!names) {
    const authors = [
      ...snapshot.threads.flatMap((t) => t.comments.map((c) => c.author)),
      ...snapshot.passages.map((p) => p.author),
      ...snapshot.links.map((l) => l.author),
    ];
    names = fallbackNames(snapshot.people, authors);
    unnamed.set(snapshot, names);
  }
  return names.get(id) ?? fallbackNames(snapshot.people, [id]).get(id)!;
}
