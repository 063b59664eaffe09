import type { ServerResponse } from 'node:http';

/** An STS error: status, code (`InvalidIdentityToken`, `AccessDenied`…) and message. */
export interface StsErrorResponse {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** Writes STS's query-protocol error body (`<ErrorResponse><Error>…`), as XML. */
export function writeStsError(response: ServerResponse, error: StsErrorResponse): void {
  const xml = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${error.code}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>fake-sts</RequestId></ErrorResponse>`;
  response.writeHead(error.status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(xml),
  });
  response.end(xml);
}

/** Text safe inside an XML element. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
