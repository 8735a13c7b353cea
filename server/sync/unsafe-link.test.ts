// Issue 11 item 8: a link to a script. An editor's client writes a `link` mark whose target
// is `javascript:` straight into the Y.Doc (no importer, no parse rule on the way): the
// server refuses it (not applied, not stored, never relayed), an honest editor's web link
// still goes through, and a reading that somehow holds such a mark draws it as plain text.
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toMarkdown } from '../../shared/export/markdown';
import { ARTICLE } from '../../shared/model/roots';
import { schema } from '../../shared/schema';
import { connectClient, type TestClient } from '../test-support/clients';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { waitFor } from '../test-support/wait';

let t: TestServer;
let editorToken: string;
let observer: TestClient;
const clients: TestClient[] = [];

function join(token: string): TestClient {
  const client = connectClient({ url: t.server.url, doc: 'seminar', token });
  clients.push(client);
  return client;
}

/** Appends a paragraph whose text carries a link mark, as y-prosemirror stores one. */
function addLinkedParagraph(doc: Y.Doc, text: string, href: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  paragraph.insert(0, [content]);
  doc.getXmlFragment(ARTICLE).push([paragraph]);
  content.insert(0, text, { link: { href, title: null } });
}

const articleOf = (doc: Y.Doc) => doc.getXmlFragment(ARTICLE).toString();

beforeAll(async () => {
  t = await startTestServer();
  const owner = await t.server.tokens.createDocument('seminar');
  editorToken = (await t.server.tokens.issue('seminar', 'editor')).token;
  const host = join(owner.token);
  await host.synced();
  const first = new Y.XmlElement('paragraph');
  first.insert(0, [new Y.XmlText('The reading.')]);
  host.doc.getXmlFragment(ARTICLE).push([first]);
  await host.acknowledged();
  observer = join(editorToken);
  await observer.synced();
});

afterAll(async () => {
  for (const c of clients) c.destroy();
  await t.stop();
});

describe('a link to a script written by an editor', () => {
  it('is refused: not applied, not stored, not relayed; an honest web link still arrives', async () => {
    const attacker = join(editorToken);
    await attacker.synced();
    addLinkedParagraph(attacker.doc, 'Click for the sources', 'javascript:alert(document.cookie)');
    await t.logger.waitFor({ msg: 'update refused', role: 'editor' });
    expect(t.logger.entries.some((e) => String(e.reason).includes('"javascript:…"'))).toBe(true);

    const honest = join(editorToken);
    await honest.synced();
    addLinkedParagraph(honest.doc, 'The archive', 'https://example.org/archive');
    await waitFor(() => articleOf(observer.doc).includes('The archive'), 'the honest link at the observer');

    expect(articleOf(observer.doc)).not.toContain('Click for the sources');
    expect(articleOf(t.server.hocuspocus.documents.get('seminar')!)).not.toContain('Click for the sources');
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await t.server.store.load('seminar'))!);
    expect(articleOf(stored)).toContain('The archive');
    expect(articleOf(stored)).not.toContain('javascript:');
  });

  it.each(['javascript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'file:///etc/passwd'])(
    'is refused for the target %j',
    async (href) => {
      const attacker = join(editorToken);
      await attacker.synced();
      const before = t.logger.entries.filter((e) => e.msg === 'update refused').length;
      addLinkedParagraph(attacker.doc, 'Sneaky', href);
      await waitFor(() => t.logger.entries.filter((e) => e.msg === 'update refused').length > before, 'the refusal');
      attacker.destroy();
    },
  );
});

describe('a reading that holds a link to a script anyway (an old file, a server without this rule)', () => {
  const doc = new Y.Doc();
  addLinkedParagraph(doc, 'Old link', 'javascript:alert(1)');
  addLinkedParagraph(doc, 'Good link', 'https://example.org/');
  const reading = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(ARTICLE), schema);

  it('is drawn as plain text, while a web link stays a link', () => {
    const spans: { tag: string; href: unknown }[] = [];
    reading.descendants((node) => {
      for (const mark of node.marks) {
        const spec = mark.type.spec.toDOM!(mark, true) as [string, Record<string, unknown>];
        spans.push({ tag: spec[0], href: spec[1].href });
      }
    });
    expect(spans).toEqual([
      { tag: 'span', href: undefined },
      { tag: 'a', href: 'https://example.org/' },
    ]);
  });

  it('is exported to Markdown as its text only', () => {
    const markdown = toMarkdown(reading);
    expect(markdown).toContain('Old link');
    expect(markdown).not.toContain('javascript:');
    expect(markdown).toContain('[Good link](https://example.org/)');
  });

  it('is not read back as a link when pasted or imported as HTML', () => {
    const rule = schema.marks.link!.spec.parseDOM![0]!;
    const attrsOf = (href: string) => rule.getAttrs!({ getAttribute: (n: string) => (n === 'href' ? href : null) } as never);
    expect(attrsOf('javascript:alert(1)')).toBe(false);
    expect(attrsOf('https://example.org/')).toEqual({ href: 'https://example.org/', title: null });
    expect(attrsOf('#section-2')).toEqual({ href: '#section-2', title: null });
  });
});
