// Composes the spacing accents PDF text extraction leaves beside their letters: TeX sets
// an accent as a glyph of its own, so "für" comes out as "f¨ur" and "Universität" as
// "Universit¨at". Each spacing accent becomes its combining mark on the letter it belongs
// to, then the pair is composed (NFC) — only where that makes one precomposed letter, so
// an acute used as an apostrophe ("don´t") is left alone.

/** Spacing accents that precede their letter in extracted text, and their combining marks. */
const BEFORE: Record<string, string> = {
  '\u00A8': '\u0308', // ¨ diaeresis
  '\u00B4': '\u0301', // ´ acute
  '\u0060': '\u0300', // ` grave
  '\u02C6': '\u0302', // ˆ circumflex
  '\u02DC': '\u0303', // ˜ tilde
  '\u02C7': '\u030C', // ˇ caron
  '\u02DA': '\u030A', // ˚ ring
  '\u02D8': '\u0306', // ˘ breve
  '\u02D9': '\u0307', // ˙ dot
  '\u00AF': '\u0304', // ¯ macron
  '\u02DD': '\u030B', // ˝ double acute
};

/** Spacing accents set below their letter, which come out after it: "Franc¸ais". */
const AFTER: Record<string, string> = {
  '\u00B8': '\u0327', // ¸ cedilla
  '\u02DB': '\u0328', // ˛ ogonek
};

const BEFORE_PATTERN = new RegExp(`([${Object.keys(BEFORE).join('')}])(\\p{L})`, 'gu');
/** A cedilla or ogonek with the letters on both sides: it belongs to one of them. */
const AFTER_PATTERN = new RegExp(`(\\p{L}?)([${Object.keys(AFTER).join('')}])(\\p{L}?)`, 'gu');
/** Letters a cedilla usually sits under (French, Portuguese, Turkish, Romanian). */
const CEDILLA_LETTERS = /^[cstCST]$/;
const ANY_ACCENT = new RegExp(`[${[...Object.keys(BEFORE), ...Object.keys(AFTER)].join('')}]`, 'u');

/** Composes spacing accents with their letters; text without them comes back unchanged. */
export function composeAccents(text: string): string {
  if (!ANY_ACCENT.test(text)) return text;
  return text
    .replace(BEFORE_PATTERN, (whole, accent: string, letter: string, offset: number) => {
      // A grave accent between spaces or after a space is a quotation mark (``TeX'') or code.
      if (accent === '`' && !/\p{L}/u.test(text[offset - 1] ?? '')) return whole;
      // An acute also stands for an apostrophe ("it´s", "we´ll", "you´re"): on consonants
      // other than c, n and z it is taken for one.
      if (accent === '\u00B4' && !/^[aeiouycnzáéíóú]$/iu.test(letter)) return whole;
      return composed(letter, BEFORE[accent]!) ?? whole;
    })
    .replace(AFTER_PATTERN, (whole, before: string, accent: string, after: string) => {
      // "Franc¸ais" mostly, but some extractors put it first: "Besan¸con".
      const mark = AFTER[accent]!;
      const onBefore = before ? composed(before, mark) : null;
      const onAfter = after ? composed(after, mark) : null;
      if (onBefore && (CEDILLA_LETTERS.test(before) || !onAfter || !CEDILLA_LETTERS.test(after))) return onBefore + after;
      return onAfter ? before + onAfter : whole;
    });
}

/** The letter with the mark as one precomposed character, or null if Unicode has none. */
function composed(letter: string, mark: string): string | null {
  const c = (letter + mark).normalize('NFC');
  return [...c].length === 1 ? c : null;
}
