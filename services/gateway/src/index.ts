export { buildGatewayApp, type GatewayApp, type GatewayOverrides } from './app.js';
export type { Principal, Role } from './auth/principal.js';
export {
  type GatewayAccessConfig,
  type GatewayConfig,
  loadAccessConfig,
  loadGatewayConfig,
  requireMasterKey,
} from './config.js';
export type { RequestOutcome, UsageRecorder } from './usage/usage-recorder.js';
