// `crux convert FILE --to markdown`: the cleaned document, written in another format.
import { toMarkdown } from '../../shared/export/markdown';
import { readDocument } from '../read-document';
import type { Command } from './index';

const FORMATS = ['markdown'] as const;

/** Imports a file and prints it as Markdown (headings, paragraphs, footnote markers). */
export const convert: Command = {
  args: 'FILE --to markdown',
  summary: 'import a file and print the cleaned text as Markdown',
  async run(args, io) {
    let file: string | undefined;
    let to: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--help') {
        io.out(`Usage: crux convert FILE --to markdown\n`);
        return 0;
      }
      if (a === '--to') to = args[++i];
      else if (a.startsWith('--to=')) to = a.slice(5);
      else if (a.startsWith('-')) {
        io.err(`crux convert: unknown option ${a}\n`);
        return 2;
      } else if (file === undefined) file = a;
      else {
        io.err(`crux convert: one file at a time (got ${file} and ${a})\n`);
        return 2;
      }
    }
    if (!file) {
      io.err('Usage: crux convert FILE --to markdown\n');
      return 2;
    }
    const format = to ?? 'markdown';
    if (!(FORMATS as readonly string[]).includes(format)) {
      io.err(`crux convert: cannot write '${format}'; formats: ${FORMATS.join(', ')}\n`);
      return 2;
    }
    const { doc } = await readDocument(file);
    io.out(toMarkdown(doc));
    return 0;
  },
};
