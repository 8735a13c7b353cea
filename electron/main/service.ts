// What every main-process service looks like (VS Code style): started once, disposed
// once when the app quits; and the logger services report to. Plain types, so services
// can be tested in Node without Electron.

/** A main-process service: `start` registers what it needs, `dispose` undoes it. */
export interface Service {
  /** Registers handlers and listeners, loads state, opens windows. */
  start(): void | Promise<void>;
  /** Removes everything `start` registered; calling it twice is harmless. */
  dispose(): void | Promise<void>;
}

/** Where services report what a developer may need to know (the console in the app). */
export interface Logger {
  /** Something normal worth knowing when reading a log. */
  info(message: string): void;
  /** Something went wrong but the app carried on. */
  warn(message: string): void;
  /** Something failed. */
  error(message: string): void;
}

/** A logger that writes to the console with a `[crux]` prefix. */
export function consoleLogger(): Logger {
  return {
    info: (message) => console.info(`[crux] ${message}`),
    warn: (message) => console.warn(`[crux] ${message}`),
    error: (message) => console.error(`[crux] ${message}`),
  };
}
