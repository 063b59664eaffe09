import type { GoogleMediaPart } from './convert-google-image-part.js';

/** A function call the model made, as Gemini's `functionCall` part carries it. */
export interface GoogleFunctionCallPart {
  functionCall: { name: string; args: Record<string, unknown> };
  /** Opaque reasoning state Gemini 3 needs back with the call on the next turn. */
  thoughtSignature?: string;
}

/** One part of a Gemini `Content` that Switchyard sends. */
export type GooglePart =
  | { text: string }
  | GoogleMediaPart
  | GoogleFunctionCallPart
  | { functionResponse: { name: string; response: Record<string, unknown> } };

/** A Gemini `Content`: a turn of the conversation. */
export interface GoogleContent {
  role: 'user' | 'model';
  parts: GooglePart[];
}
