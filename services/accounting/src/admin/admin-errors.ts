import { ApiError } from '@switchyard/service-kit';

/** Errors of the admin API that the shared `apiErrors` table does not spell. */
export const adminErrors = {
  insufficientRole: (message = 'This key may not use this admin route.') =>
    new ApiError(403, 'permission_error', 'insufficient_role', message),
  forbiddenTeam: () =>
    new ApiError(
      403,
      'permission_error',
      'forbidden_team',
      'This key may only manage its own team.',
    ),
  teamHasActiveKeys: () =>
    new ApiError(
      409,
      'invalid_request_error',
      'team_has_active_keys',
      'The team still has active keys; revoke them first.',
    ),
  teamNameTaken: () =>
    new ApiError(409, 'invalid_request_error', 'team_name_taken', 'A team with this name exists.', {
      param: 'name',
    }),
} as const;
