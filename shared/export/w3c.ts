// W3C Web Annotation JSON-LD: a project as one AnnotationCollection whose first (and only)
// page holds every annotation. Passages are `tagging` annotations (role and free tags as
// TextualBody tags, the note as a `commenting` body) on TextQuote + TextPosition
// selectors; comments are `commenting` annotations on what they discuss and replies
// `replying` annotations on the comment they answer; links are `linking` annotations
// whose body is the hub, claim or passage they bear on, with the relation, strength and
// note as `crux:` extension properties declared in a second context.
import type { Comment } from '../model';
import { describeNode, personName, type LinkSnapshot, type PassageSnapshot, type ProjectSnapshot } from './project-snapshot';

/** The Web Annotation context IRI. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Namespace of Crux's extension terms and the scheme of its identifiers. */
export const CRUX_VOCAB = 'urn:x-crux:vocab#';

/**
 * The extension context, declared inline so a consumer needs no second document: the
 * `crux:` prefix, so `crux:relation` expands to `urn:x-crux:vocab#relation`.
 */
export const CRUX_CONTEXT = Object.freeze({ crux: CRUX_VOCAB });

/** The IRI of a Crux record (annotation, hub, claim, comment, link or person). */
export function cruxIri(kind: 'annotation' | 'hub' | 'claim' | 'comment' | 'link' | 'person', id: string): string {
  return `urn:x-crux:${kind}:${encodeURIComponent(id)}`;
}

/** The record id inside a Crux IRI of `kind`, or null if `iri` is not one. */
export function idFromCruxIri(kind: string, iri: string): string | null {
  const prefix = `urn:x-crux:${kind}:`;
  if (!iri.startsWith(prefix)) return null;
  try {
    return decodeURIComponent(iri.slice(prefix.length));
  } catch {
    return null;
  }
}

/** Options of `toW3c`. */
export interface W3cOptions {
  /** IRI of the reading the selectors point into (default: a urn naming the title). */
  readonly source?: string;
  /** IRI of the collection itself. */
  readonly id?: string;
}

type Json = Record<string, unknown>;

/** The project as a W3C Web Annotation collection (a JSON-LD value; JSON.stringify it). */
export function toW3c(snapshot: ProjectSnapshot, options: W3cOptions = {}): Json {
  const source = options.source ?? `urn:x-crux:reading:${encodeURIComponent(snapshot.title)}`;
  const items: Json[] = [
    ...snapshot.passages.map((p) => passage(snapshot, p, source)),
    ...snapshot.threads.flatMap((t) => t.comments.map((c, i) => comment(snapshot, c, i === 0 ? t.resolved : null))),
    ...snapshot.links.map((l) => link(snapshot, l)),
  ];
  const collection = options.id ?? 'urn:x-crux:collection';
  return {
    '@context': [ANNO_CONTEXT, CRUX_CONTEXT],
    id: collection,
    type: 'AnnotationCollection',
    label: snapshot.title,
    total: items.length,
    first: { id: `${collection}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

function creator(snapshot: ProjectSnapshot, person: string): Json {
  return { id: cruxIri('person', person), type: 'Person', name: personName(snapshot, person) };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function passage(snapshot: ProjectSnapshot, p: PassageSnapshot, source: string): Json {
  const body: Json[] = [
    { type: 'TextualBody', purpose: 'tagging', value: p.role, 'crux:role': true },
    ...p.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag })),
  ];
  if (p.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: p.note, format: 'text/plain' });
  return {
    id: cruxIri('annotation', p.id),
    type: 'Annotation',
    motivation: 'tagging',
    creator: creator(snapshot, p.author),
    created: iso(p.created),
    ...(p.edited !== null ? { modified: iso(p.edited) } : {}),
    body,
    target: {
      source,
      selector: [
        { type: 'TextQuoteSelector', exact: p.quote.exact, prefix: p.quote.prefix, suffix: p.quote.suffix },
        { type: 'TextPositionSelector', start: p.position.start, end: p.position.end },
      ],
    },
    ...(p.orphaned ? { 'crux:orphaned': true } : {}),
  };
}

function nodeIri(snapshot: ProjectSnapshot, id: string): string {
  const node = describeNode(snapshot, id);
  return cruxIri(node?.kind === 'passage' || !node ? 'annotation' : node.kind, id);
}

function comment(snapshot: ProjectSnapshot, c: Comment, resolved: { by: string; at: number } | null): Json {
  const reply = c.parent !== null;
  return {
    id: cruxIri('comment', c.id),
    type: 'Annotation',
    motivation: reply ? 'replying' : 'commenting',
    creator: creator(snapshot, c.author),
    created: iso(c.created),
    ...(c.edited !== null ? { modified: iso(c.edited) } : {}),
    ...(c.deleted ? { 'crux:deleted': true } : { body: { type: 'TextualBody', value: c.text, format: 'text/plain', purpose: reply ? 'replying' : 'commenting' } }),
    target: reply ? cruxIri('comment', c.parent!) : nodeIri(snapshot, c.target),
    ...(resolved ? { 'crux:resolved': iso(resolved.at) } : {}),
  };
}

function link(snapshot: ProjectSnapshot, l: LinkSnapshot): Json {
  const to = describeNode(snapshot, l.target);
  return {
    id: cruxIri('link', l.id),
    type: 'Annotation',
    motivation: 'linking',
    creator: creator(snapshot, l.author),
    created: iso(l.created),
    body: { id: nodeIri(snapshot, l.target), ...(to ? { 'crux:kind': to.kind, 'crux:label': to.label } : {}) },
    target: nodeIri(snapshot, l.source),
    'crux:relation': l.relation,
    ...(l.strength !== undefined ? { 'crux:strength': l.strength } : {}),
    ...(l.note !== undefined ? { 'crux:note': l.note } : {}),
  };
}
