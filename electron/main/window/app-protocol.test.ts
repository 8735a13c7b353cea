import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingLogger, tempDir } from '../../test-support/fakes';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './csp';

describe('app:// protocol handler', () => {
  let remove: () => Promise<void>;
  let handle: (request: Request) => Promise<Response>;
  const log = recordingLogger();

  beforeAll(async () => {
    const temp = await tempDir();
    remove = temp.remove;
    const root = join(temp.dir, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><div id="app"></div>');
    await writeFile(join(root, 'assets', 'index.js'), 'console.log(1)');
    await writeFile(join(temp.dir, 'secret.txt'), 'outside the renderer folder');
    await symlink(join(temp.dir, 'secret.txt'), join(root, 'assets', 'link.txt'));
    handle = createAppProtocolHandler(root, log);
  });
  afterAll(() => remove());

  const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

  it('serves the page with the Content-Security-Policy header', async () => {
    const response = await get('app://crux/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('id="app"');
  });

  it('serves index.html for the root and scripts with a script type', async () => {
    expect(await (await get('app://crux/')).text()).toContain('id="app"');
    const script = await get('app://crux/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://crux/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('never serves a file outside the renderer folder', async () => {
    // The URL parser folds plain `..` away; encoded slashes and links must be caught here.
    expect((await get('app://crux/../secret.txt')).status).toBe(404);
    expect((await get('app://crux/assets/..%2F..%2Fsecret.txt')).status).toBe(404);
    expect((await get('app://crux/..%5C..%5Csecret.txt')).status).toBe(404);
    expect((await get('app://crux/assets/link.txt')).status).toBe(404);
    expect(log.messages('warn').some((m) => m.includes('outside the renderer folder'))).toBe(true);
  });

  it('answers 404 for folders, missing files and other hosts, 400 for bad encodings', async () => {
    expect((await get('app://crux/assets')).status).toBe(404);
    expect((await get('app://crux/missing.js')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://crux/%E0%A4%A')).status).toBe(400);
    expect((await get('app://crux/a%00b')).status).toBe(400);
  });

  it('refuses anything but GET and HEAD', async () => {
    expect((await get('app://crux/index.html', 'POST')).status).toBe(405);
  });

  it('registers the scheme as a secure standard origin that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    expect('bypassCSP' in APP_SCHEME_PRIVILEGES).toBe(false);
  });
});
