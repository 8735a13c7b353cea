// The Platform over Electron's preload API (`window.crux`). Every response and event
// payload is checked against the shared IPC contract before the UI sees it.
import {
  MainToRenderer,
  RendererToMain,
  type CruxApi,
  type MainToRendererChannel,
  type EventOf,
  type OpenedFile,
} from '../../shared/ipc';
import type { Platform, ProjectFiles, RecentEntry } from './platform';
import { readFileObject } from './read-file';

/** The Platform of the desktop app, speaking to the main process through `api`. */
export function createDesktopPlatform(api: CruxApi): Platform {
  function on<C extends MainToRendererChannel>(channel: C, listener: (payload: EventOf<C>) => void): () => void {
    return api.on(channel, (payload) => {
      const checked = MainToRenderer[channel].safeParse(payload);
      // A malformed event is a bug in main; dropping it keeps the UI in a sane state.
      if (checked.success) listener(checked.data as EventOf<C>);
      else console.error(`Ignored a malformed '${channel}' event from the main process`, checked.error);
    });
  }

  const outcome = RendererToMain['project:current'].response;
  const projects: ProjectFiles = {
    current: async () => outcome.parse(await api.invoke('project:current')),
    create: async () => outcome.parse(await api.invoke('project:new')),
    open: async (path) => outcome.parse(await api.invoke('project:open', path)),
    async openDropped(file) {
      const path = api.pathForFile(file);
      if (!path) return { kind: 'failed', name: file.name, path: '', message: 'Crux can open a project only from a file on this computer.', recoverable: false };
      return outcome.parse(await api.invoke('project:open', path));
    },
    saveAs: async () => outcome.parse(await api.invoke('project:save-as')),
    forReading: async (source) => outcome.parse(await api.invoke('project:for-reading', source)),
    recover: async (path) => outcome.parse(await api.invoke('project:recover', path)),
    onOutcome: (listener) => on('project:outcome', listener),
  };

  return {
    kind: 'desktop',
    isMac: api.platform === 'darwin',
    menuOwnsShortcuts: true,
    projects,
    async chooseFile() {
      return RendererToMain['file:open-dialog'].response.parse(await api.invoke('file:open-dialog'));
    },
    async chooseAnnotationFile() {
      return RendererToMain['file:open-annotations'].response.parse(await api.invoke('file:open-annotations'));
    },
    readDroppedFile(file) {
      return readFileObject(file, api.pathForFile(file));
    },
    async openRecent(entry) {
      return RendererToMain['file:open-recent'].response.parse(await api.invoke('file:open-recent', entry.key));
    },
    async recentFiles(): Promise<RecentEntry[]> {
      const list = RendererToMain['file:recent-list'].response.parse(await api.invoke('file:recent-list'));
      return list.map((r) => ({ key: r.path, name: r.name, openedAt: r.openedAt, detail: r.path }));
    },
    async noteOpened(file: OpenedFile) {
      if (file.path) await api.invoke('file:note-opened', file.path);
    },
    async saveFile(suggestedName, kind, bytes) {
      return RendererToMain['file:save'].response.parse(await api.invoke('file:save', { suggestedName, kind, bytes: new Uint8Array(bytes) }));
    },
    onFileOpened: (listener) => on('file:opened', listener),
    onOpenFailed: (listener) => on('file:open-failed', listener),
    onMenuCommand: (listener) => on('menu:command', listener),
    showDisabledCommands(commands) {
      // Only the menu's look depends on it: a failure leaves items enabled, and the page still refuses them.
      api.invoke('menu:disabled', [...commands]).catch((error: unknown) => console.warn('Could not update the menu:', error));
    },
    async syncConnection(projectId) {
      return RendererToMain['sync:connection'].response.parse(await api.invoke('sync:connection', projectId));
    },
    async host(projectId, port) {
      return RendererToMain['sync:host'].response.parse(await api.invoke('sync:host', projectId, port));
    },
    async stopHosting(projectId) {
      return RendererToMain['sync:stop-hosting'].response.parse(await api.invoke('sync:stop-hosting', projectId));
    },
    async listTokens(projectId) {
      return RendererToMain['sync:tokens:list'].response.parse(await api.invoke('sync:tokens:list', projectId));
    },
    async issueToken(projectId, role, label) {
      return RendererToMain['sync:tokens:issue'].response.parse(await api.invoke('sync:tokens:issue', projectId, role, label));
    },
    async revokeToken(projectId, id) {
      await api.invoke('sync:tokens:revoke', projectId, id);
    },
  };
}
