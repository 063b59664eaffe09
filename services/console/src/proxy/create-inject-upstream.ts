import type { FastifyInstance, HTTPMethods } from 'fastify';
import type { ConsoleUpstream } from './console-upstream.js';

/**
 * Reaches the public APIs through `app.inject` on the instance that serves them: for the
 * standalone process, where admin API, catalog, gateway and console share one fastify instance.
 * The calls go through the same public routes, authentication and error handler as over HTTP.
 */
export function createInjectUpstream(app: FastifyInstance): ConsoleUpstream {
  return async (_target, request) => {
    const response = await app.inject({
      method: request.method as HTTPMethods,
      url: request.path,
      headers: request.headers,
      ...(request.body !== undefined && { payload: request.body }),
      // An export is handed on as the admin route writes it, never read into memory here.
      ...(request.stream === true && { payloadAsStream: true }),
    });
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined)
        headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    if (request.stream === true) {
      return { status: response.statusCode, headers, body: '', stream: response.stream() };
    }
    return { status: response.statusCode, headers, body: response.body };
  };
}
