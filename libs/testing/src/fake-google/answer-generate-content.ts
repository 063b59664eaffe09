import { randomBytes } from 'node:crypto';
import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import type { FakeCall } from '../fake-upstream/fake-dialect.js';
import type { FakeOutcome, FakeReply } from '../fake-upstream/fake-outcome.js';
import { buildGoogleResponse, type FakeGoogleMeta } from './build-google-response.js';
import { buildGoogleStreamEvents } from './build-google-stream-events.js';
import { buildGoogleUsage, type FakeGoogleUsage } from './build-google-usage.js';
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
 * by the model, else the echo (or function call) answer — preceded by a thought summary when
 * the request asks for thoughts (`thinkingConfig.includeThoughts`).
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
  const answered = buildGoogleUsage(request, filtered ? undefined : replies);
  const thought = request.includeThoughts && !filtered ? thoughtOf(request) : undefined;
  const usage = thought === undefined ? answered : withThoughts(answered, thought);
  const meta = { modelVersion: model, responseId: randomBytes(17).toString('base64url') };
  const events = filtered
    ? [buildGoogleResponse(meta, replies, usage, scenario)]
    : buildGoogleStreamEvents(meta, replies, usage);
  if (thought !== undefined) events.unshift(thoughtEvent(meta, usage, thought));
  if (framing === 'sse') {
    return { kind: 'stream', framing: googleSseFraming, events: events.map((data) => ({ data })) };
  }
  const response = buildGoogleResponse(meta, replies, usage, scenario);
  if (thought !== undefined) prependThought(response, thought);
  const text =
    framing === 'object'
      ? JSON.stringify(response, null, 2)
      : `[${events.map((event) => JSON.stringify(event)).join(',\r\n')}]`;
  return { kind: 'json', text };
}

/** The thought summary of an answer asked with `includeThoughts`: `Thinking about: <last user text>`. */
function thoughtOf(request: FakeGoogleRequest): string {
  const last = request.contents.findLast((turn) => turn.role === 'user');
  return `Thinking about: ${last?.text ?? ''}`;
}

/** Usage with the thought's words as `thoughtsTokenCount`, in the total too. */
function withThoughts(usage: FakeGoogleUsage, thought: string): FakeGoogleUsage {
  const thoughts = countFakeTokens(thought);
  return {
    ...usage,
    thoughtsTokenCount: thoughts,
    totalTokenCount: usage.totalTokenCount + thoughts,
  };
}

/** The first event of a stream that thinks: the whole summary as a `thought` part. */
function thoughtEvent(meta: FakeGoogleMeta, usage: FakeGoogleUsage, thought: string) {
  const candidate = {
    content: { parts: [{ text: thought, thought: true }], role: 'model' },
    index: 0,
  };
  const partial = {
    promptTokenCount: usage.promptTokenCount,
    totalTokenCount: usage.promptTokenCount,
    promptTokensDetails: usage.promptTokensDetails,
  };
  return { candidates: [candidate], usageMetadata: partial, ...meta };
}

function prependThought(response: Record<string, unknown>, thought: string): void {
  const [first] = Array.isArray(response.candidates) ? response.candidates : [];
  const parts = (first as { content?: { parts?: unknown[] } } | undefined)?.content?.parts;
  parts?.unshift({ text: thought, thought: true });
}
