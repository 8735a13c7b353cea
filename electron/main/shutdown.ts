// Quitting: Electron does not wait for promises returned from `will-quit`, so the first
// `will-quit` is held until every service has disposed (the sync server has written its
// documents, the project files are closed), then the app quits for real.
import type { Logger, Service } from './service';

/** The part of Electron's `app` that quitting needs (a plain type, testable in Node). */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * On `will-quit`, disposes `started` in reverse order, one after another, and quits once
 * they are done. A service whose dispose fails is logged; the others still dispose.
 */
export function disposeOnQuit(app: QuittingApp, started: Service[], log: Logger): void {
  let state: 'running' | 'disposing' | 'done' = 'running';
  app.on('will-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'disposing') return;
    state = 'disposing';
    void disposeAll(started.splice(0).reverse(), log).then(() => {
      state = 'done';
      app.quit();
    });
  });
}

/** Disposes `services` in the given order, waiting for each; logs failures and goes on. */
export async function disposeAll(services: readonly Service[], log: Logger): Promise<void> {
  for (const service of services) {
    try {
      await service.dispose();
    } catch (error) {
      log.error(`A service failed to stop: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
