// Entry point of the Electron main process: takes the single-instance lock, registers
// the app:// scheme, guards every webContents, and starts the services (files, IPC,
// menu, window, command line) in order; disposes them in reverse order on quit. All
// logic lives in the service folders; this file only connects them to Electron.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session, shell } from 'electron';
import { CliArgsService } from './cli-args/cli-args-service';
import { openExternalLink } from './external/external-links';
import { CruxFileStore } from '../../server/project-file';
import { FilesService } from './files/files-service';
import { RecentFiles } from './files/recent-files';
import { IpcService } from './ipc/ipc-service';
import { RendererEvents } from './ipc/renderer-events';
import { MenuService } from './menu/menu-service';
import { ProjectService } from './projects/project-service';
import { consoleLogger, type Service } from './service';
import { APP_ORIGIN, APP_SCHEME, isAppUrl, resolveAppLocation } from './window/app-location';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './window/app-protocol';
import { guardContents } from './window/navigation-policy';
import { secureSession } from './window/session-security';
import { rendererOverHttp } from './sync/renderer-over-http';
import { embeddedStore, SyncService, syncHandlers } from './sync/sync-service';
import { disposeOnQuit } from './shutdown';
import { WindowService } from './window/window-service';

const log = consoleLogger();

/** Opens a link in the OS after the scheme check; a refusal is only logged (no page asked). */
function openExternalQuietly(url: string): void {
  openExternalLink(shell, url).catch((error: unknown) => log.warn(String(error instanceof Error ? error.message : error)));
}

function main(): void {
  const location = resolveAppLocation(process.env['ELECTRON_RENDERER_URL'], app.isPackaged);
  const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

  // Before `ready`: the scheme must be privileged before the first page exists.
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

  app.on('web-contents-created', (_event, contents) => guardContents(contents, { openLinkOutside: openExternalQuietly, log }));

  const events = new RendererEvents(log);
  const recent = new RecentFiles(join(app.getPath('userData'), 'recent-files.json'), log);
  const windows = new WindowService({
    BrowserWindow,
    preloadPath,
    location,
    log,
    onLoaded: (contents) => events.attach(contents),
    onClosed: (contents) => events.detach(contents),
  });
  // The open project's .crux file: the embedded server's store (DESIGN.md §5).
  const projectFiles = new CruxFileStore();
  let sync: SyncService | null = null;
  /** The Save dialog, as a sheet of the main window when there is one. */
  const showSaveDialog = (options: Electron.SaveDialogOptions) => {
    const parent = windows.mainWindow();
    return parent instanceof BrowserWindow ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
  };
  const projects = new ProjectService({
    store: projectFiles,
    documentsDir: app.getPath('documents'),
    showSaveDialog,
    recent,
    recentDocuments: app,
    events,
    beforeRelease: (id) => sync?.closeProject(id) ?? Promise.resolve(),
    onDidChange: (project) => {
      const window = windows.mainWindow();
      if (window instanceof BrowserWindow) window.setRepresentedFilename(project?.path ?? '');
    },
    log,
  });
  const files = new FilesService({
    showOpenDialog: (options) => {
      const parent = windows.mainWindow();
      return parent instanceof BrowserWindow ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
    },
    showSaveDialog,
    recent,
    recentDocuments: app,
    events,
    openProject: (path) => projects.openAndNotify(path),
    log,
  });
  // The app's page, and in development the dev server's, may reach the embedded server.
  const devOrigin = process.env['ELECTRON_RENDERER_URL'] ? new URL(process.env['ELECTRON_RENDERER_URL']).origin : null;
  sync = new SyncService({
    store: embeddedStore(projectFiles),
    appOrigins: devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN],
    serveRenderer: rendererOverHttp(rendererDir, log),
    log,
  });
  const menu = new MenuService({
    setApplicationMenu: (template) => Menu.setApplicationMenu(Menu.buildFromTemplate(template)),
    recent,
    platform: process.platform,
    isDev: !app.isPackaged,
    sendCommand: (command) => events.send('menu:command', command),
    openRecent: (path) => void files.openAndNotify(path),
    clearRecent: () => void files.clearRecent(),
    newProject: () => void projects.newAndNotify(),
    saveAs: () => void projects.saveAsAndNotify(),
  });
  const ipc = new IpcService({
    ipcMain,
    handlers: {
      ...files.handlers(),
      'shell:open-external': (url) => openExternalLink(shell, url),
      ...projects.handlers(),
      ...syncHandlers(sync),
      ...menu.handlers(),
    },
    trusted: { isAppUrl: (url) => isAppUrl(location, url), ownsContents: (id) => windows.ownsContents(id) },
    log,
  });
  // Started before `ready`: macOS may hand over a file (`open-file`) that early.
  const cli = new CliArgsService({
    app,
    argv: process.argv,
    defaultApp: process.defaultApp === true,
    cwd: process.cwd(),
    openFile: (path) => files.openAndNotify(path),
    focusWindow: () => {
      if (app.isReady()) windows.focus();
    },
    log,
  });
  cli.start();

  const started: Service[] = [cli];
  app
    .whenReady()
    .then(async () => {
      secureSession(session.defaultSession, location, log);
      protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, log));
      // Projects before sync: disposed after it, so the server stops before the file closes.
      for (const service of [files, projects, sync, ipc, menu, windows]) {
        await service.start();
        started.push(service);
      }
    })
    .catch((error: unknown) => {
      log.error(`Crux could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      app.exit(1);
    });

  app.on('activate', () => {
    if (app.isReady() && started.includes(windows)) windows.open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  disposeOnQuit(app, started, log);
}

// A second launch hands its command line to the running instance (`second-instance`) and exits.
if (app.requestSingleInstanceLock()) {
  main();
} else {
  app.quit();
}
