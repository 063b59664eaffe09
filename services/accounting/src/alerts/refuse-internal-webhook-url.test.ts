import { ApiError } from '@switchyard/service-kit';
import { describe, expect, it } from 'vitest';
import { refuseInternalWebhookUrl } from './refuse-internal-webhook-url.js';

const refusal = (url: string) => {
  try {
    refuseInternalWebhookUrl(url);
    return undefined;
  } catch (error: unknown) {
    return error instanceof ApiError ? [error.status, error.param] : error;
  }
};

describe('refuseInternalWebhookUrl', () => {
  it('lets https to public hosts through', () => {
    for (const url of [
      'https://hooks.slack.com/services/T0/B0/X',
      'https://alerts.example.com:8443/switchyard',
      'https://93.184.216.34/hook',
      'https://[2606:4700::1111]/hook',
    ]) {
      expect(refusal(url), url).toBeUndefined();
    }
  });

  it('refuses plain http, and loopback, private, link-local and metadata addresses', () => {
    for (const url of [
      'http://hooks.example.com/x',
      'https://127.0.0.1/x',
      'https://127.1/x',
      'https://2130706433/x',
      'https://10.1.2.3/x',
      'https://172.20.0.5/x',
      'https://192.168.1.1/x',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/x',
      'https://0.0.0.0/x',
      'https://[::1]/x',
      'https://[::ffff:127.0.0.1]/x',
      'https://[fd00::1]/x',
      'https://[fe80::1]/x',
      'https://localhost/x',
      'https://api.localhost/x',
      'https://metadata.google.internal/x',
      'https://printer.local/x',
    ]) {
      expect(refusal(url), url).toEqual([400, 'url']);
    }
  });
});
