import { createSseFraming } from '../fake-upstream/create-sse-framing.js';
import type { FakeCall } from '../fake-upstream/fake-dialect.js';
import type { FakeOutcome } from '../fake-upstream/fake-outcome.js';
import { buildResponsesEvents } from './build-responses-events.js';
import { buildResponsesOutput } from './build-responses-output.js';
import { invalidRequest, type OpenAiErrorResponse } from './openai-error.js';
import { parseOpenAiScenario } from './openai-scenario.js';
import type { FakeChatRequest } from './parse-chat-request.js';
import { type FakeResponsesItem, unansweredOutput } from './parse-responses-input.js';
import { parseResponsesRequest } from './parse-responses-request.js';
import { planChatReply } from './plan-chat-reply.js';

/** OpenAI's Responses stream: named events, no `[DONE]`. */
const responsesSseFraming = createSseFraming({
  contentType: 'text/event-stream; charset=utf-8',
  lineEnd: '\n',
  garbage: ['event: response.created\ndata: {"type": this is not JSON\n\n'],
});

/** The conversations of the Responses a fake stored, by id, for `previous_response_id`. */
export type FakeResponsesStore = Map<string, readonly FakeResponsesItem[]>;

/**
 * `POST /v1/responses`: the conversation (a stored `previous_response_id`'s, then `input`)
 * answered as chat is (echo, or calls to the tools), as a Response or its typed events; a
 * Response is stored unless `store: false`. An unknown `previous_response_id`, or a function
 * call output without its call, is OpenAI's 400.
 */
export function answerResponses(
  call: FakeCall,
  store: FakeResponsesStore,
): FakeOutcome<OpenAiErrorResponse> {
  const parsed = parseResponsesRequest(call.body);
  if (!parsed.ok) return { kind: 'refuse', error: parsed.error };
  const { request } = parsed;
  const previous = request.previousResponseId;
  const history = previous === undefined ? [] : store.get(previous);
  if (history === undefined) {
    const message = `Previous response with id '${previous}' not found.`;
    return {
      kind: 'refuse',
      error: invalidRequest(message, 'previous_response_id', 'previous_response_not_found'),
    };
  }
  const items = [...history, ...request.items];
  const unanswered = unansweredOutput(items);
  if (unanswered) return { kind: 'refuse', error: unanswered };
  const scenario = parseOpenAiScenario(request.model);
  return {
    kind: 'answer',
    model: request.model,
    scenario,
    stream: request.stream,
    reply: () => {
      const chat = asChat(request.instructions, items, request);
      const [reply] = planChatReply(chat);
      if (reply === undefined) throw new Error('no reply planned');
      const response = buildResponsesOutput(request, chat, reply, scenario);
      if (request.store && typeof response.id === 'string') {
        store.set(response.id, [...items, ...outputItems(response)]);
      }
      return request.stream
        ? { kind: 'stream', framing: responsesSseFraming, events: buildResponsesEvents(response) }
        : { kind: 'json', text: JSON.stringify(response) };
    },
  };
}

/** The conversation as the chat planner reads it. */
function asChat(
  instructions: string | undefined,
  items: readonly FakeResponsesItem[],
  request: {
    model: string;
    maxOutputTokens: number | undefined;
    toolNames: readonly string[];
    toolChoice: FakeChatRequest['toolChoice'];
    parallelToolCalls: boolean;
    stream: boolean;
  },
): FakeChatRequest {
  const messages: { role: string; text: string }[] = [];
  if (instructions !== undefined) messages.push({ role: 'system', text: instructions });
  for (const item of items) {
    if (item.kind === 'message') messages.push({ role: item.role, text: item.text });
    if (item.kind === 'function_call') messages.push({ role: 'assistant', text: item.arguments });
    if (item.kind === 'function_call_output') messages.push({ role: 'tool', text: item.output });
  }
  // After a tool's result the fake answers in text, as a model would, instead of calling again.
  const answered = messages.at(-1)?.role === 'tool';
  return {
    model: request.model,
    messages,
    stream: request.stream,
    includeUsage: true,
    maxTokens: request.maxOutputTokens,
    n: 1,
    toolNames: request.toolNames,
    toolChoice: answered ? { kind: 'none' } : request.toolChoice,
    parallelToolCalls: request.parallelToolCalls,
  };
}

function outputItems(response: Record<string, unknown>): FakeResponsesItem[] {
  const output = Array.isArray(response.output) ? response.output : [];
  return output.flatMap((item): FakeResponsesItem[] => {
    if (item.type === 'function_call') {
      return [
        { kind: 'function_call', callId: item.call_id, name: item.name, arguments: item.arguments },
      ];
    }
    if (item.type === 'message') {
      const text = (item.content as { text?: string }[]).map((part) => part.text ?? '').join(' ');
      return [{ kind: 'message', role: 'assistant', text }];
    }
    return [];
  });
}
