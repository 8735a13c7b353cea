// A logger that keeps every event in memory, so tests can assert on what the server said.
import type { LogEntry, Logger } from '../log';
import { waitFor } from './wait';

/** Collects log entries; `find` and `waitFor` look them up by fields. */
export class MemoryLogger implements Logger {
  readonly entries: LogEntry[] = [];

  log(entry: LogEntry): void {
    this.entries.push(entry);
  }

  /** Entries whose fields include all of `match` (`reason` matches as a substring). */
  find(match: Partial<LogEntry>): LogEntry[] {
    return this.entries.filter((entry) =>
      Object.entries(match).every(([key, value]) =>
        key === 'reason' && typeof value === 'string' && typeof entry.reason === 'string'
          ? entry.reason.includes(value)
          : entry[key] === value,
      ),
    );
  }

  /** Resolves with the first entry matching `match`, waiting for it if needed. */
  async waitFor(match: Partial<LogEntry>, timeoutMs?: number): Promise<LogEntry> {
    await waitFor(() => this.find(match).length > 0, `a log entry ${JSON.stringify(match)}`, timeoutMs);
    return this.find(match)[0]!;
  }
}
