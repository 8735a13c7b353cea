import { describe, expect, it } from 'vitest';
import { parseRefusal, refusalNotice } from './refusal';

describe('parseRefusal', () => {
  it('reads the server’s refusal message', () => {
    const refusal = parseRefusal(JSON.stringify({ type: 'crux.refused', reason: 'viewers cannot change the document', code: 'role' }));
    expect(refusal).toEqual({ code: 'role', reason: 'viewers cannot change the document' });
    expect(refusalNotice(refusal!)).toBe(
      'Your link does not allow that change (the server said: viewers cannot change the document). It was undone on this computer; you now see the seminar’s copy.',
    );
  });

  it('ignores other stateless messages and garbage', () => {
    expect(parseRefusal('{"type":"crux.other"}')).toBeNull();
    expect(parseRefusal('not json')).toBeNull();
    expect(parseRefusal('null')).toBeNull();
    expect(parseRefusal('"crux.refused"')).toBeNull();
  });

  it('still reports a refusal whose code or reason is missing or odd, with a bounded reason', () => {
    expect(parseRefusal('{"type":"crux.refused"}')).toEqual({ code: 'malformed', reason: 'no reason given' });
    const long = parseRefusal(JSON.stringify({ type: 'crux.refused', code: 'nonsense', reason: 'x'.repeat(5000) }))!;
    expect(long.code).toBe('malformed');
    expect(long.reason).toHaveLength(300);
  });
});
