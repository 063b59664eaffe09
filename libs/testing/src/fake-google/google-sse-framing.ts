import { createSseFraming } from '../fake-upstream/create-sse-framing.js';

/** Gemini's `alt=sse` stream: `data: {json}\r\n\r\n` per event and no `[DONE]`. */
export const googleSseFraming = createSseFraming({
  contentType: 'text/event-stream',
  lineEnd: '\r\n',
  garbage: ['data: {"candidates": [this is not JSON\r\n\r\n'],
});
