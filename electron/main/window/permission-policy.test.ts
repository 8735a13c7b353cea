import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../test-support/fakes';
import { isAppUrl, resolveAppLocation } from './app-location';
import { applyPermissionPolicy, isPermissionGranted, type PermissionSession } from './permission-policy';

const location = resolveAppLocation(undefined, false);
const ownPage = (url: string) => isAppUrl(location, url);

function fakeSession() {
  const session: PermissionSession & {
    request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
    check?: Parameters<PermissionSession['setPermissionCheckHandler']>[0];
  } = {
    setPermissionRequestHandler(handler) {
      this.request = handler;
    },
    setPermissionCheckHandler(handler) {
      this.check = handler;
    },
  };
  return session;
}

describe('permission policy', () => {
  it('denies the camera, microphone, notifications, location, clipboard reading and the rest', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      expect(isPermissionGranted(permission, 'app://crux/index.html', ownPage), permission).toBe(false);
    }
  });

  it('grants loopback network access to the app page only', () => {
    expect(isPermissionGranted('loopback-network', 'app://crux/index.html', ownPage)).toBe(true);
    expect(isPermissionGranted('local-network-access', 'app://crux', ownPage)).toBe(true);
    expect(isPermissionGranted('loopback-network', 'https://evil.example/', ownPage)).toBe(false);
    expect(isPermissionGranted('loopback-network', undefined, ownPage)).toBe(false);
  });

  it('answers requests and checks through the session, logging refusals', () => {
    const session = fakeSession();
    const log = recordingLogger();
    applyPermissionPolicy(session, ownPage, log);
    const answers: boolean[] = [];
    session.request?.(null, 'media', (granted) => answers.push(granted), { requestingUrl: 'app://crux/index.html' });
    session.request?.(null, 'loopback-network', (granted) => answers.push(granted), { requestingUrl: 'app://crux/' });
    expect(answers).toEqual([false, true]);
    expect(log.messages('warn')).toEqual(['Denied permission "media" to app://crux/index.html']);
    expect(session.check?.(null, 'geolocation', 'app://crux')).toBe(false);
    expect(session.check?.(null, 'loopback-network', 'app://crux')).toBe(true);
  });
});
