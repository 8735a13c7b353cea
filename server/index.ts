// The Crux sync server's public surface: start a server, reach its stores and tokens.
export { createCruxServer, type CruxServer } from './create-server';
export { DEFAULT_LIMITS, type CruxServerOptions } from './options';
export { jsonLineLogger, silentLogger, type LogEntry, type LogLevel, type Logger } from './log';
export type { GateLimits } from './net/socket-gate';
export { openStore, type StoreConfig } from './store/open';
export type { DocStore, StoredToken } from './store/types';
export { TokenError, TokenService, hashToken, type Grant, type IssuedToken, type TokenInfo } from './tokens/token-service';
