import type { GoogleError } from './google-error.js';

const STATUS_NAMES: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** The delay the fake's 429 asks for, in its `RetryInfo` detail. */
export const FAKE_GOOGLE_RETRY_DELAY_SECONDS = 7;

/**
 * The error Gemini would send for `status`: 429 `RESOURCE_EXHAUSTED` with `QuotaFailure`, `Help`
 * and `RetryInfo` (`retryDelay: "7s"`) details, 503 `UNAVAILABLE` ("The model is overloaded"),
 * 500 `INTERNAL`, 404 `NOT_FOUND` naming the model, 401/403 and 400 with their usual messages;
 * other codes get Google's status name for them (`UNKNOWN` when it has none).
 */
export function googleScenarioError(status: number, model: string): GoogleError {
  const name = STATUS_NAMES[status] ?? (status >= 500 ? 'UNKNOWN' : 'FAILED_PRECONDITION');
  switch (status) {
    case 429:
      return {
        code: status,
        status: name,
        message:
          'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
            violations: [
              {
                quotaMetric:
                  'generativelanguage.googleapis.com/generate_content_free_tier_requests',
                quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier',
                quotaDimensions: { location: 'global', model },
                quotaValue: '10',
              },
            ],
          },
          {
            '@type': 'type.googleapis.com/google.rpc.Help',
            links: [
              {
                description: 'Learn more about Gemini API quotas',
                url: 'https://ai.google.dev/gemini-api/docs/rate-limits',
              },
            ],
          },
          {
            '@type': 'type.googleapis.com/google.rpc.RetryInfo',
            retryDelay: `${FAKE_GOOGLE_RETRY_DELAY_SECONDS}s`,
          },
        ],
      };
    case 503:
      return {
        code: status,
        status: name,
        message: 'The model is overloaded. Please try again later.',
      };
    case 500:
      return {
        code: status,
        status: name,
        message:
          'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
      };
    case 404:
      return {
        code: status,
        status: name,
        message: `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
      };
    case 401:
      return {
        code: status,
        status: name,
        message:
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      };
    case 403:
      return { code: status, status: name, message: 'The caller does not have permission' };
    case 400:
      return {
        code: status,
        status: name,
        message: '* GenerateContentRequest.contents: the fake upstream was asked to reject them\n',
      };
    default:
      return {
        code: status,
        status: name,
        message: `The fake upstream was asked to fail with status ${status}.`,
      };
  }
}
