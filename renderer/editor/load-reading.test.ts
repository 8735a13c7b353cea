import { describe, expect, it } from 'vitest';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { schema } from '../../shared/schema';
import { ARTICLE } from '../../shared/model/roots';
import { importOrigin } from './keys';
import { createReadingDoc, writeReading } from './load-reading';

const reading = (title: string) =>
  schema.node('doc', null, [
    schema.node('title', null, schema.text(title)),
    schema.node('paragraph', null, [schema.text('Solidarity'), schema.node('footnote', { label: '1' }), schema.text(' held.')]),
  ]);

describe('loading a reading into the Y.Doc', () => {
  it('stores the reading so that it reads back identical, footnotes included', () => {
    const { ydoc } = createReadingDoc(reading('First'));
    const back = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(ARTICLE), schema);
    expect(back.eq(reading('First'))).toBe(true);
  });

  it('writes in one transaction tagged with the import origin, replacing what was there', () => {
    const { ydoc } = createReadingDoc(reading('First'));
    const origins: unknown[] = [];
    ydoc.on('afterTransaction', (tr) => origins.push(tr.origin));
    writeReading(ydoc, reading('Second'));
    expect(origins).toEqual([importOrigin]);
    const back = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(ARTICLE), schema);
    expect(back.firstChild?.textContent).toBe('Second');
    expect(back.childCount).toBe(2);
  });

  it('maps every block of the Y.Doc to the very node of the reading it came from', () => {
    const source = reading('Mapped');
    const { ydoc, prepared } = createReadingDoc(source);
    expect(prepared.doc).toBe(source);
    const fragment = ydoc.getXmlFragment(ARTICLE);
    expect(prepared.mapping.get(fragment)).toBe(source);
    fragment.toArray().forEach((child, i) => expect(prepared.mapping.get(child)).toBe(source.child(i)));
  });
});
