import type { RequestBodiesRow } from '@switchyard/db';
import type { FoundUsageEvent } from '../usage-api/find-usage-events.js';
import { toUsageEventJson } from '../usage-api/to-usage-event-json.js';

/** A request log entry: the usage event as the usage API shows it, and whether bodies exist. */
export function toRequestLogEntryJson({ has_bodies: hasBodies, ...row }: FoundUsageEvent) {
  return { ...toUsageEventJson(row), has_bodies: hasBodies };
}

/** A request's logged bodies as the admin API shows them: text as the gateway stored it. */
export function toRequestBodiesJson(
  bodies: Pick<
    RequestBodiesRow,
    'request_body' | 'request_truncated' | 'response_body' | 'response_truncated'
  >,
) {
  return {
    request: bodies.request_body,
    request_truncated: bodies.request_truncated,
    response: bodies.response_body,
    response_truncated: bodies.response_truncated,
  };
}
