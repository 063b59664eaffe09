import type { CaseRequest } from './bad-input-case.js';
import type { CaseResponse } from './case-response.js';
import { abbreviate } from './check-response.js';

/** The request and the answer, abbreviated, for a failure report. */
export function describeExchange(request: CaseRequest, response: CaseResponse): string {
  const body =
    request.body === undefined
      ? ''
      : `\n  body ${typeof request.body === 'string' ? abbreviate(request.body) : `${request.body.length} bytes`}`;
  const sent = `${request.method} ${abbreviate(request.path, 160)} as ${request.caller}${
    request.contentType !== undefined ? ` (content-type '${request.contentType}')` : ''
  }${body}`;
  if (response.kind === 'transport-error') return `${sent}\n→ ${response.error}`;
  const headers = response.headers
    .filter(([name]) => /^(content-type|x-switchyard-warnings)$/i.test(name))
    .map(([name, value]) => `${name}: ${abbreviate(value, 120)}`)
    .join(', ');
  return `${sent}\n→ ${response.status} ${abbreviate(response.body, 400)}${headers === '' ? '' : `\n  ${headers}`}`;
}
