import { randomUUID } from 'node:crypto';
import type { UsageStreams } from '../usage/usage-streams.js';

/** Stream and subject names unique to one test, so parallel test files never share a stream. */
export function uniqueUsageStreams(): UsageStreams & { subject(statusClass: string): string } {
  const id = randomUUID().replaceAll('-', '').slice(0, 10);
  return {
    usage: { name: `USAGE_T${id}`, subjects: `t${id}.usage.v1.>` },
    deadLetter: {
      name: `USAGE_DEADLETTER_T${id}`,
      subjects: `t${id}.usage.deadletter.>`,
      subject: `t${id}.usage.deadletter.v1`,
    },
    subject: (statusClass) => `t${id}.usage.v1.${statusClass}`,
  };
}
