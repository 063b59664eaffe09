import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { apiErrors } from '../api-error.js';
import { acceptEmptyBody } from './accept-empty-body.js';
import { type AdminAccess, assertAdminAccess } from './admin-access.js';
import type { AdminRouteSpec, RegisteredAdminRoute } from './admin-route.js';
import type { AuthenticateAdmin } from './create-admin-authenticator.js';
import { parseAdminInput } from './parse-admin-input.js';
import { StreamedFile } from './streamed-file.js';

/** Registers admin routes on one fastify instance and remembers them for the OpenAPI document. */
export interface AdminRouter {
  route<
    Access extends AdminAccess,
    Param extends z.ZodType | undefined = undefined,
    Query extends z.ZodType | undefined = undefined,
    Body extends z.ZodType | undefined = undefined,
    Response extends z.ZodType = z.ZodType,
  >(spec: AdminRouteSpec<Access, Param, Query, Body, Response>): void;
  /** Every route registered so far, in order. */
  readonly routes: readonly RegisteredAdminRoute[];
}

/**
 * The admin API's one way to add a route: authenticate, check the role, parse the path parameter
 * (404 when no row can match), the query and the body (400 naming the field), then the handler;
 * its answer is sent with the route's success status.
 */
export function createAdminRouter(
  app: FastifyInstance,
  options: { authenticate: AuthenticateAdmin },
): AdminRouter {
  const routes: RegisteredAdminRoute[] = [];
  return {
    routes,
    route(spec) {
      const parameter = spec.pathParameter;
      const parameterName = /\{(\w+)\}/.exec(spec.path)?.[1];
      routes.push({
        method: spec.method,
        path: spec.path,
        summary: spec.summary,
        ...(parameter !== undefined && { pathParameter: parameter }),
        ...(spec.query !== undefined && { query: spec.query }),
        ...(spec.body !== undefined && { body: spec.body }),
        response: spec.response,
      });
      app.route({
        method: spec.method,
        url: spec.path.replace(/\{(\w+)\}/, (_match, name: string) =>
          parameter?.rest === true ? '*' : `:${name}`,
        ),
        ...(spec.acceptEmptyBody === true && { preParsing: acceptEmptyBody }),
        handler: async (request, reply) => {
          const caller = await options.authenticate(request);
          assertAdminAccess(caller, spec.access, spec.deniedMessage);
          const params = request.params as Record<string, string | undefined>;
          const value = params[parameter?.rest === true ? '*' : (parameterName ?? '')] ?? '';
          const parsedParam = parameter?.schema.safeParse(value);
          if (parsedParam?.success === false)
            throw apiErrors.notFound(parameter?.notFound(value) ?? '');
          const input = {
            caller,
            param: parsedParam?.data,
            query:
              spec.query === undefined ? undefined : parseAdminInput(spec.query, request.query),
            body: spec.body === undefined ? undefined : parseAdminInput(spec.body, request.body),
            request,
            reply,
          } as Parameters<typeof spec.handler>[0];
          const answer = await spec.handler(input);
          if (answer instanceof StreamedFile) {
            return reply
              .code(200)
              .header('content-type', answer.contentType)
              .header('content-disposition', `attachment; filename="${answer.filename}"`)
              .send(answer.body);
          }
          return reply.code(spec.response.status).send(answer);
        },
      });
    },
  };
}
