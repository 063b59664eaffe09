import type { FieldKind } from './bad-body-values.js';
import type { QueryKind } from './bad-url-values.js';
import type { RouteSpec } from './route-spec.js';

/** The fields a team and a key share (limits, budget, allowlist, metadata). */
const LIMIT_FIELDS: Record<string, FieldKind> = {
  limits: 'object',
  'limits.rpm': 'count',
  'limits.tpm': 'count',
  'limits.max_concurrent': 'count',
  'budget.limit_usd': 'usd',
  'budget.period': 'enum',
  model_allowlist: 'model-list',
  metadata: 'metadata',
};

const GOOD_LIMITS = {
  limits: { rpm: 60 },
  budget: { limit_usd: '10', period: 'month' },
  model_allowlist: ['fake/*'],
  metadata: { owner: 'corpus' },
};

const KEY_FIELDS: Record<string, FieldKind> = {
  ...LIMIT_FIELDS,
  name: 'name',
  role: 'enum',
  expires_at: 'future-timestamp',
  'model_limits.fake/gpt.rpm': 'count',
  log_bodies: 'boolean',
};

/** In 30 days: a good `expires_at` whatever today is. */
const inThirtyDays = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

const PAGE_QUERY: Record<string, QueryKind> = { limit: 'page-limit', cursor: 'cursor' };

const USAGE_FILTERS: Record<string, QueryKind> = {
  team_id: 'uuid',
  key_id: 'uuid',
  model: 'filter',
  provider: 'filter',
  error: 'filter',
  from: 'datetime',
  to: 'datetime',
  limit: 'page-limit',
  cursor: 'cursor',
};

const ADMIN_ONLY = ['member', 'team_admin'] as const;

/** The accounting admin API: teams, keys, the usage ledger and the request log. */
export const ACCOUNTING_ROUTE_SPECS: readonly RouteSpec[] = [
  {
    method: 'POST',
    template: '/admin/v1/teams',
    shape: 'openai',
    caller: 'admin',
    forbidden: ADMIN_ONLY,
    strict: true,
    path: () => '/admin/v1/teams',
    body: () => ({ name: 'corpus-new-team', ...GOOD_LIMITS }),
    fields: { name: 'name', ...LIMIT_FIELDS },
    required: ['name'],
  },
  {
    method: 'GET',
    template: '/admin/v1/teams',
    shape: 'openai',
    caller: 'admin',
    forbidden: ADMIN_ONLY,
    strict: true,
    path: () => '/admin/v1/teams',
    query: PAGE_QUERY,
  },
  {
    method: 'GET',
    template: '/admin/v1/teams/{id}',
    shape: 'openai',
    caller: 'admin',
    forbidden: ['member'],
    path: (fixtures) => `/admin/v1/teams/${fixtures.teamId}`,
    pathParameter: { kind: 'uuid', fill: (id) => `/admin/v1/teams/${id}` },
  },
  {
    method: 'PATCH',
    template: '/admin/v1/teams/{id}',
    shape: 'openai',
    caller: 'admin',
    forbidden: ADMIN_ONLY,
    strict: true,
    path: (fixtures) => `/admin/v1/teams/${fixtures.patchTeamId}`,
    pathParameter: { kind: 'uuid', fill: (id) => `/admin/v1/teams/${id}` },
    body: () => ({ metadata: { owner: 'corpus' } }),
    fields: { name: 'name', ...LIMIT_FIELDS },
  },
  {
    method: 'DELETE',
    template: '/admin/v1/teams/{id}',
    shape: 'openai',
    caller: 'admin',
    forbidden: ADMIN_ONLY,
    path: (fixtures) => `/admin/v1/teams/${fixtures.deleteTeamId}`,
    pathParameter: { kind: 'uuid', fill: (id) => `/admin/v1/teams/${id}` },
  },
  {
    method: 'POST',
    template: '/admin/v1/keys',
    shape: 'openai',
    caller: 'admin',
    forbidden: ['member'],
    strict: true,
    path: () => '/admin/v1/keys',
    body: (fixtures) => ({
      name: 'corpus-new-key',
      team_id: fixtures.teamId,
      role: 'member',
      expires_at: inThirtyDays(),
      model_limits: { 'fake/gpt': { rpm: 10 } },
      log_bodies: false,
      ...GOOD_LIMITS,
    }),
    fields: { ...KEY_FIELDS, team_id: 'uuid' },
    required: ['name', 'team_id'],
  },
  {
    method: 'GET',
    template: '/admin/v1/keys',
    shape: 'openai',
    caller: 'admin',
    forbidden: ['member'],
    strict: true,
    path: () => '/admin/v1/keys',
    query: { ...PAGE_QUERY, team_id: 'uuid' },
  },
  {
    method: 'GET',
    template: '/admin/v1/keys/{id}',
    shape: 'openai',
    caller: 'admin',
    forbidden: ['member'],
    path: (fixtures) => `/admin/v1/keys/${fixtures.memberKeyId}`,
    pathParameter: { kind: 'uuid', fill: (id) => `/admin/v1/keys/${id}` },
  },
  {
    method: 'PATCH',
    template: '/admin/v1/keys/{id}',
    shape: 'openai',
    caller: 'admin',
    forbidden: ['member'],
    strict: true,
    path: (fixtures) => `/admin/v1/keys/${fixtures.patchKeyId}`,
    pathParameter: { kind: 'uuid', fill: (id) => `/admin/v1/keys/${id}` },
    body: () => ({ name: 'corpus-patched', ...GOOD_LIMITS }),
    fields: KEY_FIELDS,
  },
  {
    method: 'POST',
    template: '/admin/v1/keys/{id}/revoke',
    shape: 'openai',
    caller: 'admin',
    forbidden: ['member'],
    path: (fixtures) => `/admin/v1/keys/${fixtures.revokeKeyId}/revoke`,
    pathParameter: { kind: 'uuid', fill: (id) => `/admin/v1/keys/${id}/revoke` },
    // Issue 13: `curl -X POST -H 'content-type: application/json'` with no body must work.
    bodyless: { emptyJsonStatus: 200 },
  },
  {
    method: 'POST',
    template: '/admin/v1/keys/{id}/rotate',
    shape: 'openai',
    caller: 'admin',
    forbidden: ['member'],
    path: (fixtures) => `/admin/v1/keys/${fixtures.rotateKeyId}/rotate`,
    pathParameter: { kind: 'uuid', fill: (id) => `/admin/v1/keys/${id}/rotate` },
    bodyless: { emptyJsonStatus: 200 },
  },
  {
    method: 'GET',
    template: '/admin/v1/usage/events',
    shape: 'openai',
    caller: 'admin',
    strict: true,
    path: () => '/admin/v1/usage/events',
    query: { ...USAGE_FILTERS, status: 'status', status_class: 'enum' },
  },
  {
    method: 'GET',
    template: '/admin/v1/usage/events/{request_id}',
    shape: 'openai',
    caller: 'admin',
    path: () => '/admin/v1/usage/events/no-such-request',
    pathParameter: { kind: 'request-id', fill: (id) => `/admin/v1/usage/events/${id}` },
  },
  {
    method: 'GET',
    template: '/admin/v1/usage/summary',
    shape: 'openai',
    caller: 'admin',
    strict: true,
    path: () => '/admin/v1/usage/summary',
    query: {
      group_by: 'enum',
      from: 'day',
      to: 'day',
      team_id: 'uuid',
      key_id: 'uuid',
      model: 'filter',
      provider: 'filter',
    },
  },
  {
    method: 'GET',
    template: '/admin/v1/usage/credentials',
    shape: 'openai',
    caller: 'admin',
    forbidden: ADMIN_ONLY,
    strict: true,
    path: () => '/admin/v1/usage/credentials',
    query: { from: 'datetime', to: 'datetime' },
  },
  {
    method: 'GET',
    template: '/admin/v1/requests',
    shape: 'openai',
    caller: 'admin',
    strict: true,
    path: () => '/admin/v1/requests',
    query: { ...USAGE_FILTERS, status: 'status', has_bodies: 'flag' },
  },
  {
    method: 'GET',
    template: '/admin/v1/requests/{request_id}',
    shape: 'openai',
    caller: 'admin',
    path: () => '/admin/v1/requests/no-such-request',
    pathParameter: { kind: 'request-id', fill: (id) => `/admin/v1/requests/${id}` },
  },
];
