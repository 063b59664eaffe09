import { catalogSnapshotV1Schema } from '@switchyard/contracts';
import { z } from 'zod';
import {
  createCredentialSchema,
  createProviderSchema,
  listCredentialsQuerySchema,
  listModelsQuerySchema,
  updateCredentialSchema,
  updateModelSchema,
  updateProviderSchema,
} from './catalog-admin-schemas.js';

type JsonSchema = Record<string, unknown>;

interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  success: [status: string, description: string];
}

const errorResponses = {
  '400': 'Malformed request; `error.param` names the field.',
  '401': 'Missing or invalid API key.',
  '403': 'The key may not do this (`insufficient_role`): only admin keys write.',
  '404': 'No such model, provider, credential or sync run.',
} as const;

const operations: readonly Operation[] = [
  {
    method: 'get',
    path: '/admin/v1/models',
    summary: 'List and search models (admin, team_admin)',
    query: listModelsQuerySchema,
    success: ['200', 'A page of models.'],
  },
  {
    method: 'get',
    path: '/admin/v1/models/{id}',
    summary: 'Get a model with its routes and price history (admin, team_admin)',
    success: ['200', 'The model.'],
  },
  {
    method: 'patch',
    path: '/admin/v1/models/{id}',
    summary:
      'Enable/disable a model, override name, context or price, set aliases; publishes a new catalog version',
    body: updateModelSchema,
    success: ['200', 'The model and the catalog version.'],
  },
  {
    method: 'get',
    path: '/admin/v1/providers',
    summary: 'List providers',
    success: ['200', 'Every provider.'],
  },
  {
    method: 'post',
    path: '/admin/v1/providers',
    summary: "Add a provider beside the config file's",
    body: createProviderSchema,
    success: ['201', 'The provider.'],
  },
  {
    method: 'get',
    path: '/admin/v1/providers/{name}',
    summary: 'Get a provider',
    success: ['200', 'The provider.'],
  },
  {
    method: 'patch',
    path: '/admin/v1/providers/{name}',
    summary: 'Enable/disable a provider or change its base URL',
    body: updateProviderSchema,
    success: ['200', 'The provider.'],
  },
  {
    method: 'post',
    path: '/admin/v1/credentials',
    summary: 'Store an upstream credential (encrypted; the secret is never returned)',
    body: createCredentialSchema,
    success: ['201', 'The credential with a masked hint.'],
  },
  {
    method: 'get',
    path: '/admin/v1/credentials',
    summary: 'List credentials',
    query: listCredentialsQuerySchema,
    success: ['200', 'Credentials with masked hints.'],
  },
  {
    method: 'get',
    path: '/admin/v1/credentials/{id}',
    summary: 'Get a credential',
    success: ['200', 'The credential.'],
  },
  {
    method: 'patch',
    path: '/admin/v1/credentials/{id}',
    summary: 'Rename, enable/disable, set limits or replace the secret',
    body: updateCredentialSchema,
    success: ['200', 'The credential.'],
  },
  {
    method: 'delete',
    path: '/admin/v1/credentials/{id}',
    summary: 'Delete a credential',
    success: ['200', 'Deleted.'],
  },
  {
    method: 'post',
    path: '/admin/v1/catalog/sync',
    summary: 'Queue a catalog sync',
    success: ['202', "The queued run's id."],
  },
  {
    method: 'get',
    path: '/admin/v1/catalog/sync/{id}',
    summary: 'A sync run and its report (`latest` for the newest)',
    success: ['200', 'The run.'],
  },
];

/** The OpenAPI 3.1 document of the catalog admin API; request schemas come from the zod schemas. */
export function buildCatalogOpenapi(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of operations) {
    const entry: JsonSchema = {
      summary: operation.summary,
      parameters: [...pathParameters(operation.path), ...queryParameters(operation.query)],
      responses: {
        [operation.success[0]]: { description: operation.success[1] },
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
    info: { title: 'Switchyard catalog admin API', version: '1' },
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        CatalogSnapshotV1: toSchema(catalogSnapshotV1Schema),
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
      },
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
  const match = /\{(\w+)\}/.exec(path);
  return match?.[1] === undefined
    ? []
    : [{ name: match[1], in: 'path', required: true, schema: { type: 'string' } }];
}

function queryParameters(query: z.ZodObject | undefined): JsonSchema[] {
  if (query === undefined) return [];
  const properties = toSchema(query).properties;
  if (typeof properties !== 'object' || properties === null) return [];
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema,
  }));
}
