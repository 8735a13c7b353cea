import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../test-support/fakes';
import { resolveAppLocation } from './app-location';
import { CONTENT_SECURITY_POLICY, type ResponseHeaders } from './csp';
import { secureSession, type SecurableSession } from './session-security';

type HeaderListener = (
  details: { url: string; responseHeaders?: ResponseHeaders },
  callback: (response: { responseHeaders: ResponseHeaders }) => void,
) => void;

function fakeSession() {
  const hooks: { filter: { urls: string[] }; listener: HeaderListener }[] = [];
  const handlers: string[] = [];
  const session: SecurableSession = {
    setPermissionRequestHandler: () => void handlers.push('request'),
    setPermissionCheckHandler: () => void handlers.push('check'),
    webRequest: { onHeadersReceived: (filter, listener) => void hooks.push({ filter, listener }) },
  };
  return { session, hooks, handlers };
}

describe('secureSession', () => {
  it('installs both permission handlers', () => {
    const { session, handlers } = fakeSession();
    secureSession(session, resolveAppLocation(undefined, false), recordingLogger());
    expect(handlers.sort()).toEqual(['check', 'request']);
  });

  it('puts the CSP on every dev-server response', () => {
    const { session, hooks } = fakeSession();
    secureSession(session, resolveAppLocation('http://localhost:5173', false), recordingLogger());
    expect(hooks).toHaveLength(1);
    expect(hooks[0]?.filter).toEqual({ urls: ['http://localhost:5173/*'] });
    let answer: ResponseHeaders | undefined;
    hooks[0]?.listener({ url: 'http://localhost:5173/', responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => {
      answer = r.responseHeaders;
    });
    expect(answer?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('adds no header hook for the built app (its protocol handler sends the CSP)', () => {
    const { session, hooks } = fakeSession();
    secureSession(session, resolveAppLocation(undefined, false), recordingLogger());
    expect(hooks).toHaveLength(0);
  });
});
