import { bearerToken } from '../fake-upstream/bearer-token.js';
import { checkPresentedKey } from '../fake-upstream/check-presented-key.js';
import type { OpenAiErrorResponse } from './openai-error.js';
import { incorrectApiKeyError } from './scenario-error.js';

const missingKeyMessage =
  "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username. You can obtain an API key from https://platform.openai.com/account/api-keys.";

/**
 * Checks `Authorization: Bearer <key>` against the accepted keys; returns OpenAI's 401 when it
 * does not match (the key masked as OpenAI masks it), or undefined when the request may pass.
 */
export function checkApiKey(
  authorization: string | undefined,
  apiKeys: readonly string[] | undefined,
): OpenAiErrorResponse | undefined {
  const key = bearerToken(authorization);
  switch (checkPresentedKey(key, apiKeys)) {
    case 'accepted':
      return undefined;
    case 'missing':
      return {
        status: 401,
        error: {
          message: missingKeyMessage,
          type: 'invalid_request_error',
          param: null,
          code: null,
        },
      };
    case 'rejected':
      return { status: 401, error: incorrectApiKeyError(maskApiKey(key ?? '')) };
  }
}

/** OpenAI's masking: first 8 characters, one `*` per hidden character, last 4; short keys fully. */
export function maskApiKey(key: string): string {
  if (key.length <= 12) return '*'.repeat(key.length);
  return `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}`;
}
