// Lines of extracted text that are not prose: runs of program code (kept line by line)
// and display formulas on a line of their own (kept as a block of their own).
import type { SourceLine } from './lines';

/** Fewest lines a run of code has. */
const MIN_CODE_LINES = 3;

/** Whether a line looks like a line of C-like program code. */
function codeLike(text: string): boolean {
  return (
    /[{};]$/.test(text) ||
    /^[{}]/.test(text) ||
    /^#\s*(?:include|define|if|endif|else)\b/.test(text) ||
    (/^(?:if|else|for|while|do|switch|case|return)\b/.test(text) && /[(;{]/.test(text)) ||
    /^[A-Za-z_][\w*]*(?:\s+[\w*]+)+\([^()]*\)$/.test(text)
  );
}

/**
 * Whether a run of code-like lines has the structure of code: a brace line, or two
 * statements and a call or an assignment (a list of clauses ending in ";" has neither).
 */
function structured(texts: string[]): boolean {
  if (texts.some((t) => /^[{}];?$|\{$/.test(t))) return true;
  return texts.filter((t) => /;$/.test(t)).length >= 2 && texts.some((t) => /\w\(|\s=\s|[+\-*/|&]=|\+\+|--|->/.test(t));
}

/** The indices of the lines that belong to runs of program code. */
export function codeLines(lines: SourceLine[]): Set<number> {
  const out = new Set<number>();
  let k = 0;
  while (k < lines.length) {
    if (!codeLike(lines[k]!.text)) {
      k++;
      continue;
    }
    let end = k;
    while (end + 1 < lines.length && codeLike(lines[end + 1]!.text)) end++;
    const texts = lines.slice(k, end + 1).map((l) => l.text);
    if (texts.length >= MIN_CODE_LINES && structured(texts)) for (let j = k; j <= end; j++) out.add(j);
    k = end + 1;
  }
  return out;
}

/** Whether a line is a display formula: short, an equation or relation, few words. */
export function isFormula(text: string, full: number): boolean {
  const words = text.match(/\p{L}{3,}/gu) ?? [];
  return text.length < full * 0.6 && /\s[=≤≥≠≈<>]\s/.test(text) && words.length <= 3 && !/[{};,]$/.test(text);
}
