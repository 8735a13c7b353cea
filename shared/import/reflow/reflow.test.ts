import { describe, expect, it } from 'vitest';
import { reflowBlocks, reflowText } from './index';

/** The blocks' kinds and texts, footnote markers written as [^N]. */
function render(text: string): string[] {
  return reflowBlocks(text).map((b) => {
    let t = b.text;
    for (const n of [...b.notes].reverse()) t = `${t.slice(0, n.index)}[^${n.label}]${t.slice(n.index)}`;
    return `${b.kind}${b.level ?? ''}: ${t}`;
  });
}

describe('reflow: paragraphs', () => {
  it('joins hard-wrapped lines into one paragraph and breaks at blank lines after a sentence', () => {
    const text = [
      'The committee met twice in the spring and agreed on almost every',
      'point of the draft that the secretary had circulated.',
      '',
      'A second meeting was held in the autumn of the same year, when the',
      'members argued for hours.',
    ].join('\n');
    expect(render(text)).toEqual([
      'paragraph: The committee met twice in the spring and agreed on almost every point of the draft that the secretary had circulated.',
      'paragraph: A second meeting was held in the autumn of the same year, when the members argued for hours.',
    ]);
  });

  it('joins over a blank line that falls mid-sentence (double-spaced pages)', () => {
    const text = ['The river rose in the night and by morning the lower', '', 'town was under water, as the mayor had feared.'].join('\n');
    expect(render(text)).toEqual(['paragraph: The river rose in the night and by morning the lower town was under water, as the mayor had feared.']);
  });

  it('breaks after a short last line even without a blank line', () => {
    const text = [
      'Nobody at the conference expected the proposal to pass without a fight.',
      'It passed.',
      'The next morning the delegates returned to the hall to discuss the budget',
      'and the timetable for the following year of negotiations and talks.',
    ].join('\n');
    expect(render(text)).toEqual([
      'paragraph: Nobody at the conference expected the proposal to pass without a fight. It passed.',
      'paragraph: The next morning the delegates returned to the hall to discuss the budget and the timetable for the following year of negotiations and talks.',
    ]);
  });

  it('moves a paragraph break displaced after the first line back before it', () => {
    const text = [
      'The earlier plan had failed because the harvest was poor in both the north and',
      'the south of the country that year.',
      'The ministers therefore drafted a second plan which they hoped would',
      '',
      'restore the confidence of the farmers and the traders in the markets.',
    ].join('\n');
    expect(render(text)).toEqual([
      'paragraph: The earlier plan had failed because the harvest was poor in both the north and the south of the country that year.',
      'paragraph: The ministers therefore drafted a second plan which they hoped would restore the confidence of the farmers and the traders in the markets.',
    ]);
  });

  it('removes stray leading spaces and breaks at a page start after a finished sentence', () => {
    const text = [
      'A long first paragraph runs to the foot of the page and it ends here at last.',
      ' A new paragraph opens the next page of the journal with an indented line and',
      ' continues on the line below without any stray space left in it.',
    ].join('\n');
    const blocks = render(text);
    expect(blocks).toHaveLength(2);
    expect(blocks[1]).toBe(
      'paragraph: A new paragraph opens the next page of the journal with an indented line and continues on the line below without any stray space left in it.',
    );
  });

  it('drops bare page numbers and running heads repeated on every page', () => {
    const page = (n: number, body: string) => `Journal of Imaginary Studies\n\n${body}\n\n${n}\n\f`;
    const text = [
      page(1, 'The first page talks about the harbour and the boats that came in'),
      page(2, 'every morning with fish, which the market sold by noon.'),
      page(3, 'The second paragraph stands on its own page.'),
      page(4, 'So does the third one, which ends the article.'),
    ].join('');
    expect(render(text)).toEqual([
      'paragraph: The first page talks about the harbour and the boats that came in every morning with fish, which the market sold by noon.',
      'paragraph: The second paragraph stands on its own page.',
      'paragraph: So does the third one, which ends the article.',
    ]);
  });
});

describe('reflow: hyphenation', () => {
  it('rejoins a word hyphenated across a line end', () => {
    const [b] = render('The workers began the reconstruc-\ntion of the bridge in May.');
    expect(b).toBe('paragraph: The workers began the reconstruction of the bridge in May.');
  });

  it('keeps real hyphens: capitalised compounds, prefixes, compounds used elsewhere', () => {
    const text = [
      'The Franco-',
      'Prussian war, a counter-',
      'attack, a near-',
      'monologue and single-',
      'handedly, as the well-known well-',
      'known story goes.',
    ].join('\n');
    const [b] = render(text);
    expect(b).toBe(
      'paragraph: The Franco-Prussian war, a counter-attack, a near-monologue and single-handedly, as the well-known well-known story goes.',
    );
  });

  it('keeps a dash at a line end without adding a space', () => {
    const [b] = render('Talks between the Anglo–\nFrench delegations went on.');
    expect(b).toBe('paragraph: Talks between the Anglo–French delegations went on.');
  });
});

describe('reflow: title, byline, headings, quotes', () => {
  const article = [
    ' A Study of Harbours:',
    'boats and markets, 1900–10',
    '',
    'Jane Example',
    'University of Nowhere, Atlantis',
    '',
    'This abstract says what the paper does in one paragraph of plain words.',
    '',
    'Introduction',
    '',
    'The harbour was busy. The mayor wrote that',
    'the town depended on it, and he ended his letter by declaring,',
    '',
    'We shall keep the harbour open whatever it costs us, and we shall',
    'never close it, not in war and not in peace.',
    '',
    'The council agreed with him and voted the money that spring.',
    '',
    '2.1 Markets and prices',
    '',
    'Prices rose.',
  ].join('\n');

  it('recognises the title, the byline lines and the headings', () => {
    const blocks = render(article);
    expect(blocks[0]).toBe('title: A Study of Harbours: boats and markets, 1900–10');
    expect(blocks[1]).toBe('byline: Jane Example');
    expect(blocks[2]).toBe('byline: University of Nowhere, Atlantis');
    expect(blocks).toContain('heading1: Introduction');
    expect(blocks).toContain('heading2: 2.1 Markets and prices');
  });

  it('recognises a block quote introduced mid-sentence and keeps the lead-in paragraph', () => {
    const blocks = render(article);
    expect(blocks).toContain('paragraph: The harbour was busy. The mayor wrote that the town depended on it, and he ended his letter by declaring,');
    expect(blocks).toContain(
      'blockquote: We shall keep the harbour open whatever it costs us, and we shall never close it, not in war and not in peace.',
    );
    expect(blocks).toContain('paragraph: The council agreed with him and voted the money that spring.');
  });

  it('does not take a sentence or a line ending in a function word for a heading', () => {
    const text = ['The first line of the text is a full sentence.', '', 'Trade between the two ports and', '', 'the islands grew.'].join('\n');
    expect(render(text).some((b) => b.startsWith('heading'))).toBe(false);
  });

  it('puts block quotes, headings and the title into the ProseMirror document', () => {
    const doc = reflowText(article);
    const types: string[] = [];
    doc.forEach((n) => types.push(n.type.name));
    expect(types).toEqual(['title', 'byline', 'byline', 'paragraph', 'heading', 'paragraph', 'blockquote', 'paragraph', 'heading', 'paragraph']);
    expect(doc.child(8).attrs.level).toBe(2);
  });
});

describe('reflow: footnote markers', () => {
  it('turns numbers glued to words into markers, in sequence, and leaves years and models alone', () => {
    const text = [
      'The alliance was called ‘eternal’,1 but it broke in 1960.2 The MiG-21',
      'was built in 1958.3 Some 5000 copies were printed.4 In 1961 the',
      'fleet sailed.5 Chapter 7 says more.',
    ].join('\n');
    const [b] = render(text);
    expect(b).toBe(
      'paragraph: The alliance was called ‘eternal’,[^1] but it broke in 1960.[^2] The MiG-21 was built in 1958.[^3] Some 5000 copies were printed.[^4] In 1961 the fleet sailed.[^5] Chapter 7 says more.',
    );
  });

  it('makes footnote atoms in the document', () => {
    const doc = reflowText('A claim.1 Another claim.2');
    const labels: string[] = [];
    doc.descendants((n) => {
      if (n.type.name === 'footnote') labels.push(n.attrs.label as string);
    });
    expect(labels).toEqual(['1', '2']);
    expect(doc.textContent).toBe('A claim. Another claim.');
  });
});

describe('reflow: glued words', () => {
  it('splits words the extraction glued together', () => {
    const [b] = render(
      'Talks betweenParis andLondon went well.During the talks the campwere divided, but as we know now,much was settled by the DefenceMinister inMay1961 and on 30March. Paris, London and the Minister agreed.',
    );
    expect(b).toBe(
      'paragraph: Talks between Paris and London went well. During the talks the camp were divided, but as we know now, much was settled by the Defence Minister in May 1961 and on 30 March. Paris, London and the Minister agreed.',
    );
  });

  it('leaves names, model numbers and real words whole', () => {
    const text = 'Delegates from Singapore, Germany, New Zealand and Indonesia met the dispersionism advisors about the MiG-21 and McDonald.';
    expect(render(text)).toEqual([`paragraph: ${text}`]);
  });
});

describe('reflow: odd input', () => {
  it('gives an empty paragraph for text with no words, never an invalid document', () => {
    const doc = reflowText('\n\n   \n');
    expect(doc.childCount).toBe(1);
    expect(doc.firstChild?.type.name).toBe('paragraph');
    doc.check();
  });

  it('handles CRLF line ends, tabs and soft hyphens', () => {
    const [b] = render('One\tline about the recon\u00ADstruction\r\nof a second bridge.\r\n');
    expect(b).toBe('paragraph: One line about the reconstruction of a second bridge.');
  });
});
