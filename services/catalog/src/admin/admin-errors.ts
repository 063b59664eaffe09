import { ApiError } from '@switchyard/service-kit';

/** Errors of the catalog admin API that the shared `apiErrors` table does not spell. */
export const adminErrors = {
  insufficientRole: (message = 'This key may not use this admin route.') =>
    new ApiError(403, 'permission_error', 'insufficient_role', message),
  conflict: (code: string, message: string, param: string | null = null) =>
    new ApiError(409, 'invalid_request_error', code, message, { param }),
} as const;
