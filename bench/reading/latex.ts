// Typesets a corpus source as a LaTeX article (compiled with pdflatex by build-corpus.ts).
import { splitNotes, type SourceDoc } from './source';

/** Escapes text for LaTeX, with straight double quotes as typeset quotes. */
export function texEscape(text: string): string {
  return text
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([#$%&_{}])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}')
    .replace(/</g, '\\textless{}')
    .replace(/>/g, '\\textgreater{}')
    .replace(/"([^"]*)"/g, '``$1\'\'')
    .replace(/\.\.\./g, '\\ldots{}');
}

const sectioning = ['section', 'subsection', 'subsubsection'];

/** The LaTeX source of a document. */
export function toLatex(doc: SourceDoc): string {
  const numbered = doc.meta.numbered === 'yes';
  const out: string[] = [
    `\\documentclass[${doc.meta.options ?? '11pt'}]{article}`,
    '\\usepackage[utf8]{inputenc}',
    '\\usepackage[a5paper,margin=18mm]{geometry}',
    `\\title{${texEscape(doc.meta.title ?? '')}}`,
    `\\author{${texEscape(doc.meta.author ?? '')}}`,
    '\\date{}',
    '\\begin{document}',
    '\\maketitle',
    doc.meta.head ? `\\pagestyle{myheadings}\\markright{${texEscape(doc.meta.head)}}` : '\\pagestyle{headings}',
  ];
  for (const b of doc.blocks) {
    if (b.kind === 'heading') out.push('', `\\${sectioning[b.level - 1]}${numbered ? '' : '*'}{${texEscape(b.text)}}`);
    else if (b.kind === 'code') out.push('\\begin{verbatim}', ...b.lines, '\\end{verbatim}');
    else if (b.kind === 'math') out.push(`\\[ ${b.latex} \\]`);
    else {
      const { runs, notes } = splitNotes(b.text);
      out.push('', runs.map((r, i) => texEscape(r) + (i < notes.length ? `\\footnote{${texEscape(notes[i]!)}}` : '')).join(''));
    }
  }
  out.push('', '\\end{document}', '');
  return out.join('\n');
}
