import { errorBodySchema } from '@switchyard/contracts';
import type { Expectation } from './bad-input-case.js';
import { type CaseResponse, headerOf } from './case-response.js';

/** What a client can read: node's default limit on a response's headers. */
export const MAX_HEADER_BYTES = 16 * 1024;

/** A header value a client accepts everywhere: visible ASCII, spaces and tabs. */
const VALID_HEADER_VALUE = /^[\t\x20-\x7e]*$/;
const VALID_HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Everything wrong with the answer to a case, as sentences a failure report can print: the
 * status, the error body's shape and code, the headers. Empty when the answer is right.
 */
export function checkResponse(response: CaseResponse, expected: Expectation): string[] {
  if (response.kind === 'transport-error') {
    return [`no HTTP answer the client could read: ${response.error}`];
  }
  const problems: string[] = [];
  const { status } = response;
  if (status >= 500) problems.push(`a ${status}: bad input must never be a 5xx`);
  if (!statusMatches(status, expected.status)) {
    problems.push(`status ${status}, expected ${describeStatus(expected.status)}`);
  }
  problems.push(...checkHeaders(response));
  if (status >= 400) problems.push(...checkErrorBody(response, expected));
  if (expected.warnings !== undefined && status < 300) {
    const warnings = headerOf(response, 'x-switchyard-warnings');
    if (warnings === undefined) problems.push('no x-switchyard-warnings header');
    else if (!warnings.includes(expected.warnings)) {
      problems.push(`x-switchyard-warnings does not name '${expected.warnings}'`);
    }
  }
  return problems;
}

function statusMatches(status: number, expected: Expectation['status']): boolean {
  if (expected === '4xx') return status >= 400 && status < 500;
  if (typeof expected === 'number') return status === expected;
  return expected.includes(status);
}

function describeStatus(expected: Expectation['status']): string {
  return typeof expected === 'object' ? expected.join(' or ') : String(expected);
}

function checkHeaders(response: Extract<CaseResponse, { kind: 'response' }>): string[] {
  const problems: string[] = [];
  let bytes = 0;
  for (const [name, value] of response.headers) {
    bytes += name.length + value.length + 4;
    if (!VALID_HEADER_NAME.test(name)) problems.push(`invalid header name ${JSON.stringify(name)}`);
    if (!VALID_HEADER_VALUE.test(value)) {
      problems.push(`header ${name} holds characters outside visible ASCII: ${abbreviate(value)}`);
    }
  }
  if (bytes > MAX_HEADER_BYTES)
    problems.push(`${bytes} bytes of headers (clients read ${MAX_HEADER_BYTES})`);
  return problems;
}

function checkErrorBody(
  response: Extract<CaseResponse, { kind: 'response' }>,
  expected: Expectation,
): string[] {
  const contentType = headerOf(response, 'content-type') ?? '';
  if (!contentType.startsWith('application/json')) {
    return [`error body sent as '${contentType}', not application/json`];
  }
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return ['error body is not JSON'];
  }
  const code = expected.shape === 'anthropic' ? anthropicErrorType(body) : openAiErrorCode(body);
  if (code === undefined) {
    return [
      expected.shape === 'anthropic'
        ? 'error body is not Anthropic\'s {"type":"error","error":{"type","message"}}'
        : 'error body is not {"error":{"message","type","code","param"}}',
    ];
  }
  if (expected.code !== undefined && code !== expected.code) {
    return [
      `error ${expected.shape === 'anthropic' ? 'type' : 'code'} '${code}', expected '${expected.code}'`,
    ];
  }
  return [];
}

/** The `code` of an OpenAI-shaped error body ('' when null), or undefined when not that shape. */
function openAiErrorCode(body: unknown): string | undefined {
  const parsed = errorBodySchema.safeParse(body);
  return parsed.success ? (parsed.data.error.code ?? '') : undefined;
}

/** `error.type` of Anthropic's error body, or undefined when the body is not that shape. */
function anthropicErrorType(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  if (!('type' in body) || body.type !== 'error' || !('error' in body)) return undefined;
  const error = body.error;
  if (typeof error !== 'object' || error === null) return undefined;
  if (!('type' in error) || typeof error.type !== 'string') return undefined;
  if (!('message' in error) || typeof error.message !== 'string') return undefined;
  return error.type;
}

/** At most 200 characters of a text, for failure reports. */
export function abbreviate(text: string, length = 200): string {
  const escaped = JSON.stringify(text);
  return escaped.length <= length ? escaped : `${escaped.slice(0, length)}… (${text.length} chars)`;
}
