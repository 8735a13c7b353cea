// The IPC contract between main, preload and renderer.
export * from './contract';
export { mainErrorMessage } from './errors';
