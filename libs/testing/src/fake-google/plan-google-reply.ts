import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import { splitWords } from '../fake-upstream/split-words.js';
import type { FakeGoogleRequest } from './parse-google-generate-request.js';

/** What one candidate of the fake's answer says. */
export type FakeGoogleReply =
  | { readonly kind: 'text'; readonly text: string; readonly finishReason: 'STOP' | 'MAX_TOKENS' }
  | { readonly kind: 'function-call'; readonly name: string; readonly args: { input: string } };

/**
 * Decides the `candidateCount` candidates. With function declarations and a mode other than
 * NONE: one `functionCall` to the first allowed (ANY + allowedFunctionNames) or first declared
 * function, args `{"input":"<last user text>"}`. Otherwise `Echo: <last user text>`, cut to
 * `maxOutputTokens` words with finishReason MAX_TOKENS.
 */
export function planGoogleReply(request: FakeGoogleRequest): FakeGoogleReply[] {
  const userText =
    request.contents.findLast((turn) => turn.role === 'user' && turn.text !== '')?.text ?? '';
  const name = chooseFunction(request);
  return Array.from({ length: request.candidateCount }, (): FakeGoogleReply => {
    if (name !== undefined) return { kind: 'function-call', name, args: { input: userText } };
    return truncate(`Echo: ${userText}`, request.maxOutputTokens);
  });
}

/** Output tokens of one candidate: its words, or for a call the words of its args JSON plus one. */
export function countGoogleReplyTokens(reply: FakeGoogleReply): number {
  if (reply.kind === 'text') return countFakeTokens(reply.text);
  return countFakeTokens(JSON.stringify(reply.args)) + 1;
}

function chooseFunction(request: FakeGoogleRequest): string | undefined {
  if (request.toolNames.length === 0 || request.mode === 'NONE') return undefined;
  if (request.mode === 'ANY' && request.allowedFunctionNames.length > 0) {
    return request.allowedFunctionNames[0];
  }
  return request.toolNames[0];
}

function truncate(text: string, maxTokens: number | undefined): FakeGoogleReply {
  if (maxTokens === undefined || maxTokens >= countFakeTokens(text)) {
    return { kind: 'text', text, finishReason: 'STOP' };
  }
  const words = splitWords(text).slice(0, maxTokens);
  return { kind: 'text', text: words.join('').trimEnd(), finishReason: 'MAX_TOKENS' };
}
