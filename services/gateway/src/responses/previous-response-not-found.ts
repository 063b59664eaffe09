import { ApiError } from '@switchyard/service-kit';

/** 400 for a `previous_response_id` this gateway has not stored for the caller, as OpenAI words it. */
export function previousResponseNotFound(id: string): ApiError {
  return new ApiError(
    400,
    'invalid_request_error',
    'previous_response_not_found',
    `Previous response with id '${id}' not found.`,
    { param: 'previous_response_id' },
  );
}
