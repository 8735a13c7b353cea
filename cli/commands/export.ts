// `crux export PROJECT.crux --format F [-o OUT]`: a project in an interchange format.
import { writeFile } from 'node:fs/promises';
import { EXPORT_FORMATS, exportProject, isExportFormat } from '../../shared/export';
import { snapshotProject } from '../../shared/export/project-snapshot';
import { CruxFile } from '../../server/project-file';
import type { Command } from './index';

const USAGE = `Usage: crux export PROJECT.crux --format ${EXPORT_FORMATS.join('|')} [-o OUT]\n(without -o, or with -o -, writes to stdout)\n`;

/** Writes a project as W3C annotations, AIF, Argdown, GraphML, CSV or a seminar report. */
export const exportCommand: Command = {
  args: 'PROJECT.crux --format F [-o OUT]',
  summary: `export a project (${EXPORT_FORMATS.join(', ')})`,
  async run(args, io) {
    let project: string | undefined;
    let format: string | undefined;
    let out: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--help') {
        io.out(USAGE);
        return 0;
      }
      if (a === '--format' || a === '-f') format = args[++i];
      else if (a.startsWith('--format=')) format = a.slice(9);
      else if (a === '-o' || a === '--out') out = args[++i];
      else if (a.startsWith('-') && a !== '-') {
        io.err(`crux export: unknown option ${a}\n`);
        return 2;
      } else if (project === undefined) project = a;
      else {
        io.err(`crux export: one project at a time (got ${project} and ${a})\n`);
        return 2;
      }
    }
    if (!project || format === undefined) {
      io.err(USAGE);
      return 2;
    }
    if (!isExportFormat(format)) {
      io.err(`crux export: unknown format '${format}'; formats: ${EXPORT_FORMATS.join(', ')}\n`);
      return 2;
    }
    const file = CruxFile.open(project);
    let text: string;
    try {
      const doc = file.loadDoc();
      const title = file.meta.title;
      text = exportProject(snapshotProject(doc, title ? { title } : {}), format);
    } finally {
      file.close();
    }
    if (out === undefined || out === '-') io.out(text);
    else await writeFile(out, text);
    return 0;
  },
};
