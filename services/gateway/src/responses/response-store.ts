import type { ResponsesInputItem } from '@switchyard/contracts';

/** A Response this gateway translated and stored, readable by the key that created it. */
export interface StoredResponse {
  id: string;
  /** The id of the Switchyard key that created it (`master` for the master key). */
  ownerKeyId: string;
  /** The Response object as the client received it. */
  response: Record<string, unknown>;
  /**
   * This turn as input items: the request's input and the Response's output (reasoning items are
   * not kept: they cannot be carried). Earlier turns are those of `previousResponseId`.
   */
  items: ResponsesInputItem[];
  /** The Response this one continued, whose conversation comes before `items`. */
  previousResponseId?: string | undefined;
}

/**
 * Who created a Response an upstream stored (one served natively by an OpenAI route): the
 * upstream keeps its content, the gateway only its owner, so no other key reaches it by id.
 */
export interface NativeResponseOwner {
  id: string;
  /** The id of the Switchyard key that created it (`master` for the master key). */
  ownerKeyId: string;
  /** The configured provider that stored it: only its routes can continue it. */
  provider: string;
}

/**
 * Where translated Responses are kept for `previous_response_id` and `GET`/`DELETE
 * /v1/responses/{id}`, and the owners of those an upstream stored: Redis when the gateway has
 * it (shared by replicas), else process memory. Every read is by id and owner: another key's
 * Response reads as absent.
 */
export interface ResponseStore {
  get(id: string, ownerKeyId: string): Promise<StoredResponse | undefined>;
  put(stored: StoredResponse): Promise<void>;
  /** Whether a Response of this owner was there. */
  delete(id: string, ownerKeyId: string): Promise<boolean>;
  /** Records the owner of a Response an upstream stored, for the retention. */
  putNative(owner: NativeResponseOwner): Promise<void>;
  /** The record of a Response an upstream stored, if this key created it. */
  getNative(id: string, ownerKeyId: string): Promise<NativeResponseOwner | undefined>;
}

/** How long a stored Response is kept: OpenAI keeps stored Responses for 30 days too. */
export const RESPONSE_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;
