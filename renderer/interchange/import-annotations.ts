// Importing W3C annotation JSON into the open project: reads the chosen file's text,
// runs the shared importer as this user (one undoable step), and attaches an uncertain
// annotation where the user accepts it. Bad files throw an ImportError that says what
// is wrong and leave the project as it was.
import type * as Y from 'yjs';
import { articleText, createAnchor, type Candidate } from '../../shared/anchoring';
import { ImportError } from '../../shared/import/types';
import { importW3c, parseW3c, type W3cImportItem, type W3cImportResult } from '../../shared/import/w3c';
import type { OpenedFile } from '../../shared/ipc';
import { addAnnotation, type LocalOrigin } from '../../shared/model';
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
  session.undo.stopCapturing();
  const result = importW3c(session.doc, json, { author: session.personId, origin: session.origin });
  session.undo.stopCapturing();
  return { fileName: file.name, json, result };
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
