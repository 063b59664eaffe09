import type { AlertWebhookJson } from '@switchyard/contracts';
import type { AlertWebhook } from '@switchyard/db';

/**
 * The response form of a webhook: never its secret, and its URL cut to the origin (a Slack
 * incoming-webhook URL is itself a secret, its path the credential).
 */
export function toAlertWebhookJson(webhook: AlertWebhook): AlertWebhookJson {
  const url = new URL(webhook.url);
  return {
    id: webhook.id,
    object: 'alert_webhook',
    team_id: webhook.team_id,
    name: webhook.name,
    url: url.pathname === '/' && url.search === '' ? url.origin : `${url.origin}/…`,
    format: webhook.format,
    enabled: webhook.enabled,
    created_at: webhook.created_at.toISOString(),
    updated_at: webhook.updated_at.toISOString(),
  };
}
