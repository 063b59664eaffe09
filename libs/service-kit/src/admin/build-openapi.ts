import { errorBodySchema } from '@switchyard/contracts';
import { z } from 'zod';
import type { RegisteredAdminRoute } from './admin-route.js';

/** A JSON Schema or OpenAPI object, as the document holds it. */
export type JsonObject = Record<string, unknown>;

/** What an admin API's OpenAPI document is generated from. */
export interface OpenapiOptions {
  title: string;
  routes: readonly RegisteredAdminRoute[];
  /** Response schemas by component name: a route's response (or a part of it) shown as a `$ref`. */
  components: Readonly<Record<string, z.ZodType>>;
  /** The error statuses every route may answer, and what each means. */
  errors: Readonly<Record<string, string>>;
}

/**
 * The OpenAPI 3.1 document of registered admin routes: path parameters, query parameters and
 * request bodies from their input schemas, responses from their output schemas.
 */
export function buildOpenapi(options: OpenapiOptions): JsonObject {
  const registry = z.registry<{ id: string }>();
  registry.add(errorBodySchema, { id: 'Error' });
  for (const [id, schema] of Object.entries(options.components)) registry.add(schema, { id });
  const named = (schema: z.ZodType) => registry.get(schema)?.id;
  const components = z.toJSONSchema(registry, {
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }).schemas;
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of options.routes) {
    const response = route.response;
    const responseId = named(response.schema);
    const operation: JsonObject = {
      summary: route.summary,
      parameters: [...pathParameters(route), ...queryParameters(route.query)],
      responses: {
        [String(response.status)]: {
          description: response.description,
          content: {
            'application/json': {
              schema:
                responseId === undefined
                  ? toJsonSchema(response.schema, 'output')
                  : { $ref: `#/components/schemas/${responseId}` },
            },
          },
        },
        ...Object.fromEntries(
          Object.entries(options.errors).map(([status, description]) => [
            status,
            {
              description,
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          ]),
        ),
      },
    };
    if (route.body !== undefined) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: toJsonSchema(route.body, 'input') } },
      };
    }
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: { title: options.title, version: '1' },
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: Object.fromEntries(
        Object.entries(components).map(([id, schema]) => [id, withoutDialect(schema)]),
      ),
    },
  };
}

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  return withoutDialect(z.toJSONSchema(schema, { io, unrepresentable: 'any' }));
}

/** A schema as OpenAPI embeds it: no `$schema` or `$id` of its own. */
function withoutDialect(schema: JsonObject): JsonObject {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

function pathParameters(route: RegisteredAdminRoute): JsonObject[] {
  const name = /\{(\w+)\}/.exec(route.path)?.[1];
  if (name === undefined || route.pathParameter === undefined) return [];
  return [
    { name, in: 'path', required: true, schema: toJsonSchema(route.pathParameter.schema, 'input') },
  ];
}

function queryParameters(query: z.ZodType | undefined): JsonObject[] {
  if (query === undefined) return [];
  const schema = toJsonSchema(query, 'input');
  const properties = schema.properties;
  if (typeof properties !== 'object' || properties === null) return [];
  const required = Array.isArray(schema.required) ? schema.required : [];
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    schema: property,
  }));
}
