// The IPC contract between main, preload and renderer.
export * from './contract';
export { CodedError, mainErrorMessage } from './errors';
