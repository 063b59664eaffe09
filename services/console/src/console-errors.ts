import { ApiError } from '@switchyard/service-kit';

/** The console's own errors, in the OpenAI error body like every other Switchyard error. */
export const consoleErrors = {
  sessionRequired: () =>
    new ApiError(
      401,
      'authentication_error',
      'session_required',
      'You are not logged in, or your session expired. Log in with your Switchyard key.',
    ),
  csrfTokenInvalid: () =>
    new ApiError(
      403,
      'permission_error',
      'csrf_token_invalid',
      'Missing or wrong x-csrf-token header; reload the console and try again.',
    ),
  crossOrigin: () =>
    new ApiError(
      403,
      'permission_error',
      'cross_origin_request',
      'Logins are accepted only from the console itself.',
    ),
  routeNotAllowed: (method: string, path: string) =>
    new ApiError(
      404,
      'invalid_request_error',
      'not_found',
      `The console does not forward ${method} ${path}.`,
    ),
  memberNotAllowed: () =>
    new ApiError(
      403,
      'permission_error',
      'insufficient_role',
      'A member key may only read its own requests and usage.',
    ),
  gatewayNeedsKey: () =>
    new ApiError(
      403,
      'permission_error',
      'key_session_required',
      "The gateway's own views (a key's limits, live credential state) need a key login; you signed in through SSO.",
    ),
  upstreamUnreachable: (what: string, cause: unknown) =>
    new ApiError(
      502,
      'upstream_error',
      'admin_api_unreachable',
      `The ${what} could not be reached; check that it is running and the console's URL for it.`,
      { cause },
    ),
  malformedUpstream: (what: string) =>
    new ApiError(
      502,
      'upstream_error',
      'upstream_error',
      `The ${what} answered with something the console could not read.`,
    ),
} as const;
