// `crux convert FILE --to markdown`: the cleaned document, written in another format.
import { toMarkdown } from '../../shared/export/markdown';
import { parseVerbArgs, positionals, UsageError } from '../args';
import { readDocument } from '../read-document';
import type { Command } from './index';

const FORMATS = ['markdown'] as const;
const USAGE = 'Usage: crux convert FILE [--to markdown]\n';

/** Imports a file and prints it as Markdown (headings, paragraphs, footnote markers). */
export const convert: Command = {
  async run(args, io) {
    const parsed = parseVerbArgs(args, { to: { type: 'string' } }, USAGE);
    if (parsed.values.help) {
      io.out(USAGE);
      return 0;
    }
    const [file] = positionals(parsed.positionals, ['FILE'], USAGE);
    const format = parsed.values.to ?? 'markdown';
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`cannot write '${format}'; formats: ${FORMATS.join(', ')}`, USAGE);
    }
    const { doc } = await readDocument(file!);
    io.out(toMarkdown(doc));
    return 0;
  },
};
