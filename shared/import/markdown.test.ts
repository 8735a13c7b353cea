import { describe, expect, it } from 'vitest';
import { expectImportError, footnoteLabels, markedRuns, outline } from '../test-support/import-fixtures';
import { importMarkdown } from './markdown';

const article = `# The Split

Moscow and *Beijing* drifted
apart, as **letters** and \`cables\` show.[^1]

## Explanations

### Realist view

See [the archive](https://example.org/archive) or [write](mailto:seminar@example.org).

> A quoted line
> that wraps.
>
> And *another*.

- National interests
- Ideology

  3. Leninist parties

1. First
2. Second

Line one  
Line two

[^1]: The note text.
`;

describe('importMarkdown', () => {
  const { doc, warnings } = importMarkdown(article, 'split.md');

  it('keeps the structure: title, headings, paragraphs, quotes, lists, notes', () => {
    doc.check();
    expect(outline(doc)).toEqual([
      'title: The Split',
      'paragraph: Moscow and Beijing drifted apart, as letters and cables show.',
      'heading1: Explanations',
      'heading2: Realist view',
      'paragraph: See the archive or write.',
      'blockquote: A quoted line that wraps.And another.',
      'bullet_list: National interestsIdeologyLeninist parties',
      'ordered_list: FirstSecond',
      'paragraph: Line one\nLine two',
      'heading1: Notes',
      'ordered_list: The note text.',
    ]);
    expect(warnings).toEqual([]);
  });

  it('keeps emphasis, strong, code and links', () => {
    expect(markedRuns(doc)).toEqual([
      'em Beijing',
      'strong letters',
      'code cables',
      'link:https://example.org/archive the archive',
      'link:mailto:seminar@example.org write',
      'em another',
    ]);
  });

  it('turns [^1] references into footnote nodes', () => {
    expect(footnoteLabels(doc)).toEqual(['1']);
    const first = doc.child(1);
    expect(first.lastChild?.type.name).toBe('footnote');
  });

  it('keeps a nested list under its item, with its start number', () => {
    const nested = doc.child(6).child(1).child(1);
    expect(nested.type.name).toBe('ordered_list');
    expect(nested.attrs.order).toBe(3);
  });

  it('numbers footnotes in order of first reference, whatever their labels', () => {
    const { doc: d } = importMarkdown('Text.[^b] More.[^a] Again.[^b]\n\n[^a]: A.\n[^b]: B.\n', 'n.md');
    expect(footnoteLabels(d)).toEqual(['1', '2', '1']);
    expect(outline(d).slice(-1)).toEqual(['ordered_list: B.A.']);
  });

  it('makes a later or second # heading a section, not a title', () => {
    const { doc: d } = importMarkdown('Intro.\n\n# One\n\n# Two\n', 'h.md');
    expect(outline(d)).toEqual(['paragraph: Intro.', 'heading1: One', 'heading1: Two']);
  });

  it('takes the title from front matter when no heading leads', () => {
    const { doc: d } = importMarkdown('---\ntitle: "Front Title"\nauthor: X\n---\nBody.\n', 'fm.md');
    expect(outline(d)).toEqual(['title: Front Title', 'paragraph: Body.']);
  });

  it('reads code blocks as code, line by line', () => {
    const { doc: d } = importMarkdown('Text.\n\n```\nline 1\n  line 2\n```\n', 'c.md');
    const code = d.child(1);
    expect(code.textContent).toBe('line 1\n  line 2');
    expect(markedRuns(d)).toEqual(['code line 1', 'code   line 2']);
  });

  it('reads inline HTML emphasis, breaks and numbered superscripts', () => {
    const { doc: d } = importMarkdown('A <b>bold</b> word<br>next line, noted<sup>4</sup> and x<sup>th</sup>.\n', 'i.md');
    expect(markedRuns(d)).toEqual(['strong bold']);
    expect(footnoteLabels(d)).toEqual(['4']);
    expect(d.textContent).toBe('A bold word\nnext line, noted and xth.');
  });

  it('reports images and tables it leaves out or flattens', () => {
    const { warnings: w } = importMarkdown('![map](map.png)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n', 't.md');
    expect(w).toEqual(['1 image was left out: Crux shows the text only.', '1 table was turned into plain paragraphs, one per cell.']);
  });

  it('rejects a file with no readable text', async () => {
    await expectImportError(() => importMarkdown('<script>alert(1)</script>\n\n---\n', 'x.md'), 'empty', ['“x.md”', 'no readable text']);
  });
});

describe('importMarkdown with hostile raw HTML', () => {
  const hostile = `# Title

Text <script>alert(1)</script> and <img src=x onerror="alert(2)"> and <iframe src="https://evil.example"></iframe>.

[js](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=) [ok](https://ok.example)

<div onclick="alert(4)"><p>Raw <em>block</em> <a href="javascript:alert(5)">link</a></p><style>p{}</style></div>

<script>
alert(6)
</script>

<style>body { color: red }</style>
`;
  const { doc } = importMarkdown(hostile, 'evil.md');
  const json = JSON.stringify(doc.toJSON()).toLowerCase();

  it('keeps the text and drops every executable part', () => {
    doc.check();
    expect(outline(doc)).toEqual(['title: Title', 'paragraph: Text and and .', 'paragraph: js data ok', 'paragraph: Raw block link']);
    for (const bad of ['script', 'alert', 'onerror', 'onclick', 'iframe', 'javascript', 'data:', 'style', 'color']) {
      expect(json).not.toContain(bad);
    }
  });

  it('keeps only the safe link', () => {
    expect(markedRuns(doc).filter((r) => r.startsWith('link'))).toEqual(['link:https://ok.example ok']);
  });
});
