// The stylesheet cannot import TypeScript: this keeps its role colours those of the model.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROLES } from './annotations';
import { ROLE_COLOURS } from './role-colours';

describe('role colours', () => {
  it('are the same in the highlight stylesheet (light theme) as in the map and its exports', () => {
    const css = readFileSync(new URL('../../renderer/styles/annotations.css', import.meta.url), 'utf8');
    const root = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));
    for (const role of ROLES) expect(root, role).toContain(`--hl-${role}-solid: ${ROLE_COLOURS[role]};`);
  });
});
