export {
  buildConsoleApp,
  type ConsoleApp,
  type ConsoleAppOptions,
  type ConsoleOverrides,
} from './app.js';
export { type ConsoleConfig, loadConsoleConfig } from './config.js';
export type {
  ConsoleUpstream,
  UpstreamRequest,
  UpstreamResponse,
  UpstreamTarget,
} from './proxy/console-upstream.js';
export { createHttpUpstream, type HttpUpstreamOptions } from './proxy/create-http-upstream.js';
export { createInjectUpstream } from './proxy/create-inject-upstream.js';
export { type ConsoleOptions, registerConsole } from './register-console.js';
export { createSessionStore, type SessionStore } from './session/session-store.js';
export { type StartConsoleOptions, startConsole } from './start-console.js';
