import { randomBytes } from 'node:crypto';
import type { FakeCall } from '../fake-upstream/fake-dialect.js';
import type { FakeOutcome, FakeReply } from '../fake-upstream/fake-outcome.js';
import { buildGoogleResponse } from './build-google-response.js';
import { buildGoogleStreamEvents } from './build-google-stream-events.js';
import { buildGoogleUsage } from './build-google-usage.js';
import type { GoogleError } from './google-error.js';
import { type FakeGoogleScenario, parseFakeGoogleScenario } from './google-scenario.js';
import { googleSseFraming } from './google-sse-framing.js';
import {
  type FakeGoogleRequest,
  parseGoogleGenerateRequest,
} from './parse-google-generate-request.js';
import { planGoogleReply } from './plan-google-reply.js';

/** How the answer is framed: one object, SSE events (`alt=sse`), or a JSON array of events. */
export type GoogleFraming = 'object' | 'sse' | 'json-array';

/**
 * `POST /v1beta/models/{model}:generateContent` and `:streamGenerateContent`: the scenario named
 * by the model, else the echo (or function call) answer.
 */
export function answerGenerateContent(
  call: FakeCall,
  framing: GoogleFraming,
): FakeOutcome<GoogleError> {
  const [model = ''] = call.params;
  const parsed = parseGoogleGenerateRequest(call.body);
  if (!parsed.ok) return { kind: 'refuse', error: parsed.error };
  const scenario = parseFakeGoogleScenario(model);
  return {
    kind: 'answer',
    model,
    scenario,
    stream: framing === 'sse',
    reply: () => generateReply(parsed.request, model, scenario, framing),
  };
}

function generateReply(
  request: FakeGoogleRequest,
  model: string,
  scenario: FakeGoogleScenario,
  framing: GoogleFraming,
): FakeReply {
  const filtered = scenario.kind === 'safety' || scenario.kind === 'blocked';
  const replies = filtered ? [] : planGoogleReply(request);
  const usage = buildGoogleUsage(request, filtered ? undefined : replies);
  const meta = { modelVersion: model, responseId: randomBytes(17).toString('base64url') };
  const events = filtered
    ? [buildGoogleResponse(meta, replies, usage, scenario)]
    : buildGoogleStreamEvents(meta, replies, usage);
  if (framing === 'sse') {
    return { kind: 'stream', framing: googleSseFraming, events: events.map((data) => ({ data })) };
  }
  const text =
    framing === 'object'
      ? JSON.stringify(buildGoogleResponse(meta, replies, usage, scenario), null, 2)
      : `[${events.map((event) => JSON.stringify(event)).join(',\r\n')}]`;
  return { kind: 'json', text };
}
