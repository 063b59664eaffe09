import {
  USAGE_DEADLETTER_STREAM,
  USAGE_DEADLETTER_SUBJECT,
  USAGE_DEADLETTER_SUBJECTS,
  USAGE_STREAM,
  USAGE_SUBJECTS,
} from '@switchyard/bus';

/** The streams and subjects the usage consumer reads from and dead-letters to. */
export interface UsageStreams {
  usage: { name: string; subjects: string };
  deadLetter: { name: string; subjects: string; subject: string };
}

/** The production names (`USAGE`, `usage.v1.>`, `USAGE_DEADLETTER`, `usage.deadletter.v1`). */
export const DEFAULT_USAGE_STREAMS: UsageStreams = {
  usage: { name: USAGE_STREAM, subjects: USAGE_SUBJECTS },
  deadLetter: {
    name: USAGE_DEADLETTER_STREAM,
    subjects: USAGE_DEADLETTER_SUBJECTS,
    subject: USAGE_DEADLETTER_SUBJECT,
  },
};
