import { describe, expect, it } from 'vitest';
import { expectImportError, footnoteLabels, markedRuns, outline } from '../test-support/import-fixtures';
import { importHtml } from './html';

const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>Site name | The Split</title></head>
<body>
  <h1>The   Split</h1>
  <p>Moscow and <em>Beijing</em> drifted   apart,
     as <strong>letters</strong> and <code>cables</code> show.<sup><a href="#fn1" id="fnref1">1</a></sup></p>
  <h2>Explanations</h2>
  <h3>Realist view</h3>
  <p>See <a href="https://example.org/archive">the archive</a>, <a href="mailto:seminar@example.org">write</a> or
     <a href="/relative/page">this page</a>.</p>
  <blockquote><p>A quoted line.</p><p>And <i>another</i>.</p></blockquote>
  <ul><li>National interests</li><li>Ideology<ol start="3"><li>Leninist parties</li></ol></li></ul>
  <p>Line one<br>Line two</p>
  <section class="footnotes"><hr><ol><li id="fn1"><p>The note text. <a href="#fnref1" class="footnote-back">↩︎</a></p></li></ol></section>
</body></html>`;

describe('importHtml', () => {
  const { doc, warnings } = importHtml(page, 'split.html');

  it('keeps the structure: title, headings, paragraphs, quotes, lists', () => {
    doc.check();
    expect(outline(doc)).toEqual([
      'title: The Split',
      'paragraph: Moscow and Beijing drifted apart, as letters and cables show.',
      'heading1: Explanations',
      'heading2: Realist view',
      'paragraph: See the archive, write or this page.',
      'blockquote: A quoted line.And another.',
      'bullet_list: National interestsIdeologyLeninist parties',
      'paragraph: Line one\nLine two',
      'heading1: Notes',
      'ordered_list: The note text.',
    ]);
    expect(warnings).toEqual([]);
  });

  it('keeps emphasis, strong, code and only web and mail links', () => {
    expect(markedRuns(doc)).toEqual([
      'em Beijing',
      'strong letters',
      'code cables',
      'link:https://example.org/archive the archive',
      'link:mailto:seminar@example.org write',
      'em another',
    ]);
  });

  it('turns superscript note links into footnotes and drops the links back', () => {
    expect(footnoteLabels(doc)).toEqual(['1']);
    expect(doc.textContent).not.toContain('↩');
  });

  it('keeps nested lists, list numbering and line breaks', () => {
    const list = doc.child(6);
    expect(list.type.name).toBe('bullet_list');
    const nested = list.child(1).child(1);
    expect(nested.type.name).toBe('ordered_list');
    expect(nested.attrs.order).toBe(3);
    expect(doc.child(7).child(1).type.name).toBe('hard_break');
  });

  it('collapses white space as a browser does', () => {
    const { doc: d } = importHtml('<p>  a \n\t b <b> c </b> d&nbsp; e </p><p>\n</p>', 'ws.html');
    expect(outline(d)).toEqual(['paragraph: a b c d\u00a0 e']);
  });

  it('keeps the lines and spaces of preformatted text, as code', () => {
    const { doc: d } = importHtml('<p>x</p><pre>\nfirst  line\n  second</pre>', 'pre.html');
    expect(d.child(1).textContent).toBe('first  line\n  second');
    expect(markedRuns(d)).toEqual(['code first  line', 'code   second']);
  });

  it('uses the <title> when no heading leads the page', () => {
    const { doc: d } = importHtml('<title>Page Title</title><p>Intro.</p><h1>Later</h1>', 't.html');
    expect(outline(d)).toEqual(['title: Page Title', 'paragraph: Intro.', 'heading1: Later']);
  });

  it('turns plain numbered superscripts and Wikipedia-style references into footnotes', () => {
    const { doc: d } = importHtml(
      '<p>Claim.<sup>12</sup> Other<sup class="reference"><a href="#cite_note-3">[3]</a></sup> x<sup>th</sup></p>',
      'refs.html',
    );
    expect(footnoteLabels(d)).toEqual(['12', '3']);
    expect(d.textContent).toBe('Claim. Other xth');
  });

  it('flattens what a quote cannot hold into its paragraphs', () => {
    const { doc: d } = importHtml('<p>x</p><blockquote><h2>Quoted head</h2><ul><li>item</li></ul>loose</blockquote>', 'q.html');
    d.check();
    expect(outline(d)).toEqual(['paragraph: x', 'blockquote: Quoted headitemloose']);
  });

  it('reads a table as one paragraph per cell and says so', () => {
    const { doc: d, warnings: w } = importHtml('<p>x</p><table><tr><td>a</td><td>b</td></tr></table>', 'tab.html');
    expect(outline(d)).toEqual(['paragraph: x', 'paragraph: a', 'paragraph: b']);
    expect(w).toEqual(['1 table was turned into plain paragraphs, one per cell.']);
  });

  it('rejects a page with no readable text', async () => {
    await expectImportError(() => importHtml('<script>alert(1)</script><style>p{}</style><img src=x>', 'blank.html'), 'empty', [
      '“blank.html”',
      'has no readable text',
    ]);
  });
});

describe('importHtml on hostile pages', () => {
  const hostile = `<html><head><title>T</title><style>body{background:url(javascript:alert(1))}</style>
    <script>document.cookie</script><meta http-equiv="refresh" content="0;url=javascript:alert(1)"></head>
    <body onload="steal()">
    <p onclick="steal()">Safe <a href="javascript:alert(1)">js link</a> and <a href="JaVaScRiPt:alert(2)">mixed case</a>
      and <a href=" javascript:alert(3)">spaced</a> and <a href="data:text/html;base64,PHNjcmlwdD4=">data link</a>
      and <a href="vbscript:x">vb</a> and <a href="file:///etc/passwd">file</a>.</p>
    <img src="x" onerror="alert(1)"><img src="data:image/png;base64,AAAA">
    <iframe src="https://evil.example/"></iframe><object data="x.swf"></object><embed src="x.swf">
    <svg><script>alert(1)</script><text>svg text</text></svg>
    <form action="https://evil.example/"><input value="typed"><button>Press</button><textarea>secret</textarea></form>
    <noscript>noscript text</noscript><template><p>template</p></template>
    <p style="color:red">Coloured <span style="background:url(x)">span</span></p>
    <a href="https://ok.example/" onmouseover="alert(1)">fine link</a>
    </body></html>`;
  const { doc, warnings } = importHtml(hostile, 'evil.html');
  const json = JSON.stringify(doc.toJSON());

  it('keeps the readable text and nothing executable', () => {
    doc.check();
    expect(outline(doc)).toEqual([
      'title: T',
      'paragraph: Safe js link and mixed case and spaced and data link and vb and file.',
      'paragraph: Coloured span',
      'paragraph: fine link',
    ]);
  });

  it('has no script, handler, frame, style, javascript: or data: left anywhere', () => {
    for (const bad of ['script', 'alert', 'onerror', 'onload', 'onclick', 'onmouseover', 'iframe', 'javascript', 'data:', 'vbscript', 'file:', 'style', 'cookie', 'secret', 'typed', 'svg text', 'noscript', 'template']) {
      expect(json.toLowerCase()).not.toContain(bad);
    }
  });

  it('keeps only the safe link', () => {
    expect(markedRuns(doc)).toEqual(['link:https://ok.example/ fine link']);
  });

  it('says that images were left out', () => {
    expect(warnings).toEqual(['2 images were left out: Crux shows the text only.']);
  });
});
