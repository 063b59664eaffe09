import { randomBytes } from 'node:crypto';
import type { FakeExchange } from '../fake-openai/fake-exchange.js';
import { applyGoogleScenario } from './apply-google-scenario.js';
import { buildGoogleResponse } from './build-google-response.js';
import { buildGoogleStreamEvents } from './build-google-stream-events.js';
import { buildGoogleUsage } from './build-google-usage.js';
import { parseFakeGoogleScenario } from './fake-google-scenario.js';
import { writeGoogleError } from './google-error.js';
import { parseGoogleGenerateRequest } from './parse-google-generate-request.js';
import { planGoogleReply } from './plan-google-reply.js';
import { writeGoogleJson } from './write-google-json.js';
import { writeGoogleStream } from './write-google-stream.js';

/** How the answer is framed: one object, SSE events (`alt=sse`), or a JSON array of events. */
export type GoogleFraming = 'object' | 'sse' | 'json-array';

/**
 * `POST /v1beta/models/{model}:generateContent` and `:streamGenerateContent`: the scenario named
 * by the model, else the echo (or function call) answer.
 */
export async function handleGenerateContent(
  exchange: FakeExchange,
  model: string,
  body: unknown,
  framing: GoogleFraming,
): Promise<void> {
  const parsed = parseGoogleGenerateRequest(body);
  if (!parsed.ok) {
    writeGoogleError(exchange.response, parsed.error);
    return;
  }
  const { request } = parsed;
  const scenario = parseFakeGoogleScenario(model);
  if (await applyGoogleScenario(exchange, scenario, model, framing === 'sse')) return;
  const filtered = scenario.kind === 'safety' || scenario.kind === 'blocked';
  const replies = filtered ? [] : planGoogleReply(request);
  const usage = buildGoogleUsage(request, filtered ? undefined : replies);
  const meta = { modelVersion: model, responseId: randomBytes(17).toString('base64url') };
  const events = filtered
    ? [buildGoogleResponse(meta, replies, usage, scenario)]
    : buildGoogleStreamEvents(meta, replies, usage);
  if (framing === 'sse') {
    await writeGoogleStream(exchange, events, scenario);
    return;
  }
  const text =
    framing === 'object'
      ? JSON.stringify(buildGoogleResponse(meta, replies, usage, scenario), null, 2)
      : `[${events.map((event) => JSON.stringify(event)).join(',\r\n')}]`;
  writeGoogleJson(exchange.response, text, scenario);
}
