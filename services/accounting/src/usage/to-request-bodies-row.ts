import type { UsageEventV1 } from '@switchyard/contracts';
import type { NewRequestBodiesRow } from '@switchyard/db';
import { replaceNul } from './replace-nul.js';

/**
 * The request log row of a usage event, or undefined when the event carries no bodies (body
 * logging is off for its key). The gateway capped and redacted them already.
 */
export function toRequestBodiesRow(event: UsageEventV1): NewRequestBodiesRow | undefined {
  if (event.bodies === undefined) return undefined;
  return {
    request_id: event.request_id,
    finished_at: event.finished_at,
    request_body: replaceNul(event.bodies.request),
    request_truncated: event.bodies.request_truncated,
    response_body: event.bodies.response === null ? null : replaceNul(event.bodies.response),
    response_truncated: event.bodies.response_truncated,
  };
}
