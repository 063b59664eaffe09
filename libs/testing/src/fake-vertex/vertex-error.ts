import type { ServerResponse } from 'node:http';
import {
  type AnthropicErrorResponse,
  writeAnthropicError,
} from '../fake-anthropic/anthropic-error.js';
import { type GoogleError, writeGoogleError } from '../fake-google/google-error.js';

/**
 * An error of the fake Vertex AI: Vertex's own (Google's shape: auth, routing, Gemini models)
 * or a Claude model's (Anthropic's shape, passed through by `rawPredict`).
 */
export type VertexError =
  | { readonly shape: 'google'; readonly error: GoogleError }
  | { readonly shape: 'anthropic'; readonly error: AnthropicErrorResponse };

/** Writes the error in its shape. */
export function writeVertexError(response: ServerResponse, error: VertexError): void {
  if (error.shape === 'google') writeGoogleError(response, error.error);
  else writeAnthropicError(response, error.error);
}

/** Vertex's own error, in Google's shape. */
export function vertexError(code: number, status: string, message: string): VertexError {
  return { shape: 'google', error: { code, status, message } };
}
