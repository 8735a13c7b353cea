// The address per-address limits apply to: only proxies we run are believed.
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(clientAddress('198.51.100.7', '10.0.0.2', 0)).toBe('10.0.0.2');
  });

  it('takes the entry our one proxy appended, not what the client put on the left', () => {
    expect(clientAddress('1.1.1.1, 2.2.2.2, 203.0.113.9', '10.0.0.2', 1)).toBe('203.0.113.9');
  });

  it('counts trusted hops from the right', () => {
    expect(clientAddress('1.1.1.1, 203.0.113.9, 10.0.0.5', '10.0.0.2', 2)).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', '10.0.0.2', 3)).toBe('203.0.113.9');
  });

  it('reads repeated headers as one list', () => {
    expect(clientAddress(['1.1.1.1', '203.0.113.9'], '10.0.0.2', 1)).toBe('203.0.113.9');
  });

  it('falls back to the peer for an empty or malformed header', () => {
    expect(clientAddress(' , ', '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(clientAddress('not an address', '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(clientAddress(undefined, undefined, 1)).toBe('unknown');
  });

  it('accepts IPv6 entries', () => {
    expect(clientAddress('2001:db8::1', '::1', 1)).toBe('2001:db8::1');
  });
});
