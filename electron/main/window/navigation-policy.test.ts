import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../test-support/fakes';
import { openExternalLink } from '../external/external-links';
import { guardContents, type GuardableContents, type NavigationEvent, type PreventableEvent } from './navigation-policy';

/** A stand-in for Electron's WebContents: an event emitter plus the window-open hook. */
class FakeContents extends EventEmitter implements GuardableContents {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

function navigationEvent(url: string): NavigationEvent & { prevented: boolean } {
  return {
    url,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

function setup() {
  const contents = new FakeContents();
  const opened: string[] = [];
  const log = recordingLogger();
  // The real external-link check, with the OS shell replaced by a recorder.
  const shell = { openExternal: async (url: string) => void opened.push(url) };
  const attempts: Promise<void>[] = [];
  guardContents(contents, {
    openLinkOutside: (url) => void attempts.push(openExternalLink(shell, url).catch(() => undefined)),
    log,
  });
  return { contents, opened, log, settle: () => Promise.all(attempts) };
}

describe('navigation policy', () => {
  it('cancels every navigation, even to the app itself', () => {
    const { contents } = setup();
    for (const url of ['https://example.org/', 'app://crux/index.html', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const event = navigationEvent(url);
      contents.emit('will-navigate', event);
      expect(event.prevented, url).toBe(true);
    }
  });

  it('hands a followed web link to the system browser, and nothing else', async () => {
    const { contents, opened, settle, log } = setup();
    contents.emit('will-navigate', navigationEvent('https://example.org/paper'));
    contents.emit('will-navigate', navigationEvent('file:///etc/passwd'));
    contents.emit('will-navigate', navigationEvent('smb://server/share'));
    await settle();
    expect(opened).toEqual(['https://example.org/paper']);
    expect(log.messages('warn')).toContain('Blocked navigation to file:///etc/passwd');
  });

  it('denies every new window, offering web links to the system browser', async () => {
    const { contents, opened, settle } = setup();
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://crux/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'ms-msdt:/id PCWDiagnostic' })).toEqual({ action: 'deny' });
    await settle();
    expect(opened).toEqual(['https://example.org/']);
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = setup();
    const event: PreventableEvent & { prevented: boolean } = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    contents.emit('will-attach-webview', event);
    expect(event.prevented).toBe(true);
  });
});
