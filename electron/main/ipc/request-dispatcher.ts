// Turns an incoming renderer → main request into a handler call, refusing it unless the
// channel is in the contract, the sender is the app's own page, and the arguments match
// the channel's schema; the handler's answer is checked against the contract too.
import { z } from 'zod';
import {
  RendererToMain,
  type RendererToMainChannel,
  type RequestOf,
  type ResponseOf,
} from '../../../shared/ipc/contract';
import type { Logger } from '../service';
import { senderRejection, type InvokeEvent, type TrustedSenders } from './sender-policy';

/** One handler per renderer → main channel, receiving the validated arguments. */
export type RequestHandlers = {
  [C in RendererToMainChannel]: (...args: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

/** A request the main process refused before running any handler. */
export class IpcRejection extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IpcRejection';
  }
}

/** Whether `channel` is a renderer → main channel of the contract. */
export function isRequestChannel(channel: unknown): channel is RendererToMainChannel {
  return typeof channel === 'string' && Object.hasOwn(RendererToMain, channel);
}

/** Answers one request: `(channel, event, args) → response`, or rejects with a clear message. */
export type RequestDispatcher = (channel: string, event: InvokeEvent, args: readonly unknown[]) => Promise<unknown>;

/** Builds the dispatcher over `handlers`, trusting only what `trusted` accepts. */
export function createRequestDispatcher(
  handlers: RequestHandlers,
  trusted: TrustedSenders,
  log: Logger,
): RequestDispatcher {
  return async (channel, event, args) => {
    if (!isRequestChannel(channel)) {
      throw reject(log, `Refused the IPC request "${String(channel).slice(0, 100)}": no such channel.`);
    }
    const senderProblem = senderRejection(channel, event, trusted);
    if (senderProblem !== null) throw reject(log, senderProblem);

    const spec = RendererToMain[channel];
    const parsed = spec.request.safeParse(args);
    if (!parsed.success) {
      throw reject(log, `Refused the IPC request "${channel}": bad arguments. ${z.prettifyError(parsed.error)}`);
    }
    const handler = handlers[channel] as (...a: unknown[]) => unknown;
    const response = await handler(...(parsed.data as unknown[]));
    const checked = spec.response.safeParse(response);
    if (!checked.success) {
      log.error(`Handler for "${channel}" answered outside the contract: ${z.prettifyError(checked.error)}`);
      throw new Error(`Crux's main process gave an invalid answer to "${channel}".`);
    }
    return checked.data;
  };
}

function reject(log: Logger, message: string): IpcRejection {
  log.warn(message);
  return new IpcRejection(message);
}
