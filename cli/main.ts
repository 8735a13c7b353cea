// Entry of the `crux` command line: parses the verb and hands the rest to its command.
import { UsageError } from './args';
import { commands } from './commands';

/** Usage text printed by `crux --help` and on a bad call. */
export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  crux ${name} ${c.args}`.padEnd(44) + c.summary);
  return ['Usage:', ...lines, '', 'Run `crux VERB --help` for a verb\'s options.'].join('\n');
}

/** Runs the CLI with the given arguments; resolves to the process exit code. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [verb, ...rest] = argv;
  if (!verb || verb === '--help' || verb === '-h' || verb === 'help') {
    io.out(usage() + '\n');
    return verb ? 0 : 2;
  }
  const command = commands[verb];
  if (!command) {
    io.err(`crux: unknown command '${verb}'\n\n${usage()}\n`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`crux ${verb}: ${error.message}\n\n${error.usage}`);
      return 2;
    }
    io.err(`crux ${verb}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** Where a command writes: stdout and stderr, swappable in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};
