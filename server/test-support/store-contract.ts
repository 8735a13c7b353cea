// The behaviour every DocStore must have, as a test suite both stores run.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore } from '../store/types';

function textOf(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText('article').toString();
}

/** Registers the DocStore contract tests; `open` gives a store on an empty database. */
export function describeStoreContract(name: string, open: () => Promise<DocStore>): void {
  describe(`${name}: DocStore contract`, () => {
    it('appends updates, loads them, compacts them, and keeps appending', async () => {
      const store = await open();
      try {
        expect(await store.createDocument('contract', 1)).toBe(true);
        expect(await store.createDocument('contract', 1)).toBe(false);
        expect(await store.load('contract')).toBeNull();
        const source = new Y.Doc();
        const updates: Uint8Array[] = [];
        source.on('update', (u: Uint8Array) => updates.push(u));
        for (let i = 0; i < 30; i++) source.getText('article').insert(0, `${i} `);
        for (const u of updates) await store.append('contract', u);
        expect(textOf(await store.load('contract'))).toBe(source.getText('article').toString());
        const compacted = await store.compact('contract');
        expect(compacted.merged).toBe(30);
        expect(await store.stats('contract')).toEqual({ updates: 0, stateBytes: compacted.stateBytes });
        source.getText('article').insert(0, 'after ');
        await store.append('contract', updates.at(-1)!);
        await store.append('contract', Y.encodeStateAsUpdate(source));
        expect(textOf(await store.load('contract'))).toBe(source.getText('article').toString());
      } finally {
        await store.close();
      }
    });

    it('loses nothing when appends race a compaction', async () => {
      const store = await open();
      try {
        await store.createDocument('race', 1);
        const source = new Y.Doc();
        const updates: Uint8Array[] = [];
        source.on('update', (u: Uint8Array) => updates.push(u));
        for (let i = 0; i < 60; i++) source.getMap('annotations').set(`a${i}`, i);
        await Promise.all(
          updates.map(async (u, i) => {
            await store.append('race', u);
            if (i % 15 === 0) await store.compact('race');
          }),
        );
        const loaded = new Y.Doc();
        Y.applyUpdate(loaded, (await store.load('race'))!);
        expect(loaded.getMap('annotations').size).toBe(60);
      } finally {
        await store.close();
      }
    });

    it('keeps tokens by hash and revokes them once', async () => {
      const store = await open();
      try {
        await store.createDocument('tokens', 1);
        const token = {
          id: 'tok_a',
          doc: 'tokens',
          role: 'viewer' as const,
          hash: 'f'.repeat(64),
          label: 'projector',
          createdAt: 5,
          revokedAt: null,
        };
        await store.insertToken(token);
        expect(await store.findTokenByHash('f'.repeat(64))).toEqual(token);
        expect(await store.listTokens('tokens')).toEqual([token]);
        expect(await store.revokeToken('tokens', 'tok_a', 9)).toEqual({ ...token, revokedAt: 9 });
        expect(await store.revokeToken('tokens', 'tok_a', 10)).toEqual({ ...token, revokedAt: 9 });
        expect(await store.revokeToken('other', 'tok_a', 10)).toBeNull();
        await expect(store.insertToken({ ...token, id: 'tok_b', doc: 'missing', hash: 'e'.repeat(64) })).rejects.toThrow();
      } finally {
        await store.close();
      }
    });

    it('binds a person to the first key hash it is claimed with, per document, for good', async () => {
      const store = await open();
      try {
        await store.createDocument('names', 1);
        await store.createDocument('other-names', 1);
        const [mine, theirs] = ['a'.repeat(64), 'b'.repeat(64)];
        expect(await Promise.all([store.bindPerson('names', 'p-1', mine, 2), store.bindPerson('names', 'p-1', mine, 2)])).toEqual([true, true]);
        expect(await store.bindPerson('names', 'p-1', theirs, 3)).toBe(false);
        expect(await store.bindPerson('names', 'p-1', mine, 4)).toBe(true);
        expect(await store.bindPerson('other-names', 'p-1', theirs, 5)).toBe(true);
      } finally {
        await store.close();
      }
    });
  });
}
