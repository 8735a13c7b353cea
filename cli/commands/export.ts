// `crux export PROJECT.crux --format F [-o OUT]`: a project in an interchange format.
import { writeFile } from 'node:fs/promises';
import { EXPORT_FORMATS, exportProject, isExportFormat } from '../../shared/export';
import { snapshotProject } from '../../shared/export/project-snapshot';
import { CruxFile } from '../../server/project-file';
import { parseVerbArgs, positionals, UsageError } from '../args';
import type { Command } from './index';

const USAGE = `Usage: crux export PROJECT.crux --format ${EXPORT_FORMATS.join('|')} [-o OUT]\n(without -o, or with -o -, writes to stdout)\n`;

/** Writes a project as W3C annotations, AIF, Argdown, GraphML, CSV or a seminar report. */
export const exportCommand: Command = {
  async run(args, io) {
    const parsed = parseVerbArgs(args, { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' } }, USAGE);
    if (parsed.values.help) {
      io.out(USAGE);
      return 0;
    }
    const [project] = positionals(parsed.positionals, ['PROJECT.crux'], USAGE);
    const { format, out } = parsed.values;
    if (format === undefined) throw new UsageError('missing --format', USAGE);
    if (!isExportFormat(format)) {
      throw new UsageError(`unknown format '${format}'; formats: ${EXPORT_FORMATS.join(', ')}`, USAGE);
    }
    const file = CruxFile.open(project!);
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
