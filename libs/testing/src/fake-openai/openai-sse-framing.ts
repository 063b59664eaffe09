import { createSseFraming } from '../fake-upstream/create-sse-framing.js';

/** OpenAI's stream: `data: {json}` events without names, then `data: [DONE]`. */
export const openAiSseFraming = createSseFraming({
  contentType: 'text/event-stream; charset=utf-8',
  lineEnd: '\n',
  trailer: ['data: [DONE]\n\n'],
  garbage: ['data: {"id": this is not JSON\n\n'],
});
