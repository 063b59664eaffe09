import type { ChatStreamEncoder } from '../provider-adapter.js';

const SEQUENCE = /"sequence_number"\s*:\s*(\d+)/g;

/**
 * The egress of a native Responses stream: the upstream's events as they came, and a failure as
 * a last `error` event numbered after them (after the highest `sequence_number` of the last events
 * handed on that carry one — a keep-alive comment does not: read only when a failure is written,
 * not from every event as it passes).
 */
export function createResponsesPassThroughEncoder(): ChatStreamEncoder {
  let out = '';
  let last = '';
  return {
    chunk() {
      // A native stream hands over no chat chunks.
    },
    passThrough(sse) {
      out += sse;
      if (sse.includes('"sequence_number"')) last = sse;
    },
    done() {},
    take() {
      const text = out;
      out = '';
      return text;
    },
    error(error) {
      let next = 0;
      for (const match of last.matchAll(SEQUENCE)) next = Math.max(next, Number(match[1]) + 1);
      const data = {
        type: 'error',
        code: typeof error.code === 'string' ? error.code : null,
        message: error.message,
        param: error.param ?? null,
        sequence_number: next,
      };
      return `event: error\ndata: ${JSON.stringify(data)}\n\n`;
    },
    end: () => '',
  };
}
