import { ApiError } from '@switchyard/service-kit';

/** Errors of accounting's admin API that the shared `apiErrors` table does not spell. */
export const adminErrors = {
  forbiddenTeam: () =>
    new ApiError(
      403,
      'permission_error',
      'forbidden_team',
      'This key may only manage its own team.',
    ),
  /** A key changing its own limits, allowlist, budget, expiry, role or body logging. */
  ownKeyLimits: (param: string) =>
    new ApiError(
      403,
      'permission_error',
      'own_key_limits',
      `A key may not change its own ${param}: limits, allowlist, budget, expiry, role and ` +
        'body logging are set by an admin (or a team_admin for its team). Use another admin key.',
      { param },
    ),
  /** A team_admin granting a key more than its own key has. */
  exceedsOwnLimits: (message: string, param: string) =>
    new ApiError(403, 'permission_error', 'exceeds_own_limits', message, { param }),
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
