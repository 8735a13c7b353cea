import { describe, expect, it } from 'vitest';
import { canComment, canEdit, ROLES } from '../../shared/sync/roles';
import { capabilitiesOf } from './capabilities';

describe('capabilitiesOf', () => {
  it('gives a viewer no write at all', () => {
    expect(Object.values(capabilitiesOf('viewer')).some(Boolean)).toBe(false);
  });

  it('gives a commenter comments, resolving and their own name, nothing else', () => {
    const granted = Object.entries(capabilitiesOf('commenter')).filter(([, may]) => may).map(([name]) => name);
    expect(granted.sort()).toEqual(['comment', 'nameSelf', 'resolve']);
  });

  it('gives an editor every write but hosting, and the owner hosting too', () => {
    expect(capabilitiesOf('editor')).toEqual({
      editText: true,
      tag: true,
      editMap: true,
      comment: true,
      resolve: true,
      nameSelf: true,
      versions: true,
      importAnnotations: true,
      host: false,
    });
    expect(capabilitiesOf('owner')).toEqual({ ...capabilitiesOf('editor'), host: true });
  });

  it('agrees with what the sync server lets each role write', () => {
    for (const role of ROLES) {
      const may = capabilitiesOf(role);
      // Everything outside comments and people needs an editor's rights on the server.
      for (const write of [may.editText, may.tag, may.editMap, may.versions, may.importAnnotations]) expect(write).toBe(canEdit(role));
      for (const write of [may.comment, may.resolve, may.nameSelf]) expect(write).toBe(canComment(role));
    }
  });

  it('hands out tables no view can change', () => {
    const table = capabilitiesOf('commenter') as { tag: boolean };
    expect(() => {
      table.tag = true;
    }).toThrow(TypeError);
    expect(capabilitiesOf('commenter').tag).toBe(false);
  });
});
