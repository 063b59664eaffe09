import { apiErrors } from '../api-error.js';
import type { AdminCaller, AdminPrincipal } from './admin-caller.js';

/** The least role a route admits: `admin` only, `team_admin` (and admin), or any live `member` key. */
export type AdminAccess = 'admin' | 'team_admin' | 'member';

/** The caller a route with `access` sees once {@link assertAdminAccess} let it through. */
export type CallerWith<Access extends AdminAccess> = Access extends 'member'
  ? AdminCaller
  : Access extends 'admin'
    ? AdminPrincipal & { role: 'admin' }
    : AdminPrincipal;

/** Throws 403 `insufficient_role` (with `message` when given) unless `caller` has `access`. */
export function assertAdminAccess<Access extends AdminAccess>(
  caller: AdminCaller,
  access: Access,
  message?: string,
): asserts caller is CallerWith<Access> {
  const allowed =
    access === 'member' ||
    caller.role === 'admin' ||
    (access === 'team_admin' && caller.role === 'team_admin');
  if (!allowed) throw apiErrors.insufficientRole(message);
}
