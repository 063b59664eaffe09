export { buildGatewayApp, type GatewayApp, type GatewayOverrides } from './app.js';
export { applyServingV8Flags } from './apply-serving-v8-flags.js';
export { MASTER_PRINCIPAL, type Principal, type Role } from './auth/principal.js';
export type { GatewayStores } from './build-access.js';
export {
  type GatewayAccessConfig,
  type GatewayConfig,
  loadAccessConfig,
  loadGatewayConfig,
  requireMasterKey,
} from './config.js';
export { type StartGatewayOptions, startGateway } from './start-gateway.js';
export { createPublishingUsageRecorder } from './usage/create-publishing-usage-recorder.js';
export { toUsageEvent } from './usage/to-usage-event.js';
export { USAGE_PUBLISHING } from './usage/usage-publishing.js';
export type { RequestOutcome, UsageRecorder } from './usage/usage-recorder.js';
