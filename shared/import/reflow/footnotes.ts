// Finds footnote reference numbers glued to words ("solidarity’,1", "decade.12"). A
// number counts only when it is the next in the article's sequence, which keeps years,
// model numbers and quantities ("1958.", "MiG-21") out.

/** A footnote marker found in a block's text. */
export interface NoteMark {
  /** Offset of the number in the text. */
  index: number;
  /** The number as written. */
  label: string;
}

/** A number glued to a letter or punctuation, not part of a longer number or a compound. */
const CANDIDATE = /(?<=[\p{L}.,;:!?’'”")\]])(\d{1,3})(?=[\s.,;:!?)\]’”]|$)/gu;

/** Tracks the footnote sequence across the blocks of one article. */
export class FootnoteSequence {
  private next = 1;

  /** Finds the markers in one block's text, in order, advancing the sequence. */
  find(text: string): NoteMark[] {
    const marks: NoteMark[] = [];
    for (const m of text.matchAll(CANDIDATE)) {
      const n = Number(m[1]);
      const before = text[m.index - 1] ?? '';
      // "MiG-21"; "1958.10" is a year then note 10, but "3.5" and "1.2" are a decimal or a version.
      const digitsBefore = before === '.' ? (/\d+$/.exec(text.slice(0, m.index - 1))?.[0].length ?? 0) : 0;
      if (/[-–]/.test(before) || (digitsBefore > 0 && (digitsBefore < 4 || n !== this.next))) continue;
      // Allow one missing number (a note the extraction lost), never a jump back.
      if (n === this.next || n === this.next + 1) {
        marks.push({ index: m.index, label: m[1]! });
        this.next = n + 1;
      }
    }
    return marks;
  }
}
