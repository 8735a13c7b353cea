// Imports W3C Web Annotation JSON (Crux's own export, or another tool's such as
// Hypothesis') into a project: checks its shape, re-anchors each annotation against the
// project's reading, adds the ones that land clearly, and lists the uncertain and
// orphaned ones for the user to triage. Nothing is dropped without being reported.
import type * as Y from 'yjs';
import { z } from 'zod';
import { articleText, createAnchor, reanchor, type Candidate, type Selectors } from '../anchoring';
import { addAnnotation, addComment, addLink, getPerson, InputError, nodeExists, PERSON_COLOURS, listPeople, setPerson, ROLES } from '../model';
import type { ChangeOrigin, Relation, Role } from '../model';
import { idFromCruxIri } from '../export/w3c';
import { ImportError } from './types';

/** Largest W3C JSON accepted, in bytes (UTF-16 code units of the text). */
export const MAX_W3C_BYTES = 20 * 1024 * 1024;
/** Most annotations accepted in one file. */
export const MAX_W3C_ANNOTATIONS = 20_000;

/** One imported annotation as the user sees it in the triage list. */
export interface W3cImportItem {
  /** Its id in the file, if it had one. */
  readonly sourceId: string | null;
  readonly role: Role;
  /** The quoted words. */
  readonly quote: string;
}

/** What `importW3c` did. */
export interface W3cImportResult {
  /** Added to the project: their new annotation id and where they landed. */
  readonly anchored: readonly (W3cImportItem & { readonly id: string; readonly start: number; readonly end: number })[];
  /** Not added: plausible places, best first, for the user to choose from. */
  readonly uncertain: readonly (W3cImportItem & { readonly candidates: readonly Candidate[] })[];
  /** Not added: their words are not in this reading. */
  readonly orphaned: readonly W3cImportItem[];
  /** Annotations the project refused (e.g. a note over the length limit), with why. */
  readonly refused: readonly (W3cImportItem & { readonly reason: string })[];
  /** Links and comments re-created between imported annotations and existing hubs. */
  readonly links: number;
  readonly comments: number;
}

/** Who imports: the author of annotations whose creator the file doesn't name. */
export interface W3cImportOptions {
  readonly author: string;
  readonly origin: ChangeOrigin;
}

const str = z.string();
const body = z.looseObject({ type: z.unknown().optional(), purpose: str.optional(), value: z.unknown().optional(), id: z.unknown().optional() });
const quoteSelector = z.looseObject({ type: z.literal('TextQuoteSelector'), exact: str.min(1, 'a TextQuoteSelector has an empty "exact"'), prefix: str.optional(), suffix: str.optional() });
const positionSelector = z.looseObject({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
const specificTarget = z.looseObject({ source: z.unknown().optional(), selector: z.unknown().optional() });
const annotation = z.looseObject({
  id: str.optional(),
  type: z.union([str, z.array(str)]).refine((t) => (Array.isArray(t) ? t : [t]).includes('Annotation'), 'its "type" is not "Annotation"'),
  motivation: z.union([str, z.array(str)]).optional(),
  creator: z.union([str, z.looseObject({ id: str.optional(), name: str.optional(), nickname: str.optional() })]).optional(),
  body: z.union([body, z.array(z.union([body, str])), str]).optional(),
  target: z.union([str, specificTarget, z.array(z.union([str, specificTarget]))], 'it has no "target"'),
  'crux:relation': z.enum(['supports', 'challenges']).optional(),
});
type W3cAnnotation = z.infer<typeof annotation>;

/** Reads the annotations out of W3C JSON text; throws an ImportError saying what is wrong. */
export function parseW3c(json: string): W3cAnnotation[] {
  if (json.length > MAX_W3C_BYTES) throw new ImportError('too-large', `The annotation file is ${(json.length / 1048576).toFixed(1)} MB; Crux reads annotation files up to ${MAX_W3C_BYTES / 1048576} MB.`);
  if (json.trim() === '') throw new ImportError('empty', 'The annotation file is empty.');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new ImportError('malformed', `The annotation file is not valid JSON (${(error as Error).message}).`);
  }
  const list = annotationList(value);
  if (list.length > MAX_W3C_ANNOTATIONS) throw new ImportError('too-large', `The file holds ${list.length} annotations; Crux imports up to ${MAX_W3C_ANNOTATIONS} at a time.`);
  return list.map((item, i) => {
    const parsed = annotation.safeParse(item);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? ` (at ${issue.path.join('.')})` : '';
    throw new ImportError('malformed', `Annotation ${i + 1} is not a W3C Web Annotation: ${issue.message}${where}.`);
  });
}

// A collection with embedded pages, one page, a list, or a single annotation.
function annotationList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'object' || value === null) throw new ImportError('malformed', 'The annotation file holds no annotations: expected an AnnotationCollection, an AnnotationPage, a list or one Annotation.');
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.items)) return v.items;
  if (v.first && typeof v.first === 'object') {
    const out: unknown[] = [];
    const seen = new Set<unknown>();
    for (let page = v.first as Record<string, unknown> | undefined; page && typeof page === 'object' && !seen.has(page); page = page.next as Record<string, unknown> | undefined) {
      seen.add(page);
      if (!Array.isArray(page.items)) throw new ImportError('malformed', 'An AnnotationPage in the file has no "items" list (pages must be embedded, not linked).');
      out.push(...(page.items as unknown[]));
    }
    return out;
  }
  if (v.type === 'Annotation' || (Array.isArray(v.type) && v.type.includes('Annotation'))) return [v];
  throw new ImportError('malformed', 'The annotation file holds no annotations: expected an AnnotationCollection, an AnnotationPage, a list or one Annotation.');
}

const asList = <T>(x: T | readonly T[] | undefined): readonly T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x as T]);

type Target = string | { source?: unknown; selector?: unknown };
const targetsOf = (a: W3cAnnotation): readonly Target[] => (Array.isArray(a.target) ? a.target : [a.target as Target]);

function selectorsOf(a: W3cAnnotation): Selectors | null {
  for (const target of targetsOf(a)) {
    if (typeof target === 'string') continue;
    const selectors = asList(target.selector);
    const quote = selectors.map((s) => quoteSelector.safeParse(s)).find((r) => r.success)?.data;
    if (!quote) continue;
    const position = selectors.map((s) => positionSelector.safeParse(s)).find((r) => r.success && r.data.start < r.data.end)?.data;
    return {
      quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
      ...(position ? { position: { type: 'TextPositionSelector', start: position.start, end: position.end } } : {}),
    };
  }
  return null;
}

function bodies(a: W3cAnnotation): { purpose?: string; value?: unknown; id?: unknown; role?: boolean }[] {
  return asList(a.body as unknown).map((b) => (typeof b === 'string' ? { id: b } : { ...(b as object), role: (b as Record<string, unknown>)['crux:role'] === true }));
}

const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

function roleOf(a: W3cAnnotation): { role: Role; tags: string[]; note: string } {
  const tagging = bodies(a).filter((b) => b.purpose === 'tagging' && typeof b.value === 'string');
  const marked = tagging.find((b) => b.role && isRole(b.value)) ?? tagging.find((b) => isRole(b.value));
  const tags = tagging.filter((b) => b !== marked).map((b) => (b.value as string).trim()).filter(Boolean);
  const notes = bodies(a).filter((b) => (b.purpose === 'commenting' || b.purpose === undefined) && typeof b.value === 'string');
  // Hypothesis puts tags in a top-level list and the note in `text`.
  const extra = a as Record<string, unknown>;
  if (Array.isArray(extra.tags)) tags.push(...extra.tags.filter((t): t is string => typeof t === 'string'));
  const note = notes.map((b) => b.value as string).join('\n\n') || (typeof extra.text === 'string' ? extra.text : '');
  return { role: (marked?.value as Role | undefined) ?? 'evidence', tags: [...new Set(tags)], note };
}

function targetIri(a: W3cAnnotation): string | null {
  const first = targetsOf(a)[0];
  if (typeof first === 'string') return first;
  return typeof first?.source === 'string' ? first.source : null;
}

const ID = /^[A-Za-z0-9_.:-]{1,128}$/;

function authorOf(doc: Y.Doc, a: W3cAnnotation, fallback: string, origin: ChangeOrigin): string {
  const c = a.creator;
  if (c === undefined) return fallback;
  const iri = typeof c === 'string' ? c : (c.id ?? null);
  const name = typeof c === 'string' ? null : (c.name ?? c.nickname ?? null);
  let key = iri !== null ? (idFromCruxIri('person', iri) ?? iri) : name;
  if (key === null) return fallback;
  if (!ID.test(key)) key = key.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 128);
  if (!getPerson(doc, key)) {
    const label = (name ?? key).replace(/\s+/g, ' ').trim().slice(0, 80) || key;
    setPerson(doc, { id: key, name: label, colour: PERSON_COLOURS[listPeople(doc).length % PERSON_COLOURS.length]! }, origin);
  }
  return key;
}

/**
 * Imports W3C annotations from `json` into `doc`. Throws an ImportError (changing
 * nothing) if the file is not W3C annotation JSON; otherwise adds every annotation that
 * re-anchors clearly, re-creates the links and comments among them, and reports the rest.
 */
export function importW3c(doc: Y.Doc, json: string, options: W3cImportOptions): W3cImportResult {
  const list = parseW3c(json);
  const text = articleText(doc).text;
  const anchored: (W3cImportItem & { id: string; start: number; end: number })[] = [];
  const uncertain: (W3cImportItem & { candidates: readonly Candidate[] })[] = [];
  const orphaned: W3cImportItem[] = [];
  const refused: (W3cImportItem & { reason: string })[] = [];
  const newIds = new Map<string, string>();
  let links = 0;
  let comments = 0;
  doc.transact(() => {
    for (const a of list) {
      const selectors = selectorsOf(a);
      if (!selectors) continue; // a comment, reply or link: handled below
      const { role, tags, note } = roleOf(a);
      const item = { sourceId: a.id ?? null, role, quote: selectors.quote.exact };
      const where = reanchor(text, selectors);
      if (where.status === 'uncertain') uncertain.push({ ...item, candidates: where.candidates });
      else if (where.status === 'orphaned') orphaned.push(item);
      else {
        try {
          const author = authorOf(doc, a, options.author, options.origin);
          const anchor = createAnchor(doc, { start: where.start, end: where.end });
          const id = addAnnotation(doc, { role, anchor, author, ...(note ? { note } : {}), ...(tags.length ? { tags } : {}) }, options.origin);
          if (a.id) newIds.set(a.id, id);
          anchored.push({ ...item, id, start: anchor.position.start, end: anchor.position.end });
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          refused.push({ ...item, reason: error.message });
        }
      }
    }
    const node = (iri: string | null): string | null => {
      if (iri === null) return null;
      const id = newIds.get(iri) ?? idFromCruxIri('hub', iri) ?? idFromCruxIri('claim', iri);
      return id !== null && id !== undefined && nodeExists(doc, id) ? id : null;
    };
    const motivations = (a: W3cAnnotation) => asList(a.motivation);
    for (const a of list) {
      if (!motivations(a).includes('linking')) continue;
      const source = node(targetIri(a));
      const target = node(bodies(a).map((b) => (typeof b.id === 'string' ? b.id : null)).find((x) => x !== null) ?? null);
      const relation: Relation = a['crux:relation'] ?? 'supports';
      if (!source || !target || source === target || !newIds.has(targetIri(a) ?? '')) continue;
      addLink(doc, { source, target, relation, author: authorOf(doc, a, options.author, options.origin) }, options.origin);
      links++;
    }
    // Comments in file order, so a reply comes after the comment it answers.
    const commentIds = new Map<string, string>();
    const commentTargets = new Map<string, string>();
    for (const a of list) {
      const m = motivations(a);
      const textBody = bodies(a).find((b) => typeof b.value === 'string' && (b.value as string).trim() !== '');
      if (!textBody || selectorsOf(a) || !(m.includes('commenting') || m.includes('replying'))) continue;
      const on = targetIri(a);
      const parent = on !== null ? commentIds.get(on) : undefined;
      const target = parent ? null : node(on);
      if (!parent && !target) continue;
      try {
        const about = target ?? commentTargets.get(parent!)!;
        const id = addComment(doc, { target: about, ...(parent ? { parent } : {}), author: authorOf(doc, a, options.author, options.origin), text: textBody.value as string }, options.origin);
        commentTargets.set(id, about);
        if (a.id) commentIds.set(a.id, id);
        comments++;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
      }
    }
  }, options.origin);
  return { anchored, uncertain, orphaned, refused, links, comments };
}
