import { isRecord } from '../fake-upstream/is-record.js';
import { invalidRequest, type OpenAiErrorResponse } from './openai-error.js';
import type { FakeToolChoice } from './parse-chat-request.js';
import { type FakeResponsesItem, parseResponsesInput } from './parse-responses-input.js';

/** The fields of a Responses request that the fake reads. */
export interface FakeResponsesRequest {
  readonly model: string;
  readonly instructions: string | undefined;
  readonly items: readonly FakeResponsesItem[];
  readonly previousResponseId: string | undefined;
  readonly store: boolean;
  readonly stream: boolean;
  readonly maxOutputTokens: number | undefined;
  readonly toolNames: readonly string[];
  /** The tools as sent, which every Response repeats. */
  readonly tools: readonly unknown[];
  readonly toolChoice: FakeToolChoice;
  readonly parallelToolCalls: boolean;
  /** `reasoning.effort`, when the request asks for reasoning. */
  readonly reasoningEffort: string | undefined;
  readonly reasoningSummary: boolean;
  readonly includeEncryptedReasoning: boolean;
}

/**
 * Reads a Responses body as OpenAI checks it: `model`, `input` items, flat function tools
 * (`{type, name, parameters}`: a Chat Completions tool with `function` is refused), and a
 * `text.format` json_schema with its `name` and `schema`.
 */
export function parseResponsesRequest(
  body: unknown,
): { ok: true; request: FakeResponsesRequest } | { ok: false; error: OpenAiErrorResponse } {
  if (!isRecord(body))
    return { ok: false, error: invalidRequest('The body must be a JSON object.') };
  const { model } = body;
  if (typeof model !== 'string' || model === '') {
    return { ok: false, error: invalidRequest('you must provide a model parameter', 'model') };
  }
  if ('messages' in body) {
    return {
      ok: false,
      error: invalidRequest("Unknown parameter: 'messages'.", 'messages', 'unknown_parameter'),
    };
  }
  const input = parseResponsesInput(body.input);
  if (!input.ok) return input;
  const tools = toolNames(body.tools);
  if (!tools.ok) return tools;
  const format = isRecord(body.text) ? body.text.format : undefined;
  if (isRecord(format) && format.type === 'json_schema') {
    for (const field of ['name', 'schema'] as const) {
      if (format[field] === undefined) {
        const param = `text.format.${field}`;
        return {
          ok: false,
          error: invalidRequest(
            `Missing required parameter: '${param}'.`,
            param,
            'missing_required_parameter',
          ),
        };
      }
    }
  }
  const reasoning = isRecord(body.reasoning) ? body.reasoning : undefined;
  const effort =
    typeof reasoning?.effort === 'string' && reasoning.effort !== 'none'
      ? reasoning.effort
      : undefined;
  const include = Array.isArray(body.include) ? body.include : [];
  return {
    ok: true,
    request: {
      model,
      instructions: typeof body.instructions === 'string' ? body.instructions : undefined,
      items: input.value,
      previousResponseId:
        typeof body.previous_response_id === 'string' ? body.previous_response_id : undefined,
      store: body.store !== false,
      stream: body.stream === true,
      maxOutputTokens:
        typeof body.max_output_tokens === 'number' ? body.max_output_tokens : undefined,
      toolNames: tools.value,
      tools: Array.isArray(body.tools) ? body.tools : [],
      toolChoice: toolChoice(body.tool_choice),
      parallelToolCalls: body.parallel_tool_calls !== false,
      reasoningEffort: effort,
      reasoningSummary: typeof reasoning?.summary === 'string',
      includeEncryptedReasoning: include.includes('reasoning.encrypted_content'),
    },
  };
}

function toolNames(
  tools: unknown,
): { ok: true; value: string[] } | { ok: false; error: OpenAiErrorResponse } {
  if (tools === undefined) return { ok: true, value: [] };
  if (!Array.isArray(tools))
    return { ok: false, error: invalidRequest("Invalid type for 'tools'.", 'tools') };
  const names: string[] = [];
  for (const [index, tool] of tools.entries()) {
    if (!isRecord(tool) || tool.type !== 'function') continue;
    if (typeof tool.name !== 'string') {
      const param = `tools[${index}].name`;
      return {
        ok: false,
        error: invalidRequest(
          `Missing required parameter: '${param}'.`,
          param,
          'missing_required_parameter',
        ),
      };
    }
    names.push(tool.name);
  }
  return { ok: true, value: names };
}

function toolChoice(choice: unknown): FakeToolChoice {
  if (choice === 'none' || choice === 'required') return { kind: choice };
  if (isRecord(choice) && choice.type === 'function' && typeof choice.name === 'string') {
    return { kind: 'named', name: choice.name };
  }
  return { kind: 'auto' };
}
