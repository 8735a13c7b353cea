// The version of Crux that is running, as recorded in the project files it creates.
import packageJson from '../../package.json' with { type: 'json' };

/** This package's version (package.json). */
export const APP_VERSION: string = packageJson.version;
