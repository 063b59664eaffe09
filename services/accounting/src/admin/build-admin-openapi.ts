import {
  createKeySchema,
  createTeamSchema,
  pageQuerySchema,
  updateKeySchema,
  updateTeamSchema,
} from '@switchyard/contracts';
import { z } from 'zod';
import { requestLogQuerySchema } from '../request-log/request-log-query.js';
import { credentialUsageQuerySchema } from '../usage-api/credential-usage-query.js';
import { usageEventsQuerySchema } from '../usage-api/usage-events-query.js';
import { usageSummaryQuerySchema } from '../usage-api/usage-summary-query.js';
import { type JsonSchema, usageComponentSchemas } from './usage-component-schemas.js';

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
  '404': 'No such team, key, usage event or request.',
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
  {
    method: 'get',
    path: '/admin/v1/requests',
    summary:
      'Search the request log (the ledger) by model, status or class, error text, time and logged bodies, newest first',
    query: requestLogQuerySchema,
    success: ['200', 'A page of requests.', 'RequestLogList'],
  },
  {
    method: 'get',
    path: '/admin/v1/requests/{request_id}',
    summary: 'Get one request, with its request and response bodies when they were logged',
    success: ['200', 'The request.', 'RequestLogEntryWithBodies'],
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
    log_bodies: {
      type: 'boolean',
      description: "Request and response bodies of this key's requests go to the request log.",
    },
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
