// How a main-process error reads once it crossed IPC. Electron rejects an invoke with
// `Error invoking remote method '<channel>': ${error.toString()}`, and toString() puts
// the error's class name in front of the message; the user should see only the message.
// The preload strips it; views strip it again for errors that reach them another way.

const REMOTE_ERROR = /^Error invoking remote method '[^']*': (?:\w*(?:Error|Rejection): )?/;

/** The main process's own message from an `ipcRenderer.invoke` rejection (or any error). */
export function mainErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(REMOTE_ERROR, '');
}

/**
 * An error whose message is meant for the user as it is, with a machine-readable `code`.
 * `name` is passed in, not taken from the class, as bundlers may rename classes.
 */
export class CodedError<C extends string> extends Error {
  /** Machine-readable reason. */
  readonly code: C;
  constructor(name: string, code: C, message: string) {
    super(message);
    this.name = name;
    this.code = code;
  }
}
