// The verbs of the `crux` command. Each lives in its own file; add new ones here.
import type { CliIo } from '../main';
import { convert } from './convert';
import { exportCommand } from './export';
import { importCommand } from './import';
import { outline } from './outline';
import { serve } from './serve';

/** One verb of the CLI. */
export interface Command {
  /** Argument synopsis for the usage text. */
  args: string;
  /** One line on what it does. */
  summary: string;
  /** Runs the verb; resolves to the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Every verb, by name. */
export const commands: Record<string, Command> = { outline, convert, import: importCommand, export: exportCommand, serve };
