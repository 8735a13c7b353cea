import { describe, expect, it } from 'vitest';
import { typedCharacter } from './typing';

describe('typedCharacter', () => {
  it('types one character, including one outside the Basic Multilingual Plane', () => {
    expect(typedCharacter('x')).toBe('x');
    expect(typedCharacter(' ')).toBe(' ');
    expect(typedCharacter('é')).toBe('é');
    expect(typedCharacter('😀')).toBe('😀');
  });

  it('leaves named keys and line breaks to the keymap and the browser', () => {
    expect(typedCharacter('Enter')).toBeNull();
    expect(typedCharacter('Dead')).toBeNull();
    expect(typedCharacter('\r')).toBeNull();
    expect(typedCharacter('\n')).toBeNull();
    expect(typedCharacter('')).toBeNull();
  });
});
