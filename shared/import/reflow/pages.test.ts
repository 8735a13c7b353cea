// Pages of pdftotext-style text (form feeds, no blank lines): furniture at the page edges
// and footnote texts at the page foot.
import { describe, expect, it } from 'vitest';
import { reflowReading, reflowText } from './index';

/** Kinds and texts of the body, markers written as [^N]; then the notes. */
function read(text: string): { body: string[]; notes: string[] } {
  const { blocks, notes } = reflowReading(text);
  const body = blocks.map((b) => {
    let t = b.text;
    for (const n of [...b.notes].reverse()) t = `${t.slice(0, n.index)}[^${n.label}]${t.slice(n.index)}`;
    return `${b.kind}${b.level ?? ''}: ${t}`;
  });
  return { body, notes: notes.map((n) => `${n.label}: ${n.text}`) };
}

const page1 = [
  'Field Notes on Kettles, issue 7',
  'Kettles boil water in a closed vessel and switch themselves off once',
  'the steam reaches a small bimetal strip near the handle of the pot.',
  'Older models whistle instead and leave the stove to the cook, who',
  'must then come back quickly before the water has boiled away again.',
  '1',
];
const page2 = [
  'Field Notes on Kettles, issue 7',
  'A third kind sits on a warming plate and keeps the water just under',
  'the boil for hours, which suits offices where tea is made all day.',
  '2',
];
const page3 = [
  'Field Notes on Kettles, issue 7',
  'Descaling is the one chore every kettle asks for, whatever its kind.',
  '3',
];

describe('pages: furniture at the page edges', () => {
  it('drops a running head repeated on every page and the page numbers at the page foot', () => {
    const { body } = read([...page1, `\f${page2.join('\n')}`, `\f${page3.join('\n')}`, '\f'].join('\n'));
    expect(body.join(' ')).not.toMatch(/Field Notes on Kettles/);
    expect(body.join(' ')).not.toMatch(/\b[123]\b/);
    expect(body).toHaveLength(3);
  });

  it('drops a running head whose page number changes from page to page', () => {
    const head = (n: number) => `Kettle Review, volume 2, page ${n}`;
    const pages = [page1.slice(1, -1), page2.slice(1, -1), page3.slice(1, -1)].map((p, i) => [head(i + 1), ...p].join('\n'));
    const { body } = read(pages.join('\n\f'));
    expect(body.join(' ')).not.toMatch(/Kettle Review/);
    expect(body[0]).toMatch(/^paragraph: Kettles boil water/);
  });

  it('drops running heads that change with the section but carry the printed page number', () => {
    const heads = ['Kettles 1', '2 ELECTRIC KETTLES', 'Stove kettles 3'];
    const pages = [page1.slice(1, -1), page2.slice(1, -1), page3.slice(1, -1)].map((p, i) => [heads[i], ...p].join('\n'));
    const { body } = read(pages.join('\n\f'));
    expect(body.join(' ')).not.toMatch(/Kettles 1|ELECTRIC|Stove kettles/);
    expect(body.join(' ')).toMatch(/^paragraph: Kettles boil water/);
  });

  it('keeps a line that stands at the top of one page only', () => {
    const pages = [page1.slice(0, -1), ['Kettles of the North', ...page2.slice(1, -1)], page3.slice(0, -1)].map((p) => p.join('\n'));
    const { body } = read(pages.join('\n\f'));
    expect(body.join(' ')).toMatch(/Kettles of the North/);
  });
});

describe('pages: footnote texts at the page foot', () => {
  const body = [
    'Kettles boil water in a closed vessel and switch themselves off once',
    'the steam reaches a small bimetal strip near the handle of the pot.1',
    'Older models whistle instead and leave the stove to the cook, who',
    'must then come back quickly before the water has boiled away again.2',
  ];

  it('turns numbered lines at a page foot into notes when their markers stand above', () => {
    const text = [...body, '1 The strip bends as it warms and trips a', 'spring switch.', '2 Or not at all, in some kitchens.', '\fDescaling is the one chore every kettle asks for, whatever its kind.'].join('\n');
    const { body: out, notes } = read(text);
    expect(notes).toEqual(['1: The strip bends as it warms and trips a spring switch.', '2: Or not at all, in some kitchens.']);
    expect(out[0]).toMatch(/handle of the pot\.\[\^1\] Older models/);
    expect(out.join(' ')).not.toMatch(/strip bends/);
  });

  it('reads a note whose number stands on a line of its own', () => {
    const text = [...body, '1', 'The strip bends as it warms.', '2', 'Or not at all.', '\fDescaling is the one chore every kettle asks for, whatever its kind.'].join('\n');
    expect(read(text).notes).toEqual(['1: The strip bends as it warms.', '2: Or not at all.']);
  });

  it('reads a note whose number is glued to its first word', () => {
    const text = [...body, '1The strip bends as it warms.', '2Or not at all.', '\fDescaling is the one chore every kettle asks for, whatever its kind.'].join('\n');
    expect(read(text).notes).toEqual(['1: The strip bends as it warms.', '2: Or not at all.']);
  });

  it('leaves a numbered line in the text when no marker of that number stands above it', () => {
    const text = [...body.map((l) => l.replace(/\.\d$/, '.')), '3 kettles were tested in all.', '\fDescaling is the one chore every kettle asks for.'].join('\n');
    const { body: out, notes } = read(text);
    expect(notes).toEqual([]);
    expect(out.join(' ')).toMatch(/3 kettles were tested in all/);
  });

  it('lists the notes under a Notes heading at the end of the document', () => {
    const doc = reflowText([...body, '1 The strip bends.', '2 Or not at all.', '\fDescaling is the one chore every kettle asks for.'].join('\n'));
    const last = doc.child(doc.childCount - 1);
    expect(doc.child(doc.childCount - 2).textContent).toBe('Notes');
    expect(last.type.name).toBe('ordered_list');
    expect(last.childCount).toBe(2);
  });
});

describe('pages: section numbers on a line of their own', () => {
  it('rejoins a section number to the title below it, inside a page', () => {
    const text = [...page1.slice(1, -1), '', '2', '', 'Electric Kettles', '', ...page2.slice(1, -1), '', '2.1', '', 'Cordless Bases', '', ...page3.slice(1, -1), '\f'].join('\n');
    const headings = reflowReading(text).blocks.filter((b) => b.kind === 'heading');
    expect(headings.map((h) => `${h.level}: ${h.text}`)).toEqual(['1: 2 Electric Kettles', '2: 2.1 Cordless Bases']);
  });
});
