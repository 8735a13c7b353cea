// Crux project files (`.crux`): open, write, check, version and recover them.
export { CruxFile } from './crux-file';
export { checkAppendEntry } from './validate';
// Every type of the file's API (AppendEntry, CruxFileMeta, OpenOptions, VersionInfo, …).
export type * from './types';
export { Autosave, type AutosaveOptions } from './autosave';
export { recoverCruxFile, type RecoveryReport } from './recover';
export { CruxFileError, recoveredName, type CruxFileErrorCode, type LockHolder } from './errors';
export { APPLICATION_ID, FORMAT_VERSION } from './format';
export { CruxFileStore, type CruxFileStoreOptions, type OpenProject } from './crux-file-store';
