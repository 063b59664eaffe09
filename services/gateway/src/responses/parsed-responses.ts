import type {
  ChatCompletionRequest,
  JsonObjectText,
  ResponsesInputItem,
  ResponsesRequest,
} from '@switchyard/contracts';
import type { ApiError } from '@switchyard/service-kit';
import type { Principal } from '../auth/principal.js';
import type { ParsedRequest } from '../pipeline/endpoint.js';
import type { NativeResponseOwner } from './response-store.js';

/** A Responses request as the pipeline carries it: as sent, and translated to chat. */
export interface ParsedResponses extends ParsedRequest {
  /** The caller's body, checked. */
  readonly body: ResponsesRequest;
  /** The id a translated answer is given (and stored under): `resp_…`. */
  readonly responseId: string;
  /** The canonical chat request, for providers that do not speak the Responses API. */
  readonly chat: ChatCompletionRequest;
  /** What the translation to chat could not carry: warned only when a translated route serves. */
  readonly translationWarnings: readonly string[];
  /** Why no translated route can take the request (nothing left to send), if so. */
  readonly untranslatable: ApiError | undefined;
  /** The stored conversation `previous_response_id` continues (a Response this gateway stored). */
  readonly history: readonly ResponsesInputItem[];
  /**
   * A `previous_response_id` an upstream stored for this key (served natively): only a native
   * route of the provider that stored it can take the request.
   */
  readonly upstreamPrevious: NativeResponseOwner | undefined;
  /** Who asks: stored Responses belong to their key. */
  readonly principal: Principal;
  /**
   * The caller's text, for the first native upstream request built, when it may be sent as it is
   * (a plain request, no stored conversation to put before its input, and see `callerText`);
   * undefined otherwise, and after.
   */
  readonly takeSource: () => JsonObjectText | undefined;
}
