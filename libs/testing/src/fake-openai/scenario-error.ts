import type { OpenAiErrorResponse } from './openai-error.js';

const rateLimitHeaders: Readonly<Record<string, string>> = {
  'retry-after': '7',
  'x-ratelimit-limit-requests': '60',
  'x-ratelimit-remaining-requests': '0',
  'x-ratelimit-reset-requests': '7s',
  'x-ratelimit-limit-tokens': '150000',
  'x-ratelimit-remaining-tokens': '0',
  'x-ratelimit-reset-tokens': '7s',
};

/**
 * The error OpenAI would send for `status`: 400 `invalid_value` on `messages`, 401
 * `invalid_api_key`, 404 `model_not_found`, 429 `rate_limit_exceeded` with `retry-after: 7` and
 * `x-ratelimit-*` headers, 5xx `server_error`, any other 4xx a plain `invalid_request_error`.
 */
export function scenarioError(status: number, model: string): OpenAiErrorResponse {
  if (status === 400) {
    const message = "Invalid value for 'messages': the fake upstream was asked to reject them.";
    return {
      status,
      error: errorObject(message, 'invalid_request_error', 'messages', 'invalid_value'),
    };
  }
  if (status === 401) {
    return { status, error: incorrectApiKeyError('sk-fake****************************mock') };
  }
  if (status === 404) {
    const message = `The model \`${model}\` does not exist or you do not have access to it.`;
    return {
      status,
      error: errorObject(message, 'invalid_request_error', null, 'model_not_found'),
    };
  }
  if (status === 429) {
    const message = `Rate limit reached for ${model} in organization org-fake on requests per min (RPM): Limit 60, Used 60, Requested 1. Please try again in 7s.`;
    return {
      status,
      error: errorObject(message, 'requests', null, 'rate_limit_exceeded'),
      headers: rateLimitHeaders,
    };
  }
  if (status >= 500) {
    const message =
      status === 503
        ? 'The server is overloaded or not ready yet.'
        : 'The server had an error while processing your request. Sorry about that!';
    return { status, error: errorObject(message, 'server_error', null, null) };
  }
  const message = `The fake upstream was asked to fail with status ${status}.`;
  return { status, error: errorObject(message, 'invalid_request_error', null, null) };
}

/** OpenAI's 401 for a wrong key; `shownKey` is what the message reveals of the key. */
export function incorrectApiKeyError(shownKey: string): OpenAiErrorResponse['error'] {
  return errorObject(
    `Incorrect API key provided: ${shownKey}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    'invalid_request_error',
    null,
    'invalid_api_key',
  );
}

function errorObject(
  message: string,
  type: string,
  param: string | null,
  code: string | null,
): OpenAiErrorResponse['error'] {
  return { message, type, param, code };
}
