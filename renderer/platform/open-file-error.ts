// The error a platform throws when it cannot read a file the user chose, carrying the
// file's name so the message can say which file it was.

/** A file that could not be read; `message` is meant for the user. */
export class OpenFileError extends Error {
  override readonly name = 'OpenFileError';
  /** `fileName`: the name of the file, as the user knows it. */
  constructor(
    readonly fileName: string,
    message: string,
  ) {
    super(message);
  }
}
