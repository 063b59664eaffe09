import { Writable } from 'node:stream';
import type { SseRelay } from '../relay/relay-sse.js';

/**
 * `relay`, with something kept before the first text written once it is known (a translated
 * Response once complete, a native Response's owner once its id went by): its writes pass
 * through a gate that holds that one write until `keep` has answered, so a next turn may name
 * the Response as soon as the client has it (backpressure and a client that leaves pass through
 * the gate too).
 */
export function storedBeforeSent<Value>(
  relay: SseRelay,
  known: () => Value | undefined,
  keep: (value: Value) => Promise<void>,
): SseRelay {
  return {
    pipeTo(out) {
      let stored = false;
      const forward = (text: string, callback: () => void) => {
        if (out.destroyed || out.write(text)) callback();
        else out.once('drain', callback);
      };
      const gate = new Writable({
        decodeStrings: false,
        write(text: string, _encoding, callback) {
          const value = known();
          if (stored || value === undefined) return forward(text, callback);
          stored = true;
          // A store that failed loses only what it kept: the client still gets the text.
          const release = () => forward(text, callback);
          void keep(value).then(release, release);
        },
        final(callback) {
          if (!out.destroyed) out.end();
          callback();
        },
      });
      out.once('close', () => gate.destroy());
      relay.pipeTo(gate);
    },
  };
}
