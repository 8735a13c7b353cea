// `crux outline FILE`: the imported document's structure as JSON.
import { outlineOf } from '../../shared/document/outline';
import { readDocument } from '../read-document';
import type { Command } from './index';

/** Prints title, headings, paragraph, footnote and word counts of a file as JSON. */
export const outline: Command = {
  args: 'FILE',
  summary: 'print the structure of an imported file as JSON',
  async run(args, io) {
    const [file, ...extra] = args;
    if (!file || file === '--help' || extra.length) {
      io.err('Usage: crux outline FILE\n  Prints title, headings (text, level), and counts of paragraphs, block quotes, footnote markers and words as JSON.\n');
      return file === '--help' ? 0 : 2;
    }
    const { doc } = await readDocument(file);
    io.out(JSON.stringify(outlineOf(doc), null, 2) + '\n');
    return 0;
  },
};
