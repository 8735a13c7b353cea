// The title and byline of a text whose front matter has no blank lines to set it apart
// (pdftotext output): the few lines above the first heading. The title runs on while a
// line ends with a word a title does not end with or the next line continues it in lower
// case; the lines after it are the byline.
import { endsSentence, endsWithFunctionWord, startsLikeSentence, startsLowerCase, wordCount } from './text-rules';

/** Most lines front matter has. */
export const MAX_FRONT_LINES = 6;

/** The title lines and byline lines of the front matter, or null if it does not read as one. */
export function splitFront(texts: string[]): { title: string[]; byline: string[] } | null {
  if (!texts.length || texts.length > MAX_FRONT_LINES) return null;
  if (texts.some((t) => endsSentence(t) || t.length > 100 || !startsLikeSentence(t))) return null;
  let end = 1;
  while (end < texts.length && (endsWithFunctionWord(texts[end - 1]!) || /:$/.test(texts[end - 1]!) || startsLowerCase(texts[end]!))) end++;
  const title = texts.slice(0, end);
  const byline = texts.slice(end);
  if (title.length > 3 || endsWithFunctionWord(title.at(-1)!) || byline.length > 4) return null;
  if (byline.some((t) => t.length > 80 || wordCount(t) > 10)) return null;
  return { title, byline };
}
