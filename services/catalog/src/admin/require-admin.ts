import { adminErrors } from './admin-errors.js';
import type { AdminPrincipal } from './admin-principal.js';

/** Throws 403 `insufficient_role` unless the caller is an admin (every catalog write, and secrets). */
export function requireAdmin(principal: AdminPrincipal): void {
  if (principal.role !== 'admin') throw adminErrors.insufficientRole();
}
