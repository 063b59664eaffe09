import { expect } from 'vitest';
import type { Standalone } from './start-standalone.js';

/** A request's entry in the request log (`GET /admin/v1/requests`). */
export interface LogEntry {
  request_id: string;
  key_id: string | null;
  model: string;
  status: number;
  error_code: string | null;
  error_message: string | null;
  prompt_tokens: number;
  completion_tokens: number;
  usage_source: string;
  cost_usd: string | null;
  cost_source: string | null;
  has_bodies: boolean;
}

/** One entry with its bodies (`GET /admin/v1/requests/:id`). */
export interface LogDetail extends LogEntry {
  bodies: {
    request: string;
    request_truncated: boolean;
    response: string | null;
    response_truncated: boolean;
  } | null;
}

/** The standalone's admin API with its printed master key, and its request log. */
export interface RequestLogAdmin {
  admin<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** The request's log entry with bodies, once accounting has stored it. */
  findLogged(requestId: string | null): Promise<LogDetail>;
  /** A key of a new team, logging its bodies or not. */
  createKey(name: string, logBodies: boolean): Promise<{ id: string; secret: string }>;
}

export function requestLogAdmin(standalone: Standalone): RequestLogAdmin {
  const admin = async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${standalone.origin}/admin/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${standalone.printedKey ?? ''}`,
        'content-type': 'application/json',
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  return {
    admin,
    async findLogged(requestId) {
      let detail: { status: number; body: LogDetail } | undefined;
      await expect
        .poll(
          async () => {
            detail = await admin<LogDetail>('GET', `/requests/${requestId}`);
            return detail.status;
          },
          { timeout: 10_000 },
        )
        .toBe(200);
      if (detail === undefined) throw new Error('unreachable');
      return detail.body;
    },
    async createKey(name, logBodies) {
      const team = await admin<{ id: string }>('POST', '/teams', { name: `${name}-team` });
      const key = await admin<{ id: string; secret: string }>('POST', '/keys', {
        name,
        team_id: team.body.id,
        ...(logBodies && { log_bodies: true }),
      });
      return key.body;
    },
  };
}
