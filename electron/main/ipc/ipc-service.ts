// The IPC service: registers one `ipcMain.handle` per renderer → main channel of the
// contract, each going through the validating dispatcher, and removes them on dispose.
import { RendererToMain, type RendererToMainChannel } from '../../../shared/ipc/contract';
import type { Logger, Service } from '../service';
import { createRequestDispatcher, type RequestHandlers } from './request-dispatcher';
import type { InvokeEvent, TrustedSenders } from './sender-policy';

/** The part of Electron's `ipcMain` the service uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** What the IPC service needs. */
export interface IpcServiceOptions {
  ipcMain: IpcMainLike;
  handlers: RequestHandlers;
  trusted: TrustedSenders;
  log: Logger;
}

/** Registers the contract's request handlers. */
export class IpcService implements Service {
  private readonly registered: RendererToMainChannel[] = [];

  constructor(private readonly options: IpcServiceOptions) {}

  /** Registers a validating handler for every renderer → main channel. */
  start(): void {
    const { ipcMain, handlers, trusted, log } = this.options;
    const dispatch = createRequestDispatcher(handlers, trusted, log);
    for (const channel of Object.keys(RendererToMain) as RendererToMainChannel[]) {
      ipcMain.handle(channel, (event, ...args) => dispatch(channel, event, args));
      this.registered.push(channel);
    }
  }

  /** Removes the handlers. */
  dispose(): void {
    for (const channel of this.registered.splice(0)) this.options.ipcMain.removeHandler(channel);
  }
}
