import { inspectJsonText, type JsonObjectText } from '@switchyard/contracts';
import type { FastifyInstance } from 'fastify';
import { apiErrors } from './api-error.js';

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
    /**
     * The JSON body's text as sent with its top-level members located, on routes with
     * `config.keepRawBody` when the body is an object.
     */
    rawBody?: JsonObjectText;
  }
}

/**
 * Makes `application/json` the only body type a service accepts: fastify's JSON parser (with its
 * prototype-poisoning checks) behind a nesting-depth check, and no `text/plain` parser, so any
 * other content type is a 415 instead of a string the route then refuses with a confusing 400.
 * A route with `config.keepRawBody` also gets the text as sent (`request.rawBody`), its members
 * located by the same pass.
 *
 * The depth check's pass also says whether any key may be `__proto__` or `constructor`; when none
 * may, the body is parsed by `JSON.parse` alone, which then gives what fastify's parser would.
 * Its own prefilter searches the whole text twice with patterns that allow escapes, 3 % of the
 * gateway's CPU on a Claude Code turn.
 */
export function registerJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    const keepRawBody = request.routeOptions.config.keepRawBody === true;
    const { finding, object } = inspectJsonText(text, MAX_JSON_DEPTH, {
      locateMembers: keepRawBody,
    });
    if (finding === 'too-deep') {
      done(
        apiErrors.invalidRequest(
          `The JSON body nests objects and arrays more than ${MAX_JSON_DEPTH} levels deep.`,
        ),
        undefined,
      );
      return;
    }
    if (keepRawBody) request.rawBody = object;
    if (finding === 'plain' && text.length > 0) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        // fastify's parser answers it (a byte-order mark it skips, else its 400).
        parseJson(request, text, done);
        return;
      }
      done(null, parsed);
      return;
    }
    parseJson(request, text, done);
  });
}
