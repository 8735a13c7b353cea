// `crux import ARTICLE -o PROJECT.crux`: a new project from an article file.
// `crux import ANNOTATIONS.json --into PROJECT.crux`: W3C annotations added to a project,
// re-anchored against its reading; prints what landed and what needs the user's eye.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { importW3c, MAX_W3C_BYTES, type W3cImportResult } from '../../shared/import/w3c';
import type { ImportFormat } from '../../shared/import';
import { ARTICLE, createLocalOrigin, ensureDefaultHubs, getPerson, META, setPerson, SYSTEM_ORIGIN } from '../../shared/model';
import { CruxFile } from '../../server/project-file';
import { readDocument } from '../read-document';
import { parseVerbArgs, positionals, UsageError } from '../args';
import type { Command } from './index';

const USAGE = 'Usage: crux import ARTICLE -o PROJECT.crux\n       crux import ANNOTATIONS.json --into PROJECT.crux\n';

const MEDIA_TYPES: Record<ImportFormat, string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Person id of annotations imported without a creator. */
const IMPORTER = 'cli-import';

/** Creates a project from an article, or adds W3C annotations to a project. */
export const importCommand: Command = {
  async run(args, io) {
    const parsed = parseVerbArgs(args, { out: { type: 'string', short: 'o' }, into: { type: 'string' } }, USAGE);
    if (parsed.values.help) {
      io.out(USAGE);
      return 0;
    }
    const [input] = positionals(parsed.positionals, ['the file to import'], USAGE);
    const { out, into } = parsed.values;
    if ((out === undefined) === (into === undefined)) {
      throw new UsageError('give either -o PROJECT.crux (a new project) or --into PROJECT.crux (add annotations)', USAGE);
    }
    if (into !== undefined) {
      const result = await importAnnotations(input!, into);
      io.out(summary(result));
      return 0;
    }
    await createProject(input!, out!);
    io.out(`Created ${out} from ${basename(input!)}.\n`);
    return 0;
  },
};

async function createProject(article: string, project: string): Promise<void> {
  if (!project.endsWith('.crux')) throw new Error(`the project file must end in .crux (got ${basename(project)})`);
  if (existsSync(project)) throw new Error(`${project} already exists; choose another name or remove it first`);
  const { doc: reading, format } = await readDocument(article);
  const bytes = new Uint8Array(await readFile(article));
  const doc = new Y.Doc();
  prosemirrorToYXmlFragment(reading, doc.getXmlFragment(ARTICLE));
  ensureDefaultHubs(doc);
  const name = basename(article);
  doc.transact(() => {
    const meta = doc.getMap(META);
    meta.set('sourceName', name);
    meta.set('sourceFormat', format);
    meta.set('importedAt', Date.now());
  }, SYSTEM_ORIGIN);
  const title = (reading.firstChild?.type.name === 'title' ? reading.firstChild.textContent : '').trim().slice(0, 200) || name;
  const file = CruxFile.open(project, { create: true, details: { title, sourceName: name, sourceFormat: format } });
  try {
    file.appendUpdate(Y.encodeStateAsUpdate(doc), 'crux import');
    file.setOriginal(bytes, name, MEDIA_TYPES[format]);
  } finally {
    file.close();
  }
}

async function importAnnotations(annotations: string, project: string): Promise<W3cImportResult> {
  let json: string;
  try {
    json = await readFile(annotations, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`no such file: ${annotations}`, { cause: error });
    throw error;
  }
  if (json.length > MAX_W3C_BYTES) throw new Error(`${basename(annotations)} is larger than the ${MAX_W3C_BYTES / 1048576} MB Crux reads`);
  const file = CruxFile.open(project);
  try {
    const doc = file.loadDoc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    if (!getPerson(doc, IMPORTER)) setPerson(doc, { id: IMPORTER, name: 'Imported', colour: '#666666' }, SYSTEM_ORIGIN);
    const result = importW3c(doc, json, { author: IMPORTER, origin: createLocalOrigin(IMPORTER) });
    if (result.anchored.length > 0) file.appendUpdate(Y.mergeUpdates(updates), 'crux import');
    return result;
  } finally {
    file.close();
  }
}

function summary(result: W3cImportResult): string {
  const lines = [
    `Anchored: ${result.anchored.length} annotation(s) added, with ${result.links} link(s) and ${result.comments} comment(s).`,
    `Uncertain: ${result.uncertain.length} (not added; several places fit).`,
    `Orphaned: ${result.orphaned.length} (not added; their words are not in this reading).`,
  ];
  const clip = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
  for (const u of result.uncertain) lines.push(`  uncertain ${u.role} ${clip(u.quote)}: ${u.candidates.length} candidate place(s)`);
  for (const o of result.orphaned) lines.push(`  orphaned ${o.role} ${clip(o.quote)}`);
  for (const r of result.refused) lines.push(`  refused ${r.role} ${clip(r.quote)}: ${r.reason}`);
  return lines.join('\n') + '\n';
}
