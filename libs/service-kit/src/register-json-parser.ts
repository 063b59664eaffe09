import type { FastifyInstance } from 'fastify';
import { apiErrors } from './api-error.js';
import { exceedsJsonDepth } from './exceeds-json-depth.js';

/**
 * How deeply objects and arrays may nest in a request body. Far above any real request (a tool's
 * JSON schema nests a few levels per property), far below what overflows the recursive code that
 * later walks the body (validation, `JSON.stringify`).
 */
export const MAX_JSON_DEPTH = 128;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route keeps the JSON body's text as sent, in `request.rawBody` (a pass-through). */
    keepRawBody?: boolean;
  }
  interface FastifyRequest {
    /** The JSON body's text as sent, on routes with `config.keepRawBody`. */
    rawBody?: string;
  }
}

/**
 * Makes `application/json` the only body type a service accepts: fastify's JSON parser (with its
 * prototype-poisoning checks) behind a nesting-depth check, and no `text/plain` parser, so any
 * other content type is a 415 instead of a string the route then refuses with a confusing 400.
 * A route with `config.keepRawBody` also gets the text as sent (`request.rawBody`).
 */
export function registerJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) {
      done(
        apiErrors.invalidRequest(
          `The JSON body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep.`,
        ),
        undefined,
      );
      return;
    }
    if (request.routeOptions.config.keepRawBody === true) request.rawBody = text;
    parseJson(request, text, done);
  });
}
