import { isRecord } from '../fake-upstream/is-record.js';
import { invalidRequest, type OpenAiErrorResponse } from './openai-error.js';

/** How the request asks for tools to be used. */
export type FakeToolChoice =
  | { readonly kind: 'none' | 'auto' | 'required' }
  | { readonly kind: 'named'; readonly name: string };

/** The fields of a Chat Completions request that the fake reads. */
export interface FakeChatRequest {
  readonly model: string;
  readonly messages: readonly { readonly role: string; readonly text: string }[];
  readonly stream: boolean;
  readonly includeUsage: boolean;
  readonly maxTokens: number | undefined;
  readonly n: number;
  readonly toolNames: readonly string[];
  readonly toolChoice: FakeToolChoice;
  readonly parallelToolCalls: boolean;
}

/** Reads a Chat Completions body defensively; a malformed one becomes OpenAI's 400. */
export function parseChatRequest(
  body: unknown,
): { ok: true; request: FakeChatRequest } | { ok: false; error: OpenAiErrorResponse } {
  if (!isRecord(body))
    return { ok: false, error: invalidRequest('The body must be a JSON object.') };
  const { model, messages } = body;
  if (typeof model !== 'string' || model === '') {
    return { ok: false, error: invalidRequest('you must provide a model parameter') };
  }
  if (!Array.isArray(messages)) {
    const message = "Missing required parameter: 'messages'.";
    return { ok: false, error: invalidRequest(message, 'messages', 'missing_required_parameter') };
  }
  const parsedMessages: { role: string; text: string }[] = [];
  for (const [index, message] of messages.entries()) {
    if (!isRecord(message) || typeof message.role !== 'string') {
      const text = `Invalid value for 'messages[${index}]': expected an object with a role.`;
      return { ok: false, error: invalidRequest(text, `messages[${index}]`, 'invalid_value') };
    }
    parsedMessages.push({ role: message.role, text: contentText(message.content) });
  }
  const streamOptions = body.stream_options;
  return {
    ok: true,
    request: {
      model,
      messages: parsedMessages,
      stream: body.stream === true,
      includeUsage: isRecord(streamOptions) && streamOptions.include_usage === true,
      maxTokens:
        nonNegativeInteger(body.max_completion_tokens) ?? nonNegativeInteger(body.max_tokens),
      n: Math.min(nonNegativeInteger(body.n) ?? 1, 128) || 1,
      toolNames: toolNames(body.tools),
      toolChoice: toolChoice(body.tool_choice),
      parallelToolCalls: body.parallel_tool_calls !== false,
    },
  };
}

/** A message's text: the string itself, or its text parts joined with a space. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  const texts: string[] = [];
  for (const part of content) {
    if (isRecord(part) && part.type === 'text' && typeof part.text === 'string')
      texts.push(part.text);
  }
  return texts.join(' ');
}

function nonNegativeInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function toolNames(tools: unknown): string[] {
  if (!Array.isArray(tools)) return [];
  const names: string[] = [];
  for (const tool of tools) {
    if (isRecord(tool) && isRecord(tool.function) && typeof tool.function.name === 'string') {
      names.push(tool.function.name);
    }
  }
  return names;
}

function toolChoice(choice: unknown): FakeToolChoice {
  if (choice === 'none' || choice === 'required') return { kind: choice };
  if (isRecord(choice) && isRecord(choice.function) && typeof choice.function.name === 'string') {
    return { kind: 'named', name: choice.function.name };
  }
  return { kind: 'auto' };
}
