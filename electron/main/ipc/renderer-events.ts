// Main → renderer events: each payload is checked against the contract before it is
// sent, and events raised while no page is ready to listen (a file named on the command
// line at startup, say) wait until the page has loaded.
import { z } from 'zod';
import { MainToRenderer, type EventOf, type MainToRendererChannel } from '../../../shared/ipc/contract';
import type { Logger } from '../service';

/** Where events go: the part of Electron's `WebContents` used. */
export interface EventTarget {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/** Events kept while no page listens; older ones are dropped beyond this. */
export const MAX_QUEUED_EVENTS = 20;

/** Sends validated events to the app page, queueing them until it has loaded. */
export class RendererEvents {
  private target: EventTarget | null = null;
  private readonly queue: { channel: MainToRendererChannel; payload: unknown }[] = [];

  constructor(private readonly log: Logger) {}

  /**
   * Sends `payload` on `channel`, or keeps it until a page is attached. Throws, and
   * sends nothing, when the payload does not match the contract.
   */
  send<C extends MainToRendererChannel>(channel: C, payload: EventOf<C>): void {
    if (!Object.hasOwn(MainToRenderer, channel)) {
      throw new Error(`Refused to send the event "${String(channel)}": no such channel.`);
    }
    const checked = MainToRenderer[channel].safeParse(payload);
    if (!checked.success) {
      throw new Error(`Refused to send the event "${channel}": ${z.prettifyError(checked.error)}`);
    }
    const target = this.liveTarget();
    if (target) {
      target.send(channel, checked.data);
      return;
    }
    this.queue.push({ channel, payload: checked.data });
    if (this.queue.length > MAX_QUEUED_EVENTS) {
      const dropped = this.queue.shift();
      this.log.warn(`No page is listening; dropped the queued event "${dropped?.channel}".`);
    }
  }

  /** Directs events to `target` (a page that has just loaded) and delivers the queue. */
  attach(target: EventTarget): void {
    this.target = target;
    while (this.queue.length > 0 && this.liveTarget()) {
      const next = this.queue.shift();
      if (next) target.send(next.channel, next.payload);
    }
  }

  /** Stops sending to `target` (its window closed); later events wait for the next page. */
  detach(target: EventTarget): void {
    if (this.target === target) this.target = null;
  }

  private liveTarget(): EventTarget | null {
    if (this.target && this.target.isDestroyed()) this.target = null;
    return this.target;
  }
}
