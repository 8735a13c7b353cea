// Keeps every web page of the app where it is: no navigation away from the app page, no
// new windows, no <webview>. Links to the web are handed to the system browser through
// the external-link scheme check instead. Applied to every webContents the app creates.
import type { Logger } from '../service';

/** An Electron event that can be cancelled. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** A `will-navigate` event: cancellable, with the URL the page tried to go to. */
export interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

/** The part of Electron's `WebContents` the policy needs. */
export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** What the policy does with a link the page tried to follow. */
export interface NavigationPolicyOptions {
  /**
   * Offers a URL to the system browser; the receiver applies the external-link scheme
   * check (external-links.ts) and must not throw. Not Electron's shell.openExternal.
   */
  openLinkOutside(url: string): void;
  /** Where refusals are reported. */
  log: Logger;
}

/**
 * Cancels every navigation and every `window.open`/`target=_blank` of `contents`, and
 * refuses to attach `<webview>` tags. A link the user followed is offered to
 * `openLinkOutside`, which opens only web and mail links.
 */
export function guardContents(contents: GuardableContents, options: NavigationPolicyOptions): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    options.log.warn(`Blocked navigation to ${event.url}`);
    options.openLinkOutside(event.url);
  });
  contents.setWindowOpenHandler((details) => {
    options.log.warn(`Blocked a new window for ${details.url}`);
    options.openLinkOutside(details.url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.log.warn('Blocked a <webview>');
  });
}
