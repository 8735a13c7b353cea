// Importing W3C annotation JSON into the open project: reads the chosen file's text,
// runs the shared importer as this user (one undoable step), keeps the orphans in the
// project's orphan list for triage, and attaches an uncertain annotation where the user
// accepts it. Bad files throw an ImportError that says what is wrong and leave the
// project as it was.
import type * as Y from 'yjs';
import { articleText, createAnchor, type Anchor, type Candidate, type RelativePositionJSON } from '../../shared/anchoring';
import { ImportError } from '../../shared/import/types';
import { importW3c, parseW3c, type W3cImportItem, type W3cImportResult } from '../../shared/import/w3c';
import type { OpenedFile } from '../../shared/ipc';
import { addAnnotation, InputError, type LocalOrigin } from '../../shared/model';
import { ARTICLE } from '../../shared/model/roots';
import { canEdit, type Role as AccessRole } from '../../shared/sync/roles';

/** The parts of a session an import writes with. */
export interface ImportingSession {
  readonly doc: Y.Doc;
  readonly origin: LocalOrigin;
  readonly personId: string;
  readonly role: AccessRole;
  readonly undo: { stopCapturing(): void };
}

/** An import done: what the importer did, and the file's text (to accept uncertain ones from). */
export interface AnnotationImport {
  readonly fileName: string;
  readonly json: string;
  readonly result: W3cImportResult;
  /** How many orphans were kept in the project's orphan list (none when nothing else landed). */
  readonly keptOrphans: number;
}

/** Characters of context kept either side of an accepted passage's quote. */
const CONTEXT = 32;

/** The text of an annotation file; throws an ImportError if it is not UTF-8 text. */
function fileText(file: OpenedFile): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file.bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ImportError('invalid-utf8', `"${file.name}" is not a text file, so it cannot be W3C annotation JSON.`);
  }
}

/**
 * Imports the annotations in `file` into `session`'s project as one undoable step.
 * Throws an ImportError (changing nothing) when the file is not W3C annotation JSON, is
 * too large, or the user may not tag passages.
 */
export function importAnnotationFile(session: ImportingSession, file: OpenedFile): AnnotationImport {
  if (!canEdit(session.role)) throw new ImportError('malformed', 'Your link lets you read and comment, not add annotations.');
  const json = fileText(file);
  let result: W3cImportResult | undefined;
  let keptOrphans = 0;
  session.undo.stopCapturing();
  // One transaction, so the import and the orphans it keeps undo together.
  session.doc.transact(() => {
    const done = importW3c(session.doc, json, { author: session.personId, origin: session.origin });
    result = done;
    // A file of which nothing lands is likely about another text: it changes nothing.
    if (!done.anchored.length && !done.uncertain.length) return;
    const quotes = quoteSelectors(json);
    for (const orphan of done.orphaned) {
      const quote = (orphan.sourceId !== null ? quotes.get(orphan.sourceId) : undefined) ?? { exact: orphan.quote, prefix: '', suffix: '' };
      try {
        addAnnotation(session.doc, { role: orphan.role, anchor: orphanAnchor(quote), author: session.personId }, session.origin);
        keptOrphans++;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
      }
    }
  }, session.origin);
  session.undo.stopCapturing();
  return { fileName: file.name, json, result: result!, keptOrphans };
}

/** The TextQuoteSelector of each annotation in the file that has an id. */
function quoteSelectors(json: string): Map<string, { exact: string; prefix: string; suffix: string }> {
  const out = new Map<string, { exact: string; prefix: string; suffix: string }>();
  for (const a of parseW3c(json)) {
    if (!a.id) continue;
    const targets: unknown[] = Array.isArray(a.target) ? a.target : [a.target];
    for (const target of targets) {
      const selectors: unknown = typeof target === 'object' && target !== null ? (target as { selector?: unknown }).selector : undefined;
      const quote = (Array.isArray(selectors) ? selectors : [selectors]).find(
        (s): s is { exact: string; prefix?: unknown; suffix?: unknown } => typeof s === 'object' && s !== null && (s as { type?: unknown }).type === 'TextQuoteSelector' && typeof (s as { exact?: unknown }).exact === 'string',
      );
      if (quote && !out.has(a.id)) out.set(a.id, { exact: quote.exact, prefix: typeof quote.prefix === 'string' ? quote.prefix : '', suffix: typeof quote.suffix === 'string' ? quote.suffix : '' });
    }
  }
  return out;
}

/**
 * An anchor for words not in this reading: its live positions all point at the end of
 * the article, an empty range, so it resolves as orphaned and the orphan list offers to
 * re-attach it (by its quote) or delete it. Its position selector names no real place
 * (the first characters), which re-attaching only uses if the words are exactly there.
 */
export function orphanAnchor(quote: { exact: string; prefix: string; suffix: string }): Anchor {
  const nowhere: RelativePositionJSON = { tname: ARTICLE, assoc: 0 };
  return {
    start: nowhere,
    end: nowhere,
    startBlock: nowhere,
    endBlock: nowhere,
    quote: { type: 'TextQuoteSelector', ...quote },
    position: { type: 'TextPositionSelector', start: 0, end: quote.exact.length },
  };
}

/** The one-line summary of an import, as the result notice says it. */
export function importSummary(result: W3cImportResult): string {
  const parts = [`${result.anchored.length} anchored`, `${result.uncertain.length} need a look`, `${result.orphaned.length} orphaned`];
  if (result.refused.length) parts.push(`${result.refused.length} refused`);
  return parts.join(', ');
}

/** Why an import added nothing, in a sentence for the user, or null if it added something or has questions. */
export function emptyImportReason(result: W3cImportResult): string | null {
  if (result.anchored.length || result.uncertain.length) return null;
  if (result.orphaned.length) return 'None of its passages are in this reading: the file may belong to another text. Nothing was changed.';
  if (result.refused.length) return 'Crux refused every passage in it. Nothing was changed.';
  return 'The file holds no annotations on passages of a text. Nothing was changed.';
}

/**
 * Adds an uncertain imported annotation at the candidate the user accepted, as one
 * undoable step; returns its id. The file's annotation is imported again with its
 * selectors pointing at that place, so it keeps its role, tags, note and author; one
 * without an id in the file gets its role and this user as author.
 */
export function acceptCandidate(session: ImportingSession, done: AnnotationImport, item: W3cImportItem, candidate: Candidate): string {
  const text = articleText(session.doc).text;
  const selector = [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(candidate.start, candidate.end),
      prefix: text.slice(Math.max(0, candidate.start - CONTEXT), candidate.start),
      suffix: text.slice(candidate.end, candidate.end + CONTEXT),
    },
    { type: 'TextPositionSelector', start: candidate.start, end: candidate.end },
  ];
  const original = item.sourceId === null ? undefined : parseW3c(done.json).find((a) => a.id === item.sourceId);
  session.undo.stopCapturing();
  try {
    if (original) {
      const again = importW3c(session.doc, JSON.stringify({ ...original, target: { selector } }), { author: session.personId, origin: session.origin });
      const added = again.anchored[0];
      if (!added) throw new ImportError('malformed', again.refused[0]?.reason ?? 'Crux could not attach the passage there.');
      return added.id;
    }
    const anchor = createAnchor(session.doc, { start: candidate.start, end: candidate.end });
    return addAnnotation(session.doc, { role: item.role, anchor, author: session.personId }, session.origin);
  } finally {
    session.undo.stopCapturing();
  }
}
