// The corpus sources (bench/reading/corpus/*.src.md): a small markup of our own from which
// the typeset documents (LaTeX, LibreOffice) and their scored truth are both made.
//
//   key: value          header lines (engine, title, author, head, options, numbered), then a blank line
//   # / ## / ### Text   headings of level 1-3
//   ```  ...  ```       a code block, typeset in monospace
//   $$ LATEX $$ TEXT    display maths: LaTeX for the typesetter, TEXT as it reads
//   ^[note]             a footnote, inside a paragraph
//   other lines         paragraphs, one per line or run of lines, apart by blank lines

/** A block of a source document. */
export type SourceBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string; notes: string[] }
  | { kind: 'code'; lines: string[] }
  | { kind: 'math'; latex: string; text: string };

/** A parsed source document. */
export interface SourceDoc {
  meta: Record<string, string>;
  blocks: SourceBlock[];
}

/** Paragraph text with its footnotes as `^[...]`; splits it into plain runs and notes. */
export function splitNotes(text: string): { runs: string[]; notes: string[] } {
  const runs: string[] = [];
  const notes: string[] = [];
  let rest = text;
  for (;;) {
    const at = rest.indexOf('^[');
    if (at < 0) break;
    const end = rest.indexOf(']', at);
    if (end < 0) throw new Error(`unclosed footnote in: ${text.slice(0, 60)}`);
    runs.push(rest.slice(0, at));
    notes.push(rest.slice(at + 2, end));
    rest = rest.slice(end + 1);
  }
  runs.push(rest);
  return { runs, notes };
}

/** Parses a source document. */
export function parseSource(src: string): SourceDoc {
  const lines = src.replace(/\r\n/g, '\n').split('\n');
  const meta: Record<string, string> = {};
  let i = 0;
  for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
    const m = /^(\w+):\s*(.*)$/.exec(lines[i]!);
    if (!m) throw new Error(`bad header line: ${lines[i]}`);
    meta[m[1]!] = m[2]!;
  }
  const blocks: SourceBlock[] = [];
  let para: string[] = [];
  const flush = () => {
    if (!para.length) return;
    const text = para.join(' ');
    blocks.push({ kind: 'paragraph', text, notes: splitNotes(text).notes });
    para = [];
  };
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^(#{1,3}) (.+)$/.exec(line);
    const math = /^\$\$(.+)\$\$\s*(.*)$/.exec(line);
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) code.push(lines[i]!);
      blocks.push({ kind: 'code', lines: code });
    } else if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1]!.length, text: heading[2]!.trim() });
    } else if (math) {
      flush();
      blocks.push({ kind: 'math', latex: math[1]!.trim(), text: math[2]!.trim() });
    } else if (line.trim() === '') flush();
    else para.push(line.trim());
  }
  flush();
  return { meta, blocks };
}
