// Builds the one object the preload exposes as `window.crux` (CruxApi): requests only on
// the contract's renderer → main channels, subscriptions only to its main → renderer
// channels, every payload checked against its schema. Plain module, so Node tests can
// drive it with a fake ipcRenderer.
import { z } from 'zod';
import {
  MainToRenderer,
  RendererToMain,
  type CruxApi,
  type DroppedFile,
  type MainToRendererChannel,
  type RendererToMainChannel,
} from '../../shared/ipc/contract';
import { mainErrorMessage } from '../../shared/ipc/errors';

/** The part of Electron's `ipcRenderer` the API uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** What the API is built from. */
export interface CruxApiDeps {
  ipc: IpcRendererLike;
  /** Electron's `webUtils.getPathForFile`. */
  getPathForFile(file: DroppedFile): string;
  /** `process.platform`. */
  platform: string;
  /** Where payloads that fail validation are reported (the page's console). */
  reportInvalid(message: string): void;
}

/** Whether `channel` is a renderer → main channel of the contract. */
export function isRequestChannel(channel: unknown): channel is RendererToMainChannel {
  return typeof channel === 'string' && Object.hasOwn(RendererToMain, channel);
}

/** Whether `channel` is a main → renderer channel of the contract. */
export function isEventChannel(channel: unknown): channel is MainToRendererChannel {
  return typeof channel === 'string' && Object.hasOwn(MainToRenderer, channel);
}

/** A channel name cut short for an error message. */
function shown(channel: unknown): string {
  return typeof channel === 'string' ? `"${channel.slice(0, 100)}"` : `a ${typeof channel}`;
}


/** Builds the API object. */
export function createCruxApi(deps: CruxApiDeps): CruxApi {
  // Paths of files the user dropped on the window, as Electron read them from the File
  // objects. Kept here, in the preload's isolated world, where page script cannot add to
  // it: the page may record (and so later re-open) only a file the user really handed it,
  // never a path it made up.
  const droppedPaths = new Set<string>();

  const invoke = async (channel: unknown, ...args: unknown[]): Promise<unknown> => {
    if (!isRequestChannel(channel)) throw new Error(`crux.invoke: ${shown(channel)} is not a request channel.`);
    const spec = RendererToMain[channel];
    const request = spec.request.safeParse(args);
    if (!request.success) throw new Error(`crux.invoke("${channel}"): bad arguments. ${z.prettifyError(request.error)}`);
    if (channel === 'file:note-opened' && !droppedPaths.has(request.data[0] as string)) {
      throw new Error('crux.invoke("file:note-opened"): Crux records only files dropped on its window.');
    }
    let response: unknown;
    try {
      response = await deps.ipc.invoke(channel, ...request.data);
    } catch (error) {
      throw new Error(mainErrorMessage(error), { cause: error });
    }
    const checked = spec.response.safeParse(response);
    if (!checked.success) throw new Error(`crux.invoke("${channel}"): the main process answered outside the contract.`);
    return checked.data;
  };

  const on = (channel: unknown, listener: unknown): (() => void) => {
    if (!isEventChannel(channel)) throw new Error(`crux.on: ${shown(channel)} is not an event channel.`);
    if (typeof listener !== 'function') throw new Error(`crux.on("${channel}"): the listener must be a function.`);
    const schema = MainToRenderer[channel];
    // The Electron event is never passed on: it would hand the page `ipcRenderer` itself.
    const relay = (_event: unknown, payload: unknown): void => {
      const checked = schema.safeParse(payload);
      if (!checked.success) {
        deps.reportInvalid(`crux.on("${channel}"): ignored an event outside the contract. ${z.prettifyError(checked.error)}`);
        return;
      }
      (listener as (payload: unknown) => void)(checked.data);
    };
    deps.ipc.on(channel, relay);
    return () => {
      deps.ipc.removeListener(channel, relay);
    };
  };

  const pathForFile = (file: DroppedFile): string | null => {
    try {
      const path = deps.getPathForFile(file);
      if (path === '') return null;
      droppedPaths.add(path);
      return path;
    } catch {
      // Not a File from the page (or a File made in memory): there is no path.
      return null;
    }
  };

  return { invoke: invoke as CruxApi['invoke'], on: on as CruxApi['on'], pathForFile, platform: deps.platform };
}
