import type { FastifyRequest } from 'fastify';

/**
 * Whether the caller asked for CSV: `?format=csv`, or an `Accept` header that names `text/csv`
 * ahead of JSON (`?format=json` wins over the header). The default stays JSON.
 */
export function wantsCsv(request: FastifyRequest, format: 'json' | 'csv' | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  const accept = request.headers.accept ?? '';
  const csv = accept.indexOf('text/csv');
  if (csv === -1) return false;
  const json = accept.indexOf('application/json');
  return json === -1 || csv < json;
}
