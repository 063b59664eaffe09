import type { FastifyRequest } from 'fastify';
import type { AdminCaller } from './admin-caller.js';

/** Who made an admin change and through which request, as an audit row records it. */
export interface AuditActor {
  /** The calling key; null for the master key. */
  keyId: string | null;
  /** A person signed in through SSO: the identity provider's subject; null for key callers. */
  subject: string | null;
  role: string;
  /** The service's own request id (`x-switchyard-request-id`). */
  requestId: string;
  sourceIp: string | null;
}

/** The audit actor of an admin route's caller and request. */
export function auditActorOf(caller: AdminCaller, request: FastifyRequest): AuditActor {
  return {
    keyId: caller.keyId,
    subject: 'subject' in caller ? (caller.subject ?? null) : null,
    role: caller.role,
    requestId: request.id,
    sourceIp: request.ip === '' ? null : request.ip,
  };
}
