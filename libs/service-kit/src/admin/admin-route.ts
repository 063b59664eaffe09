import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { AdminAccess, CallerWith } from './admin-access.js';
import type { StreamedFile } from './streamed-file.js';

/** A schema's parsed value, or undefined when the route declares none. */
type Parsed<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

/** A route's one path parameter: its schema, and the 404 message for a value it refuses. */
export interface AdminPathParameter<Schema extends z.ZodType = z.ZodType> {
  schema: Schema;
  /** A value no row can have is not found, like an unknown one (never a 400 or a failed query). */
  notFound: (value: string) => string;
  /** The parameter is the rest of the path, slashes included (model ids such as `openai/gpt-4o`). */
  rest?: boolean;
}

/** What a route's handler gets: the authorised caller and its parsed input. */
export interface AdminRouteInput<Access extends AdminAccess, Param, Query, Body> {
  caller: CallerWith<Access>;
  param: Parsed<Param>;
  query: Parsed<Query>;
  body: Parsed<Body>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One admin route with its contract: who may call it, the schemas of its path parameter, query
 * and body (validated before the handler runs), and of its success response (the handler must
 * return that shape). The OpenAPI document is generated from these.
 */
export interface AdminRouteSpec<
  Access extends AdminAccess = AdminAccess,
  Param extends z.ZodType | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
  Response extends z.ZodType = z.ZodType,
> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The path as OpenAPI writes it, with at most one `{parameter}`. */
  path: string;
  summary: string;
  access: Access;
  /** The 403 message for callers below `access` (default: the generic `insufficient_role` one). */
  deniedMessage?: string;
  pathParameter?: Param extends z.ZodType ? AdminPathParameter<Param> : undefined;
  query?: Query;
  body?: Body;
  /** For routes that read no body: an empty one is accepted whatever its `content-type`. */
  acceptEmptyBody?: boolean;
  response: { status: 200 | 201 | 202; description: string; schema: Response };
  /** The success body, or a {@link StreamedFile} (an export) sent as it is read. */
  handler: (
    input: AdminRouteInput<Access, Param, Query, Body>,
  ) => Promise<z.input<Response> | StreamedFile>;
}

/** A registered route as the OpenAPI builder reads it (handler types erased). */
export interface RegisteredAdminRoute {
  method: AdminRouteSpec['method'];
  path: string;
  summary: string;
  pathParameter?: AdminPathParameter;
  query?: z.ZodType;
  body?: z.ZodType;
  response: AdminRouteSpec['response'];
}
