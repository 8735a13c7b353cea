// The preload: runs sandboxed beside the page and exposes `window.crux` (CruxApi) and
// nothing else. All of its logic is in crux-api.ts.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createCruxApi } from './crux-api';

const api = createCruxApi({
  ipc: ipcRenderer,
  getPathForFile: (file) => webUtils.getPathForFile(file as File),
  platform: process.platform,
  reportInvalid: (message) => console.error(message),
});

contextBridge.exposeInMainWorld('crux', api);
