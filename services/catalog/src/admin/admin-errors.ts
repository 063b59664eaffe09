import { ApiError } from '@switchyard/service-kit';

/** Errors of the catalog admin API that the shared `apiErrors` table does not spell. */
export const adminErrors = {
  conflict: (code: string, message: string, param: string | null = null) =>
    new ApiError(409, 'invalid_request_error', code, message, { param }),
} as const;
