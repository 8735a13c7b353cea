import { describe, expect, it } from 'vitest';
import { composeAccents } from './accents';
import { reflowBlocks } from './index';

describe('spacing accents from PDF extraction', () => {
  it('composes a diaeresis set before its letter', () => {
    expect(composeAccents('f¨ur die Universit¨at in K¨oln, ¨Uber')).toBe('für die Universität in Köln, Über');
  });

  it('composes acute, grave, circumflex, tilde, caron and cedilla', () => {
    expect(composeAccents('Andr´e, d´ej`a, fen`etre, ˆile, Espa˜na, ˇcesk´y, Franc¸ais, Besan¸con')).toBe('André, déjà, fenètre, île, España, český, Français, Besançon');
  });

  it('gives NFC text: one code point per accented letter', () => {
    const out = composeAccents('Universit¨at');
    expect(out).toBe(out.normalize('NFC'));
    expect([...out]).toHaveLength('Universität'.length);
  });

  it('leaves accents it cannot place: apostrophes, quotation marks, lone accents', () => {
    const text = "it´s, we´ll, you´re, ``quoted'' text, a lone ¨ here, `code` and 5 ´ 3";
    expect(composeAccents(text)).toBe(text);
  });

  it('reflows PDF text with the accents composed', () => {
    const [b] = reflowBlocks('The Technische Universit¨at M¨unchen wrote f¨ur the\nMinist`ere in Besan¸con.');
    expect(b?.text).toBe('The Technische Universität München wrote für the Ministère in Besançon.');
  });
});
