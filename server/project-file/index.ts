// Crux project files (`.crux`): open, write, check, version and recover them.
export { CruxFile, checkAppendEntry } from './crux-file';
export type {
  AppendEntry,
  CompactionResult,
  CruxFileMeta,
  FileStats,
  OpenOptions,
  OriginalFile,
  ProjectDetails,
  VersionInfo,
} from './crux-file';
export { Autosave, type AutosaveOptions } from './autosave';
export { recoverCruxFile, type RecoveryReport } from './recover';
export { CruxFileError, recoveredName, type CruxFileErrorCode, type LockHolder } from './errors';
export { APPLICATION_ID, FORMAT_VERSION } from './format';
