import type { RequestBodies } from '@switchyard/contracts';

const PROSE =
  'The gateway records every request once it has ended, and accounting writes it to the ledger. ' +
  'Costs are exact decimals, tokens are integers, and nothing waits on the database. ';

/** ASCII prose of exactly `length` characters (nothing JSON has to escape). */
function prose(length: number): string {
  return PROSE.repeat(Math.ceil(length / PROSE.length) + 1).slice(0, Math.max(0, length));
}

/**
 * Request-log bodies as the gateway captures them for a key with logging on: a chat request as
 * JSON and its `chat.completion` answer as JSON, each exactly `bytes` long (when `bytes` is more
 * than the JSON around the text, ~300 bytes).
 */
export function makeLoggedBodies(bytes: number, model = 'openai/gpt-4o-mini'): RequestBodies {
  const request = (content: string) =>
    JSON.stringify({
      model,
      messages: [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content },
      ],
      stream: false,
    });
  const response = (content: string) =>
    JSON.stringify({
      id: 'chatcmpl-bench',
      object: 'chat.completion',
      created: 1_795_000_000,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 2_000, completion_tokens: 1_900, total_tokens: 3_900 },
    });
  return {
    request: request(prose(bytes - request('').length)),
    request_truncated: false,
    response: response(prose(bytes - response('').length)),
    response_truncated: false,
  };
}
