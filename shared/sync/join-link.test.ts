import { describe, expect, it } from 'vitest';
import { formatJoinLink, parseJoinLink } from './join-link';

describe('join links', () => {
  it('round-trips a host page link to its socket address', () => {
    const link = formatJoinLink('http://192.168.1.5:4000/', 'seminar-1', 'crux_abc', 'viewer');
    expect(link).toBe('http://192.168.1.5:4000/#join=seminar-1&token=crux_abc&role=viewer');
    expect(parseJoinLink(link)).toEqual({ url: 'ws://192.168.1.5:4000/sync', project: 'seminar-1', token: 'crux_abc', role: 'viewer' });
  });

  it('takes https to wss and a bare socket address as it is', () => {
    expect(parseJoinLink('https://crux.example.org/#join=a1&token=t').url).toBe('wss://crux.example.org/sync');
    expect(parseJoinLink('ws://10.0.0.2:1234#join=a1&token=t')).toMatchObject({ url: 'ws://10.0.0.2:1234', role: null });
  });

  it.each([
    ['', 'Paste the join link the host gave you.'],
    ['seminar', 'That is not a link: it should start with http://, https://, ws:// or wss://.'],
    ['file:///x#join=a&token=b', 'A join link starts with http://, https://, ws:// or wss://, not file://.'],
    ['http:///#join=a&token=b', 'That link is not well formed: it needs a host, like http://192.168.1.5:4000/#join=….'],
    ['http://h:1/', 'The link names no project (it has no #join=… part).'],
    ['http://h:1/#join=a%20b&token=t', 'The link\'s project name is not valid (1–128 characters: letters, digits, ".", "_" or "-", starting with a letter or digit).'],
    ['http://h:1/#join=a', 'The link has no token (its &token=… part is missing).'],
  ])('refuses %j with a clear message', (text, message) => {
    expect(() => parseJoinLink(text)).toThrow(message);
  });
});
