// `crux outline FILE`: the imported document's structure as JSON.
import { outlineOf } from '../../shared/document/outline';
import { parseVerbArgs, positionals } from '../args';
import { readDocument } from '../read-document';
import type { Command } from './index';

const USAGE = `Usage: crux outline FILE
  Prints title, headings (text, level), and counts of paragraphs, block quotes, footnote markers and words as JSON.
`;

/** Prints title, headings, paragraph, footnote and word counts of a file as JSON. */
export const outline: Command = {
  async run(args, io) {
    const parsed = parseVerbArgs(args, {}, USAGE);
    if (parsed.values.help) {
      io.out(USAGE);
      return 0;
    }
    const [file] = positionals(parsed.positionals, ['FILE'], USAGE);
    const { doc } = await readDocument(file!);
    io.out(JSON.stringify(outlineOf(doc), null, 2) + '\n');
    return 0;
  },
};
