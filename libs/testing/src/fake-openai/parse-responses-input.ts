import { isRecord } from '../fake-upstream/is-record.js';
import { invalidRequest, type OpenAiErrorResponse } from './openai-error.js';

/** One conversation item the fake understood: its role and text, or a function call or output. */
export type FakeResponsesItem =
  | { readonly kind: 'message'; readonly role: string; readonly text: string }
  | {
      readonly kind: 'function_call';
      readonly callId: string;
      readonly name: string;
      readonly arguments: string;
    }
  | { readonly kind: 'function_call_output'; readonly callId: string; readonly output: string }
  | { readonly kind: 'reasoning' };

const ROLES = ['user', 'assistant', 'system', 'developer'];
const PART_TYPES = [
  'input_text',
  'input_image',
  'input_file',
  'input_audio',
  'output_text',
  'refusal',
];

type Parsed<T> = { ok: true; value: T } | { ok: false; error: OpenAiErrorResponse };

/**
 * Reads `input` as OpenAI does: a string, or items each checked by type (a message needs a
 * role and content, a function call its `call_id`, `name` and `arguments`, an output its
 * `call_id` and `output`); anything else is OpenAI's 400 naming the parameter.
 */
export function parseResponsesInput(input: unknown): Parsed<FakeResponsesItem[]> {
  if (input === undefined) return { ok: true, value: [] };
  if (typeof input === 'string')
    return { ok: true, value: [{ kind: 'message', role: 'user', text: input }] };
  if (!Array.isArray(input)) {
    return refuse(
      "Invalid type for 'input': expected a string or an array of input items.",
      'input',
    );
  }
  const items: FakeResponsesItem[] = [];
  for (const [index, item] of input.entries()) {
    const at = `input[${index}]`;
    if (!isRecord(item)) return refuse(`Invalid type for '${at}': expected an object.`, at);
    const type = item.type ?? (item.role !== undefined ? 'message' : undefined);
    if (type === 'message') {
      if (typeof item.role !== 'string' || !ROLES.includes(item.role)) {
        return refuse(`Invalid value for '${at}.role'.`, `${at}.role`);
      }
      const text = contentText(item.content, `${at}.content`);
      if (!text.ok) return text;
      items.push({ kind: 'message', role: item.role, text: text.value });
    } else if (type === 'function_call') {
      for (const field of ['call_id', 'name', 'arguments'] as const) {
        if (typeof item[field] !== 'string') return missing(`${at}.${field}`);
      }
      items.push({
        kind: 'function_call',
        callId: String(item.call_id),
        name: String(item.name),
        arguments: String(item.arguments),
      });
    } else if (type === 'function_call_output') {
      if (typeof item.call_id !== 'string') return missing(`${at}.call_id`);
      if (item.output === undefined) return missing(`${at}.output`);
      const output = typeof item.output === 'string' ? item.output : JSON.stringify(item.output);
      items.push({ kind: 'function_call_output', callId: item.call_id, output });
    } else if (type === 'reasoning') {
      if (!Array.isArray(item.summary)) return missing(`${at}.summary`);
      items.push({ kind: 'reasoning' });
    } else {
      return refuse(
        `Invalid value: '${String(type)}'. Supported values are: 'message', 'function_call', 'function_call_output', 'reasoning' (and built-in tool items).`,
        `${at}.type`,
      );
    }
  }
  return { ok: true, value: items };
}

/** A function call output must answer a function call earlier in the conversation. */
export function unansweredOutput(
  items: readonly FakeResponsesItem[],
): OpenAiErrorResponse | undefined {
  const calls = new Set<string>();
  for (const item of items) {
    if (item.kind === 'function_call') calls.add(item.callId);
    if (item.kind === 'function_call_output' && !calls.has(item.callId)) {
      return invalidRequest(
        `No tool call found for function call output with call_id ${item.callId}.`,
        'input',
      );
    }
  }
  return undefined;
}

function contentText(content: unknown, at: string): Parsed<string> {
  if (typeof content === 'string') return { ok: true, value: content };
  if (!Array.isArray(content)) return missing(at);
  const texts: string[] = [];
  for (const [index, part] of content.entries()) {
    if (!isRecord(part) || typeof part.type !== 'string' || !PART_TYPES.includes(part.type)) {
      return refuse(`Invalid value for '${at}[${index}].type'.`, `${at}[${index}].type`);
    }
    if (
      (part.type === 'input_text' || part.type === 'output_text') &&
      typeof part.text !== 'string'
    ) {
      return missing(`${at}[${index}].text`);
    }
    if (typeof part.text === 'string') texts.push(part.text);
  }
  return { ok: true, value: texts.join(' ') };
}

function missing(param: string): { ok: false; error: OpenAiErrorResponse } {
  return refuse(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
}

function refuse(
  message: string,
  param: string,
  code: string | null = 'invalid_value',
): { ok: false; error: OpenAiErrorResponse } {
  return { ok: false, error: invalidRequest(message, param, code) };
}
