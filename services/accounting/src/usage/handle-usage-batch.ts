import { setImmediate as nextTurn } from 'node:timers/promises';
import { type Link, SpanStatusCode, trace } from '@opentelemetry/api';
import { type Bus, type BusMessage, extractTraceContext } from '@switchyard/bus';
import type { UsageEventV1 } from '@switchyard/contracts';
import type { NewRequestBodiesRow, NewUsageEventRow, Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { type DeadLetterable, publishDeadLetter } from './dead-letter-usage-message.js';
import { insertUsageEvents } from './insert-usage-events.js';
import { isRowDataError } from './is-row-data-error.js';
import { parseUsageMessage, type ValidUsageItem } from './parse-usage-message.js';
import { splitBySize } from './split-by-size.js';
import { toRequestBodiesRow } from './to-request-bodies-row.js';
import { toUsageEventRow } from './to-usage-event-row.js';
import { touchKeysLastUsed } from './touch-keys-last-used.js';
import type { DeadLetterReason, UsageConsumerMetrics } from './usage-consumer-metrics.js';
import { type Delivery, hold, isLastDelivery, settleEvent } from './usage-delivery.js';

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
  delivery: Delivery;
  event: UsageEventV1;
  /** The event's trace context. */
  headers: Record<string, string>;
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
/** Most rows one statement writes (a pull of usage batches can hold 100,000 events). */
const MAX_ROWS_PER_STATEMENT = 2_000;

/**
 * Events parsed between two turns of the event loop. Parsing a batch of 500 at once held the
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
 * Handles one pull: messages (and events of a usage batch) that are not usage event v1 are
 * dead-lettered at once (retrying cannot fix them); the rest are written in one statement
 * (several when there are many or their logged bodies are large) and each message is acked only
 * once all its events committed. A refused write naks with a growing delay; on a message's last
 * delivery the refused event is dead-lettered instead, so nothing is silently lost. Never throws
 * for one message's sake.
 */
export async function handleUsageBatch(
  context: UsageBatchContext,
  batch: readonly BusMessage[],
): Promise<void> {
  const parsed: Parsed[] = [];
  const deliveries: Delivery[] = [];
  let sinceTurn = 0;
  for (const message of batch) {
    if (sinceTurn >= PARSED_PER_TURN) {
      await nextTurn();
      sinceTurn = 0;
    }
    const result = parseUsageMessage(message.data, message.headers);
    if (!result.ok) {
      await deadLetter(context, message, result.reason, result.detail);
      continue;
    }
    sinceTurn += result.items.length;
    const delivery: Delivery = {
      message,
      batch: result.batch,
      open: result.items.length,
      held: false,
      invalid: [],
    };
    deliveries.push(delivery);
    for (const item of result.items) {
      if (item.ok) parsed.push(parsedOf(delivery, item));
      else delivery.invalid.push(item);
    }
  }
  if (parsed.length > 0) await write(context, parsed);
  for (const delivery of deliveries) await deadLetterInvalid(context, delivery);
}

/** Writes the events (several statements when many or large), then the keys and alerts. */
async function write(context: UsageBatchContext, parsed: readonly Parsed[]): Promise<void> {
  await tracer().startActiveSpan(
    'usage.write',
    {
      links: traceLinks(parsed),
      attributes: {
        'messaging.batch.message_count': new Set(parsed.map((item) => item.delivery)).size,
        'switchyard.usage.event_count': parsed.length,
      },
    },
    parentContext(parsed),
    async (span) => {
      try {
        const runs = splitBySize(
          parsed,
          bodyChars,
          MAX_BODY_CHARS_PER_STATEMENT,
          MAX_ROWS_PER_STATEMENT,
        );
        for (const run of runs) {
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

function parsedOf(delivery: Delivery, item: ValidUsageItem): Parsed {
  return {
    delivery,
    event: item.event,
    headers: item.headers,
    row: toUsageEventRow(item.event),
    bodies: toRequestBodiesRow(item.event),
  };
}

async function writeBatch(context: UsageBatchContext, parsed: readonly Parsed[]): Promise<void> {
  try {
    acknowledge(context, parsed, await insert(context, parsed));
  } catch (error: unknown) {
    context.metrics.insertFailures.inc();
    if (!isRowDataError(error) || parsed.length === 1) {
      context.logger.warn(
        { err: error, events: parsed.length },
        'usage batch write failed; the messages will be redelivered',
      );
      for (const item of parsed) await retryLater(context, item, error);
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
        await retryLater(context, item, rowError);
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
  for (const item of parsed) settleEvent(item.delivery);
  context.metrics.consumed.inc(parsed.length);
  context.metrics.inserted.inc(inserted);
}

async function retryLater(context: UsageBatchContext, item: Parsed, error: unknown): Promise<void> {
  const { delivery } = item;
  const { message } = delivery;
  if (isLastDelivery(message)) {
    if (!delivery.batch) {
      await deadLetter(context, message, 'insert_failed', errorText(error));
      return;
    }
    // Only the refused event goes to the dead letters; the rest of its batch was written.
    const source: DeadLetterable = {
      subject: message.subject,
      data: encoder.encode(JSON.stringify(item.event)),
      headers: item.headers,
      msgId: item.event.request_id,
      deliveryCount: message.deliveryCount,
    };
    // Given up on either way: a failed dead-lettering is logged as a loss.
    await publishDeadLetter(context, source, true, 'insert_failed', errorText(error));
    settleEvent(delivery);
    return;
  }
  const { initialMs, maxMs } = context.retryDelayMs;
  hold(delivery, Math.min(initialMs * 2 ** Math.min(message.deliveryCount - 1, 20), maxMs));
}

/**
 * The invalid events of a usage batch go to the dead letters one by one, once the batch is not
 * coming again (its other events written, or its last delivery): dead-lettered on every
 * redelivery, they would be stored again past the stream's 2-minute duplicate window. Should a
 * publish fail, the whole batch comes again (its written events are no-ops then), but on its
 * last delivery, where the event is given up on.
 */
async function deadLetterInvalid(context: UsageBatchContext, delivery: Delivery): Promise<void> {
  const { message, invalid } = delivery;
  const lastDelivery = isLastDelivery(message);
  if (invalid.length === 0 || (delivery.held && !lastDelivery)) return;
  for (const item of invalid) {
    const source: DeadLetterable = {
      subject: message.subject,
      data: item.data,
      headers: item.headers,
      msgId: item.msgId,
      deliveryCount: message.deliveryCount,
    };
    if (
      (await publishDeadLetter(context, source, lastDelivery, item.reason, item.detail)) ||
      lastDelivery
    ) {
      settleEvent(delivery);
    } else hold(delivery, context.retryDelayMs.initialMs);
  }
}

/** A whole message to the dead letters, then term'd (or nak'd when that publish failed). */
async function deadLetter(
  context: UsageBatchContext,
  message: BusMessage,
  reason: DeadLetterReason,
  detail: string,
): Promise<void> {
  const lastDelivery = isLastDelivery(message);
  if ((await publishDeadLetter(context, message, lastDelivery, reason, detail)) || lastDelivery) {
    message.term();
  } else message.nak(context.retryDelayMs.initialMs);
}

function traceLinks(parsed: readonly Parsed[]): Link[] {
  const links: Link[] = [];
  for (const { headers } of parsed) {
    const spanContext = trace.getSpanContext(extractTraceContext(headers));
    if (spanContext !== undefined) links.push({ context: spanContext });
  }
  return links;
}

/** A batch of one continues its request's trace; a larger batch links to each instead. */
function parentContext(parsed: readonly Parsed[]) {
  const only = parsed.length === 1 ? parsed[0] : undefined;
  return extractTraceContext(only === undefined ? {} : only.headers);
}

const encoder = new TextEncoder();

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
