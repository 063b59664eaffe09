import type { FastifyInstance } from 'fastify';
import { renderIndexHtml } from './render-index-html.js';
import { SECURITY_HEADERS } from './security-headers.js';
import type { UiBundle } from './ui-bundle.js';

/**
 * Serves the page at `prefix` and `prefix/`, and the hashed script and stylesheet under
 * `prefix/assets/` (cached for a year: a new bundle has a new name). Routes are relative to the
 * plugin's prefix.
 */
export function registerUiRoutes(
  scope: FastifyInstance,
  prefix: string,
  bundle: () => Promise<UiBundle>,
): void {
  scope.get('/', async (_request, reply) => {
    const { hash } = await bundle();
    return reply
      .headers(SECURITY_HEADERS)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(renderIndexHtml(prefix, hash));
  });

  scope.get('/assets/:file', async (request, reply) => {
    const { file } = request.params as { file: string };
    const ui = await bundle();
    const asset =
      file === `app-${ui.hash}.js`
        ? { body: ui.js, gzip: ui.jsGzip, type: 'text/javascript; charset=utf-8' }
        : file === `app-${ui.hash}.css`
          ? { body: ui.css, gzip: ui.cssGzip, type: 'text/css; charset=utf-8' }
          : undefined;
    if (asset === undefined) return reply.callNotFound();
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    reply
      .headers(SECURITY_HEADERS)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('vary', 'accept-encoding')
      .type(asset.type);
    return gzip
      ? reply.header('content-encoding', 'gzip').send(asset.gzip)
      : reply.send(asset.body);
  });
}
