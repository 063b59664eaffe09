import { setImmediate as nextTurn } from 'node:timers/promises';
import { type Link, SpanStatusCode, trace } from '@opentelemetry/api';
import { type Bus, type BusMessage, extractTraceContext } from '@switchyard/bus';
import type { NewRequestBodiesRow, NewUsageEventRow, Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { deadLetterUsageMessage } from './dead-letter-usage-message.js';
import { insertUsageEvents } from './insert-usage-events.js';
import { isRowDataError } from './is-row-data-error.js';
import { parseUsageMessage } from './parse-usage-message.js';
import { splitBySize } from './split-by-size.js';
import { toRequestBodiesRow } from './to-request-bodies-row.js';
import { toUsageEventRow } from './to-usage-event-row.js';
import { touchKeysLastUsed } from './touch-keys-last-used.js';
import type { DeadLetterReason, UsageConsumerMetrics } from './usage-consumer-metrics.js';

/** What a batch handler needs. */
export interface UsageBatchContext {
  bus: Pick<Bus, 'publish'>;
  db: Kysely<Tables>;
  logger: Logger;
  metrics: UsageConsumerMetrics;
  deadLetterSubject: string;
  /** Pause before a message the database refused comes back: doubles per delivery, capped. */
  retryDelayMs: { initialMs: number; maxMs: number };
  /** Told of the rows of each batch once written (spend alerts check their budgets); never throws. */
  onWritten?: (rows: readonly NewUsageEventRow[]) => Promise<void>;
}

interface Parsed {
  message: BusMessage;
  row: NewUsageEventRow;
  /** The request log row, when body logging was on for the key. */
  bodies: NewRequestBodiesRow | undefined;
}

/**
 * Most body characters written by one statement. Bodies are capped per request (64 KiB by
 * default, 256 KiB at most), so a batch of 2,000 could otherwise approach Postgres' 1 GiB message
 * limit; a batch over this is written as several statements, each acked after its commit.
 */
const MAX_BODY_CHARS_PER_STATEMENT = 16 * 1_048_576;

/**
 * Messages parsed between two turns of the event loop. Parsing a batch of 500 at once held the
 * loop for ~10 ms; in the standalone the gateway serves requests on that loop (its event-loop
 * max at chat c1: 17–24 ms before, 15–19 ms with a pause every 100).
 */
const PARSED_PER_TURN = 100;

/**
 * Looked up at each use, not at import: the OpenTelemetry SDK (CommonJS) registers its provider
 * on its own copy of the API, and a tracer taken from this ESM copy before that would stay a
 * no-op for good.
 */
const tracer = () => trace.getTracer('switchyard-accounting');

/**
 * Handles one batch: messages that are not usage event v1 are dead-lettered at once (retrying
 * cannot fix them); the rest are written in one statement (several when their logged bodies are
 * large) and acked only after it committed.
 * A refused write naks with a growing delay; on a message's last delivery it is dead-lettered
 * instead, so nothing is silently lost. Never throws for one message's sake.
 */
export async function handleUsageBatch(
  context: UsageBatchContext,
  batch: readonly BusMessage[],
): Promise<void> {
  const parsed: Parsed[] = [];
  for (const [index, message] of batch.entries()) {
    if (index > 0 && index % PARSED_PER_TURN === 0) await nextTurn();
    const result = parseUsageMessage(message.data);
    if (result.ok) {
      parsed.push({
        message,
        row: toUsageEventRow(result.event),
        bodies: toRequestBodiesRow(result.event),
      });
    } else await deadLetter(context, message, result.reason, result.detail);
  }
  if (parsed.length === 0) return;
  await tracer().startActiveSpan(
    'usage.write',
    { links: traceLinks(parsed), attributes: { 'messaging.batch.message_count': parsed.length } },
    parentContext(parsed),
    async (span) => {
      try {
        for (const run of splitBySize(parsed, bodyChars, MAX_BODY_CHARS_PER_STATEMENT)) {
          await writeBatch(context, run);
        }
        await touchKeys(context, parsed);
        await context.onWritten?.(parsed.map((item) => item.row));
      } catch (error: unknown) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

async function writeBatch(context: UsageBatchContext, parsed: readonly Parsed[]): Promise<void> {
  try {
    acknowledge(context, parsed, await insert(context, parsed));
  } catch (error: unknown) {
    context.metrics.insertFailures.inc();
    if (!isRowDataError(error) || parsed.length === 1) {
      context.logger.warn(
        { err: error, messages: parsed.length },
        'usage batch write failed; the messages will be redelivered',
      );
      for (const item of parsed) await retryLater(context, item.message, error);
      return;
    }
    // Some row's data was refused: write one at a time so only the culprit is held back.
    for (const item of parsed) {
      try {
        acknowledge(context, [item], await insert(context, [item]));
      } catch (rowError: unknown) {
        context.metrics.insertFailures.inc();
        context.logger.warn(
          { err: rowError, requestId: item.row.request_id },
          'usage event refused by the database',
        );
        await retryLater(context, item.message, rowError);
      }
    }
  }
}

/** The keys' `last_used_at`, best effort: a failure is logged, never redelivers usage. */
async function touchKeys(context: UsageBatchContext, parsed: readonly Parsed[]): Promise<void> {
  try {
    await touchKeysLastUsed(
      context.db,
      parsed.map((item) => item.row),
    );
  } catch (error: unknown) {
    context.logger.warn({ err: error }, "keys' last_used_at not updated");
  }
}

function insert(context: UsageBatchContext, parsed: readonly Parsed[]): Promise<number> {
  return insertUsageEvents(
    context.db,
    parsed.map((item) => item.row),
    parsed.flatMap((item) => (item.bodies === undefined ? [] : [item.bodies])),
  );
}

function bodyChars({ bodies }: Parsed): number {
  return bodies === undefined
    ? 0
    : bodies.request_body.length + (bodies.response_body?.length ?? 0);
}

function acknowledge(context: UsageBatchContext, parsed: readonly Parsed[], inserted: number) {
  for (const item of parsed) item.message.ack();
  context.metrics.consumed.inc(parsed.length);
  context.metrics.inserted.inc(inserted);
}

async function retryLater(
  context: UsageBatchContext,
  message: BusMessage,
  error: unknown,
): Promise<void> {
  const lastDelivery = message.maxDeliver !== -1 && message.deliveryCount >= message.maxDeliver;
  if (lastDelivery) {
    await deadLetter(context, message, 'insert_failed', errorText(error));
    return;
  }
  const { initialMs, maxMs } = context.retryDelayMs;
  message.nak(Math.min(initialMs * 2 ** Math.min(message.deliveryCount - 1, 20), maxMs));
}

async function deadLetter(
  context: UsageBatchContext,
  message: BusMessage,
  reason: DeadLetterReason,
  detail: string,
): Promise<void> {
  try {
    await deadLetterUsageMessage(context.bus, context.deadLetterSubject, message, reason, detail);
  } catch (error: unknown) {
    const lastDelivery = message.maxDeliver !== -1 && message.deliveryCount >= message.maxDeliver;
    context.logger.error(
      { err: error, subject: message.subject, msgId: message.msgId, reason, lastDelivery },
      lastDelivery
        ? 'could not dead-letter a usage message on its last delivery; it is lost'
        : 'could not dead-letter a usage message; it will be redelivered',
    );
    if (lastDelivery) message.term();
    else message.nak(context.retryDelayMs.initialMs);
    return;
  }
  context.metrics.deadLettered.inc({ reason });
  context.logger.warn(
    { subject: message.subject, msgId: message.msgId, reason, detail },
    'usage message dead-lettered',
  );
  message.term();
}

function traceLinks(parsed: readonly Parsed[]): Link[] {
  const links: Link[] = [];
  for (const { message } of parsed) {
    const spanContext = trace.getSpanContext(extractTraceContext(message.headers));
    if (spanContext !== undefined) links.push({ context: spanContext });
  }
  return links;
}

/** A batch of one continues its request's trace; a larger batch links to each instead. */
function parentContext(parsed: readonly Parsed[]) {
  const only = parsed.length === 1 ? parsed[0] : undefined;
  return extractTraceContext(only === undefined ? {} : only.message.headers);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
