// Flag parsing shared by every `crux` verb: node:util parseArgs, with its errors turned
// into UsageErrors that carry the verb's usage text, so main() prints both and exits 2.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** A bad flag, a missing argument or a bad value; the message names it. */
export class UsageError extends Error {
  /** The verb's usage text, printed after the message. */
  readonly usage: string;
  constructor(message: string, usage = '', options?: ErrorOptions) {
    super(message, options);
    this.usage = usage;
  }
}

/**
 * Parses a verb's arguments strictly (unknown flags and missing values are usage errors)
 * and adds `--help`/`-h`. Throws a UsageError carrying `usage` on bad input.
 */
export function parseVerbArgs<const O extends ParseArgsOptionsConfig>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } } as O & HelpOption, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(plain((error as Error).message), usage, { cause: error });
  }
}

/** The option every verb gets. */
type HelpOption = { help: { type: 'boolean'; short: 'h' } };

/** Exactly `count` positional arguments named by `names`, or a UsageError. */
export function positionals(given: string[], names: string[], usage: string): string[] {
  if (given.length < names.length) throw new UsageError(`missing ${names[given.length]}`, usage);
  if (given.length > names.length) throw new UsageError(`unexpected argument '${given[names.length]}'`, usage);
  return given;
}

// parseArgs adds advice on '--' to its unknown-option message; the usage text below it is
// the better guide.
function plain(message: string): string {
  return message.replace(/\. To specify a positional argument.*$/s, '');
}
