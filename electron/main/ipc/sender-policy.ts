// Decides whether an IPC request comes from the app itself: the main frame of a window
// the app created, showing one of the app's own pages. Anything else (a page that
// navigated elsewhere, an embedded frame, another window) is refused with a reason.

/** The part of Electron's `WebFrameMain` the check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

/** The part of Electron's `IpcMainInvokeEvent` the check reads. */
export interface InvokeEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: SenderFrame | null;
}

/** What the app counts as its own. */
export interface TrustedSenders {
  /** Whether `url` is one of the app's own pages. */
  isAppUrl(url: string): boolean;
  /** Whether the webContents with this id belongs to a window the app created. */
  ownsContents(id: number): boolean;
}

/**
 * Why `event` must be refused, as a sentence naming `channel`, or null when it comes
 * from the app's own page in the main frame of one of its windows.
 */
export function senderRejection(channel: string, event: InvokeEvent, trusted: TrustedSenders): string | null {
  const refused = `Refused the IPC request "${channel}"`;
  const frame = event.senderFrame;
  if (frame === null) return `${refused}: the frame that sent it has navigated away or closed.`;
  if (!trusted.ownsContents(event.sender.id)) return `${refused}: it did not come from a Crux window.`;
  if (frame.parent !== null) return `${refused}: it came from an embedded frame, not from the window's page.`;
  if (!trusted.isAppUrl(frame.url)) return `${refused}: it came from ${describeUrl(frame.url)}, not from Crux's own page.`;
  return null;
}

/** A URL shortened for an error message. */
function describeUrl(url: string): string {
  const shown = url.length > 200 ? `${url.slice(0, 200)}…` : url;
  return `"${shown}"`;
}
