// Structured logging for the sync server: one JSON object per event, one line each,
// so operators can grep and ship them, and tests can capture and assert on them.

/** How serious an event is. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One logged event. `msg` says what happened; the other fields say to what and why. */
export interface LogEntry {
  level: LogLevel;
  msg: string;
  /** The document concerned, if any. */
  doc?: string;
  /** The connection concerned (the server's own id for the socket, not a secret). */
  client?: string;
  /** Why something was refused or failed. */
  reason?: string;
  /** Further detail: numbers, ids, addresses. Never token secrets. */
  [field: string]: unknown;
}

/** Where the server sends its events. */
export interface Logger {
  log(entry: LogEntry): void;
}

/** A logger that writes each event as one JSON line (with a timestamp) to `write`. */
export function jsonLineLogger(write: (line: string) => void, minLevel: LogLevel = 'info'): Logger {
  const threshold = LEVELS.indexOf(minLevel);
  return {
    log(entry) {
      if (LEVELS.indexOf(entry.level) < threshold) return;
      write(JSON.stringify({ time: new Date().toISOString(), ...entry }) + '\n');
    },
  };
}

/** A logger that drops everything (for embedders that log elsewhere). */
export const silentLogger: Logger = { log() {} };

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];
