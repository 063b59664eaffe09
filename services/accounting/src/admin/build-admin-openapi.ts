import {
  createKeySchema,
  createTeamSchema,
  pageQuerySchema,
  updateKeySchema,
  updateTeamSchema,
} from '@switchyard/contracts';
import { z } from 'zod';
import { credentialUsageQuerySchema } from '../usage-api/credential-usage-query.js';
import { usageEventsQuerySchema } from '../usage-api/usage-events-query.js';
import { usageSummaryQuerySchema } from '../usage-api/usage-summary-query.js';

type JsonSchema = Record<string, unknown>;

interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  body?: z.ZodType;
  /** The query schema: the shared page query, or a route's own. */
  query?: true | z.ZodType;
  /** Status → description of the success response. */
  success: [status: string, description: string, schemaRef: string];
}

const errorResponses = {
  '400': 'Malformed request; `error.param` names the field.',
  '401': 'Missing or invalid API key.',
  '403': 'The key may not do this (`insufficient_role`, `forbidden_team`).',
  '404': 'No such team, key or usage event.',
} as const;

const operations: readonly Operation[] = [
  {
    method: 'post',
    path: '/admin/v1/teams',
    summary: 'Create a team',
    body: createTeamSchema,
    success: ['201', 'The team.', 'Team'],
  },
  {
    method: 'get',
    path: '/admin/v1/teams',
    summary: 'List teams',
    query: true,
    success: ['200', 'A page of teams.', 'TeamList'],
  },
  {
    method: 'get',
    path: '/admin/v1/teams/{id}',
    summary: 'Get a team',
    success: ['200', 'The team.', 'Team'],
  },
  {
    method: 'patch',
    path: '/admin/v1/teams/{id}',
    summary: 'Update a team',
    body: updateTeamSchema,
    success: ['200', 'The team.', 'Team'],
  },
  {
    method: 'delete',
    path: '/admin/v1/teams/{id}',
    summary: 'Delete a team (409 while it has active keys)',
    success: ['200', 'Deleted.', 'Deleted'],
  },
  {
    method: 'post',
    path: '/admin/v1/keys',
    summary: 'Create a key; the secret is shown once',
    body: createKeySchema,
    success: ['201', 'The key with its secret.', 'KeyWithSecret'],
  },
  {
    method: 'get',
    path: '/admin/v1/keys',
    summary: 'List keys',
    query: true,
    success: ['200', 'A page of keys.', 'KeyList'],
  },
  {
    method: 'get',
    path: '/admin/v1/keys/{id}',
    summary: 'Get a key',
    success: ['200', 'The key.', 'Key'],
  },
  {
    method: 'patch',
    path: '/admin/v1/keys/{id}',
    summary: 'Update a key',
    body: updateKeySchema,
    success: ['200', 'The key.', 'Key'],
  },
  {
    method: 'post',
    path: '/admin/v1/keys/{id}/revoke',
    summary: 'Revoke a key (idempotent)',
    success: ['200', 'The key.', 'Key'],
  },
  {
    method: 'post',
    path: '/admin/v1/keys/{id}/rotate',
    summary: 'Give a key a new secret; the old one stops working',
    success: ['200', 'The key with its new secret.', 'KeyWithSecret'],
  },
  {
    method: 'get',
    path: '/admin/v1/usage/events',
    summary: 'List usage events (the ledger), newest first; a team_admin sees its own team only',
    query: usageEventsQuerySchema,
    success: ['200', 'A page of usage events.', 'UsageEventList'],
  },
  {
    method: 'get',
    path: '/admin/v1/usage/events/{request_id}',
    summary: 'Get the usage event of one request',
    success: ['200', 'The usage event.', 'UsageEvent'],
  },
  {
    method: 'get',
    path: '/admin/v1/usage/summary',
    summary: 'Usage totals from the daily rollups, grouped by day, team, key, model or provider',
    query: usageSummaryQuerySchema,
    success: ['200', 'The summary.', 'UsageSummary'],
  },
  {
    method: 'get',
    path: '/admin/v1/usage/credentials',
    summary: 'Requests, errors and 429s per upstream credential over a time range (admin only)',
    query: credentialUsageQuerySchema,
    success: ['200', 'One row per credential that served requests.', 'CredentialUsageList'],
  },
];

/** The OpenAPI 3.1 document of the admin API, request schemas generated from the zod schemas. */
export function buildAdminOpenapi(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of operations) {
    const entry: JsonSchema = {
      summary: operation.summary,
      parameters: [
        ...pathParameters(operation.path),
        ...(operation.query === undefined
          ? []
          : queryParameters(operation.query === true ? pageQuerySchema : operation.query)),
      ],
      responses: {
        [operation.success[0]]: {
          description: operation.success[1],
          content: {
            'application/json': {
              schema: { $ref: `#/components/schemas/${operation.success[2]}` },
            },
          },
        },
        ...Object.fromEntries(
          Object.entries(errorResponses).map(([status, description]) => [
            status,
            {
              description,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          ]),
        ),
      },
    };
    if (operation.body !== undefined) {
      entry.requestBody = {
        required: true,
        content: { 'application/json': { schema: toSchema(operation.body) } },
      };
    }
    paths[operation.path] ??= {};
    const methods = paths[operation.path];
    if (methods !== undefined) methods[operation.method] = entry;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Switchyard accounting admin API', version: '1' },
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: componentSchemas(),
    },
  };
}

function toSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  });
  return rest;
}

function pathParameters(path: string): JsonSchema[] {
  if (path.includes('{request_id}')) {
    return [{ name: 'request_id', in: 'path', required: true, schema: { type: 'string' } }];
  }
  return path.includes('{id}')
    ? [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }]
    : [];
}

function queryParameters(schema: z.ZodType): JsonSchema[] {
  const properties = toSchema(schema).properties;
  if (typeof properties !== 'object' || properties === null) return [];
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema,
  }));
}

function componentSchemas(): Record<string, JsonSchema> {
  const nullableInt = { type: ['integer', 'null'] };
  const limits = {
    type: 'object',
    properties: { rpm: nullableInt, tpm: nullableInt, max_concurrent: nullableInt },
  };
  const allowlist = { type: ['array', 'null'], items: { type: 'string' } };
  const time = { type: 'string', format: 'date-time' };
  const nullableTime = { type: ['string', 'null'], format: 'date-time' };
  const team = {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      object: { const: 'team' },
      organization_id: { type: 'string' },
      name: { type: 'string' },
      limits,
      model_allowlist: allowlist,
      metadata: { type: 'object' },
      created_at: time,
      updated_at: time,
    },
  };
  const keyProperties = {
    id: { type: 'string', format: 'uuid' },
    object: { const: 'api_key' },
    team_id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    role: { enum: ['admin', 'team_admin', 'member'] },
    key_prefix: { type: 'string' },
    limits,
    model_allowlist: allowlist,
    model_limits: { type: ['object', 'null'] },
    metadata: { type: 'object' },
    expires_at: nullableTime,
    revoked_at: nullableTime,
    created_at: time,
    updated_at: time,
    last_used_at: nullableTime,
  };
  const list = (ref: string) => ({
    type: 'object',
    properties: {
      object: { const: 'list' },
      data: { type: 'array', items: { $ref: `#/components/schemas/${ref}` } },
      next_cursor: { type: ['string', 'null'] },
    },
  });
  return {
    Team: team,
    TeamList: list('Team'),
    Key: { type: 'object', properties: keyProperties },
    KeyWithSecret: {
      type: 'object',
      properties: { ...keyProperties, secret: { type: 'string', pattern: '^sk-sy-' } },
    },
    KeyList: list('Key'),
    ...usageComponentSchemas(list),
    Deleted: {
      type: 'object',
      properties: { id: { type: 'string' }, object: { type: 'string' }, deleted: { const: true } },
    },
    Error: {
      type: 'object',
      properties: {
        error: {
          type: 'object',
          properties: {
            message: { type: 'string' },
            type: { type: 'string' },
            param: { type: ['string', 'null'] },
            code: { type: ['string', 'null'] },
          },
        },
      },
    },
  };
}

function usageComponentSchemas(list: (ref: string) => JsonSchema): Record<string, JsonSchema> {
  const integer = { type: 'integer' };
  const nullableInteger = { type: ['integer', 'null'] };
  const nullableString = { type: ['string', 'null'] };
  const usd = { type: 'string', pattern: '^\\d+(\\.\\d+)?$', description: 'Exact USD.' };
  const time = { type: 'string', format: 'date-time' };
  const totals = {
    requests: integer,
    errors: integer,
    success_rate: { type: ['number', 'null'] },
    prompt_tokens: integer,
    completion_tokens: integer,
    cached_tokens: integer,
    reasoning_tokens: integer,
    total_tokens: integer,
    cost_usd: usd,
    avg_latency_ms: { type: ['number', 'null'] },
    avg_ttft_ms: { type: ['number', 'null'] },
  };
  return {
    UsageEvent: {
      type: 'object',
      properties: {
        object: { const: 'usage_event' },
        request_id: { type: 'string' },
        started_at: time,
        finished_at: time,
        received_at: time,
        key_id: nullableString,
        team_id: nullableString,
        endpoint: { type: 'string' },
        requested_model: { type: 'string' },
        model: { type: 'string' },
        provider: { type: 'string' },
        upstream_model: { type: 'string' },
        credential_id: nullableString,
        stream: { type: 'boolean' },
        status: integer,
        error_code: nullableString,
        prompt_tokens: integer,
        completion_tokens: integer,
        cached_tokens: integer,
        reasoning_tokens: integer,
        usage_source: { enum: ['provider', 'estimated', 'partial', 'none'] },
        cost_usd: { ...usd, type: ['string', 'null'] },
        cost_source: { enum: ['catalog', 'provider', null] },
        price_version: nullableString,
        latency_ms: integer,
        ttft_ms: nullableInteger,
        attempts: integer,
        fallback_used: { type: 'boolean' },
        extra: { type: 'object' },
      },
    },
    UsageEventList: list('UsageEvent'),
    CredentialUsage: {
      type: 'object',
      properties: {
        provider: { type: 'string' },
        credential_id: { type: 'string' },
        requests: integer,
        errors: integer,
        rate_limited: integer,
        last_used_at: { type: 'string', format: 'date-time' },
        last_error_at: { type: ['string', 'null'], format: 'date-time' },
      },
    },
    CredentialUsageList: list('CredentialUsage'),
    UsageSummary: {
      type: 'object',
      properties: {
        object: { const: 'usage_summary' },
        group_by: { enum: ['day', 'team', 'key', 'model', 'provider'] },
        from: { type: 'string', format: 'date' },
        to: { type: 'string', format: 'date' },
        data: {
          type: 'array',
          items: { type: 'object', properties: { group: nullableString, ...totals } },
        },
        totals: { type: 'object', properties: totals },
      },
    },
  };
}
