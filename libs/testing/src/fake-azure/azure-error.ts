import type { ServerResponse } from 'node:http';
import { sendJson } from '../fake-upstream/send-json.js';

/** An error the fake Azure resource answers with: status, the JSON body, extra headers. */
export interface AzureErrorResponse {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Azure's gateway-level error shape, `{"error":{"code":"401","message":…}}`. */
export function azureGatewayError(status: number, message: string): AzureErrorResponse {
  return { status, body: { error: { code: String(status), message } } };
}

/** Writes the error as Azure does, with its `apim-request-id`. */
export function writeAzureError(response: ServerResponse, error: AzureErrorResponse): void {
  sendJson(response, error.status, JSON.stringify(error.body), 'application/json', error.headers);
}
