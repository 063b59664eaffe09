export {
  ACTOR_HEADER,
  type Actor,
  MAX_ACTOR_ASSERTION_TTL_MS,
  signActorAssertion,
  verifyActorAssertion,
} from './admin/actor-assertion.js';
export { type AdminAccess, assertAdminAccess, type CallerWith } from './admin/admin-access.js';
export type { AdminCaller, AdminPrincipal, AdminRole } from './admin/admin-caller.js';
export type {
  AdminPathParameter,
  AdminRouteInput,
  AdminRouteSpec,
  RegisteredAdminRoute,
} from './admin/admin-route.js';
export { type AuditActor, auditActorOf } from './admin/audit-actor-of.js';
export { buildOpenapi, type OpenapiOptions } from './admin/build-openapi.js';
export {
  type AdminAuthenticatorOptions,
  type AuthenticateAdmin,
  createAdminAuthenticator,
  type LiveAdminKey,
} from './admin/create-admin-authenticator.js';
export { type AdminRouter, createAdminRouter } from './admin/create-admin-router.js';
export { decodePageCursor, encodePageCursor, type PageCursor } from './admin/page-cursor.js';
export { parseAdminInput } from './admin/parse-admin-input.js';
export { StreamedFile } from './admin/streamed-file.js';
export { toPage } from './admin/to-page.js';
export { ApiError, type ApiErrorOptions, type ApiErrorType, apiErrors } from './api-error.js';
export { clientRequestIdOf } from './client-request-id-of.js';
export {
  createServiceApp,
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_HEADERS_TIMEOUT_MS,
  type ServiceAppOptions,
} from './create-service-app.js';
export { toCsvCell, toCsvRow } from './csv/to-csv-cell.js';
export { wantsCsv } from './csv/wants-csv.js';
export { handleShutdown, type ShutdownOptions } from './handle-shutdown.js';
export { newRequestId } from './new-request-id.js';
export { parseBody } from './parse-body.js';
export {
  asApiError,
  type ErrorFormat,
  errorBodyOf,
  registerErrorHandler,
  sendApiError,
} from './register-error-handler.js';
export { type Readiness, registerHealth } from './register-health.js';
export { MAX_JSON_DEPTH } from './register-json-parser.js';
export { registerMetrics } from './register-metrics.js';
export { registerTracing } from './register-tracing.js';
export type { ServiceApp } from './service-app.js';
