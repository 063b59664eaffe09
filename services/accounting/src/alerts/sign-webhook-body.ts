import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header a spend-alert webhook's signature travels in. */
export const SIGNATURE_HEADER = 'x-switchyard-signature';

/**
 * The signature header's value for `body` sent at `timestampSeconds`: `t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<body>" keyed with the webhook's secret>`. The timestamp is signed too, so
 * a receiver that refuses old timestamps cannot be replayed to.
 */
export function signWebhookBody(secret: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${mac}`;
}

/**
 * A receiver's check of {@link signWebhookBody}'s header (the snippet docs/operations.md shows):
 * true when a `v1` signature matches and the timestamp is within `toleranceSeconds` of `nowSeconds`.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map<string, string[]>();
  for (const item of header.split(',')) {
    const [name, value] = item.split('=', 2);
    if (name === undefined || value === undefined) continue;
    parts.set(name.trim(), [...(parts.get(name.trim()) ?? []), value.trim()]);
  }
  const timestamp = Number(parts.get('t')?.[0]);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
    return false;
  }
  const expected = Buffer.from(
    createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex'),
  );
  return (parts.get('v1') ?? []).some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
