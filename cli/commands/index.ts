// The verbs of the `crux` command: what the usage text needs, and how to load each verb.
// Verbs load on demand so `crux outline` does not pay for the sync server's packages.
import type { CliIo } from '../main';

/** The code of one verb. */
export interface Command {
  /** Runs the verb; resolves to the exit code. Throws a UsageError on bad arguments. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** One verb as the usage text lists it. */
export interface Verb {
  /** Argument synopsis for the usage text. */
  args: string;
  /** One line on what it does. */
  summary: string;
  /** Loads the verb's code. */
  load(): Promise<Command>;
}

/** Every verb, by name. */
export const commands: Record<string, Verb> = {
  outline: {
    args: 'FILE',
    summary: 'print the structure of an imported file as JSON',
    load: async () => (await import('./outline')).outline,
  },
  convert: {
    args: 'FILE --to markdown',
    summary: 'import a file and print the cleaned text as Markdown',
    load: async () => (await import('./convert')).convert,
  },
  import: {
    args: 'ARTICLE -o P.crux | ANNOS.json --into P.crux',
    summary: 'make a project from an article, or add W3C annotations to one',
    load: async () => (await import('./import')).importCommand,
  },
  export: {
    args: 'PROJECT.crux --format F [-o OUT]',
    summary: 'export a project in an interchange format (crux export --help)',
    load: async () => (await import('./export')).exportCommand,
  },
  serve: {
    args: '[--port N] [--db FILE | --postgres URL] [--redis URL] …',
    summary: 'Run the sync server (crux serve --help for options)',
    load: async () => (await import('./serve')).serve,
  },
};
