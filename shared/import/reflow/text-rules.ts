// Small predicates on lines of extracted text: where sentences end, what looks like a
// footnote number, which words end a line that cannot end a heading.

/** Closing quotes and brackets that may follow a sentence's final stop. */
const CLOSERS = `"'’”)\\]»`;

/** A footnote number glued to the end of a line ("decade.12", "solidarity’,1"). */
const TRAILING_NOTE = new RegExp(`(?<=[\\p{L}.,;:!?${CLOSERS}])\\d{1,3}$`, 'u');

/** Removes a trailing footnote number, if the line ends with one. */
export function stripTrailingNote(line: string): string {
  return line.replace(TRAILING_NOTE, '');
}

/** Whether a line ends a sentence: a stop (. ? !), maybe closing quotes, maybe a footnote number. */
export function endsSentence(line: string): boolean {
  const s = stripTrailingNote(line.trimEnd());
  return new RegExp(`[.?!…][${CLOSERS}]*$`, 'u').test(s) && !/\b(?:e\.g|i\.e|cf|vs|etc|Mr|Mrs|Dr|St|No|pp?)\.$/.test(s);
}

/** Whether a line ends with a colon: the lead-in of a quotation or list. */
export function endsWithColon(line: string): boolean {
  return /:$/.test(stripTrailingNote(line.trimEnd()));
}

/** Whether a line opens with a capital letter, a digit or an opening quote followed by one. */
export function startsLikeSentence(line: string): boolean {
  return /^[‘“"'(]?[\p{Lu}\d]/u.test(line);
}

/** Whether a line opens with a lower-case letter (it continues a sentence). */
export function startsLowerCase(line: string): boolean {
  return /^\p{Ll}/u.test(line);
}

/** Words a heading never ends with, but a line broken mid-sentence often does. */
const NON_FINAL = new Set(
  'a an the and or nor but of to in on at by for from with into onto upon as that which who whom whose than then so if its his her their our my your is was were are be been being has have had not no this these those such'.split(
    ' ',
  ),
);

/** Whether a line ends with a word a heading would not end with ("and", "the", "of"…). */
export function endsWithFunctionWord(line: string): boolean {
  const last = /([\p{L}]+)\W*$/u.exec(line)?.[1]?.toLowerCase();
  return last !== undefined && NON_FINAL.has(last);
}

/** Number of words in a line. */
export function wordCount(line: string): number {
  return line.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length;
}
