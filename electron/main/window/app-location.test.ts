import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAppUrl, resolveAppLocation } from './app-location';

describe('resolveAppLocation', () => {
  it('loads the built page on app://crux in a packaged app, whatever the environment says', () => {
    const location = resolveAppLocation('http://localhost:5173/', true);
    expect(location).toEqual({ entryUrl: 'app://crux/index.html', origin: APP_ORIGIN, isDevServer: false });
  });

  it('loads the built page when no dev server is named', () => {
    expect(resolveAppLocation(undefined, false).entryUrl).toBe('app://crux/index.html');
    expect(resolveAppLocation('', false).isDevServer).toBe(false);
  });

  it('uses a loopback dev server in an unpackaged run', () => {
    const location = resolveAppLocation('http://localhost:5173', false);
    expect(location).toEqual({ entryUrl: 'http://localhost:5173/', origin: 'http://localhost:5173', isDevServer: true });
    expect(resolveAppLocation('http://127.0.0.1:4000/', false).origin).toBe('http://127.0.0.1:4000');
  });

  it('refuses a dev server that is not plain http on loopback, saying what it expects', () => {
    expect(() => resolveAppLocation('http://example.com:5173', false)).toThrow(
      'ELECTRON_RENDERER_URL must be an http URL on localhost, 127.0.0.1 or [::1]; got "http://example.com:5173".',
    );
    expect(() => resolveAppLocation('https://localhost:5173', false)).toThrow(/must be an http URL/);
    expect(() => resolveAppLocation('not a url', false)).toThrow('ELECTRON_RENDERER_URL is not a URL: "not a url".');
  });
});

describe('isAppUrl', () => {
  const built = resolveAppLocation(undefined, false);
  const dev = resolveAppLocation('http://localhost:5173', false);

  it('accepts the app pages', () => {
    expect(isAppUrl(built, 'app://crux/index.html')).toBe(true);
    expect(isAppUrl(built, 'app://crux/')).toBe(true);
    expect(isAppUrl(dev, 'http://localhost:5173/index.html')).toBe(true);
  });

  it('refuses other hosts, schemes and ports, and garbage', () => {
    expect(isAppUrl(built, 'app://evil/index.html')).toBe(false);
    expect(isAppUrl(built, 'https://crux/index.html')).toBe(false);
    expect(isAppUrl(built, 'file:///opt/crux/index.html')).toBe(false);
    expect(isAppUrl(dev, 'http://localhost:5174/')).toBe(false);
    expect(isAppUrl(dev, 'http://localhost.evil.example:5173/')).toBe(false);
    expect(isAppUrl(built, '')).toBe(false);
    expect(isAppUrl(built, 'about:blank')).toBe(false);
  });
});
