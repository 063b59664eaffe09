/** One dispatched Server-Sent Event. */
export interface SseEvent {
  /** The `event:` field; undefined when the event did not name a type (a `message`). */
  readonly event: string | undefined;
  /** The `data:` lines joined with `\n`. */
  readonly data: string;
  /** The `id:` field given in this event's block, undefined when it had none. */
  readonly id: string | undefined;
}
