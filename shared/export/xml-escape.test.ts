import { describe, expect, it } from 'vitest';
import { xmlEscape as escapeXml } from './xml-escape';

describe('the XML escape of every writer', () => {
  it('escapes markup in labels', () => {
    expect(escapeXml(`<b a="1">'x'</b>`)).toBe('&lt;b a=&quot;1&quot;&gt;&apos;x&apos;&lt;/b&gt;');
  });
});
