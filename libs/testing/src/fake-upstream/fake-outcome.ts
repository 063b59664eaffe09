import type { FakeScenario } from './fake-scenario.js';
import type { FakeStreamEvent, FakeStreamFraming } from './fake-stream-framing.js';

/** A successful answer's body: one JSON text, or events in a stream framing. */
export type FakeReply =
  | { readonly kind: 'json'; readonly text: string }
  | {
      readonly kind: 'stream';
      readonly framing: FakeStreamFraming;
      readonly events: readonly FakeStreamEvent[];
    };

/**
 * What a route decides: refuse the request with the dialect's error, or answer it. An answer
 * names its model and scenario; the core runs the scenario (errors, delays, stalls, cuts) and
 * only then builds the reply.
 */
export type FakeOutcome<TError> =
  | { readonly kind: 'refuse'; readonly error: TError }
  | {
      readonly kind: 'answer';
      readonly model: string;
      readonly scenario: FakeScenario<string>;
      /** Whether the client asked for a stream (the `garbage` scenario then garbles the events). */
      readonly stream: boolean;
      reply(): FakeReply;
    };
