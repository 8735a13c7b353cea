import { describe, expect, it } from 'vitest';
import { schema } from '../schema';
import { reflowText } from '../import/reflow';
import { toMarkdown } from './markdown';

describe('Markdown export', () => {
  it('writes numbered headings without escapes', () => {
    const doc = reflowText('Some opening words of the article end here.\n\n1. Introduction\n\nThe first section starts.\n\n3.1. Dealing with Doubt\n\nIt goes on.');
    const md = toMarkdown(doc);
    expect(md).toContain('\n## 1. Introduction\n');
    expect(md).toContain('\n### 3.1. Dealing with Doubt\n');
    expect(md).not.toContain('\\');
  });

  it('escapes a paragraph that would read as a list or heading, so the text survives', () => {
    const p = (text: string) => schema.node('paragraph', null, schema.text(text));
    const doc = schema.node('doc', null, [p('1. Not a list item'), p('# Not a heading'), p('- Not a bullet'), p('Mid 1. line stays')]);
    expect(toMarkdown(doc)).toBe('1\\. Not a list item\n\n\\# Not a heading\n\n\\- Not a bullet\n\nMid 1. line stays\n');
  });
});
