import {
  alertDeliveryPageSchema,
  alertWebhookJsonSchema,
  alertWebhookPageSchema,
  auditEntryJsonSchema,
  auditPageSchema,
  credentialUsageListJsonSchema,
  deletedJsonSchema,
  keyJsonSchema,
  keyPageSchema,
  keyWithSecretJsonSchema,
  requestLogDetailJsonSchema,
  requestLogEntryJsonSchema,
  requestLogPageSchema,
  teamJsonSchema,
  teamPageSchema,
  usageEventJsonSchema,
  usageEventPageSchema,
  usageSummaryJsonSchema,
} from '@switchyard/contracts';
import { buildOpenapi, type RegisteredAdminRoute } from '@switchyard/service-kit';

/** The OpenAPI 3.1 document of accounting's admin API, generated from its registered routes. */
export function buildAccountingOpenapi(
  routes: readonly RegisteredAdminRoute[],
): Record<string, unknown> {
  return buildOpenapi({
    title: 'Switchyard accounting admin API',
    routes,
    components: {
      Team: teamJsonSchema,
      TeamList: teamPageSchema,
      Key: keyJsonSchema,
      KeyWithSecret: keyWithSecretJsonSchema,
      KeyList: keyPageSchema,
      UsageEvent: usageEventJsonSchema,
      UsageEventList: usageEventPageSchema,
      RequestLogEntry: requestLogEntryJsonSchema,
      RequestLogList: requestLogPageSchema,
      RequestLogEntryWithBodies: requestLogDetailJsonSchema,
      CredentialUsageList: credentialUsageListJsonSchema,
      UsageSummary: usageSummaryJsonSchema,
      AuditEntry: auditEntryJsonSchema,
      AuditList: auditPageSchema,
      AlertWebhook: alertWebhookJsonSchema,
      AlertWebhookList: alertWebhookPageSchema,
      AlertDeliveryList: alertDeliveryPageSchema,
      Deleted: deletedJsonSchema,
    },
    errors: {
      '400': 'Malformed request; `error.param` names the field.',
      '401': 'Missing or invalid API key.',
      '403': 'The key may not do this (`insufficient_role`, `forbidden_team`).',
      '404': 'No such team, key, usage event or request.',
    },
  });
}
