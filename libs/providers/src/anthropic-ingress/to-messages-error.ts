import { type MessagesErrorType, messagesErrorType } from './messages-error-type.js';

/** A Switchyard (OpenAI-shaped) error body, as the shared error handler writes it. */
export interface SwitchyardErrorBody {
  error: { message: string; type?: string | null; code?: string | null };
}

/** An error response in Anthropic's shape. */
export interface MessagesErrorResponse {
  status: number;
  body: { type: 'error'; error: { type: MessagesErrorType; message: string } };
}

/**
 * A Switchyard error response rewritten for `/v1/messages` clients. The status is kept: the
 * Anthropic SDKs pick their exception class and retry policy from it.
 */
export function toMessagesError(status: number, body: SwitchyardErrorBody): MessagesErrorResponse {
  return {
    status,
    body: {
      type: 'error',
      error: { type: messagesErrorType(status, body.error), message: body.error.message },
    },
  };
}
