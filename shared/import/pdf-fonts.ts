// What a PDF font's name says about its type: bold, italic, monospace (code), maths.
// Names as pdf.js reports them ("BQZBNR+CMR10", "CAAAAA+LiberationSans-Bold"); the
// six-letter subset tag is ignored. TeX's Computer Modern and Latin Modern fonts carry
// their style in short codes (CMBX = bold extended, CMTT = typewriter, CMMI = maths italic).

/** The style of a font. */
export interface FontTraits {
  bold: boolean;
  italic: boolean;
  mono: boolean;
  math: boolean;
}

const bold = /bold|black|heavy|semibold|demi|^(?:cm|lm|ec|ts)(?:bx|b\d|ssbx)|lmroman\d*-bold|\bbx\d/i;
const italic = /italic|oblique|slanted|^(?:cm|lm|ec)(?:ti|sl|mi|bxti|ssi)\d|-it$|-bi$/i;
const mono = /mono|courier|consol|menlo|typewriter|fixed|^(?:cm|lm|ec|lmmono)(?:tt|sltt|itt|vtt)|^sfTT|inconsolata|sourcecodepro/i;
const math = /^(?:cm|lm)(?:mi|sy|ex|bsy|mib)\d|^(?:msam|msbm|eufm|esint|stix.*math|cambria ?math|latinmodern-math|lmmath|rsfs|wasy)|symbol|math/i;

/** The traits of a font by its name (an empty name has none). */
export function fontTraits(name: string): FontTraits {
  const bare = name.replace(/^[A-Z]{6}\+/, '');
  const isMath = math.test(bare);
  return { bold: bold.test(bare), italic: italic.test(bare) || /^cmmi/i.test(bare), mono: !isMath && mono.test(bare), math: isMath };
}
