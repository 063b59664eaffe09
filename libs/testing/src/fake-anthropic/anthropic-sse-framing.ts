import { createSseFraming } from '../fake-upstream/create-sse-framing.js';

/** Anthropic's stream: named events, `event: <name>\ndata: <json>\n\n`, no trailer. */
export const anthropicSseFraming = createSseFraming({
  contentType: 'text/event-stream; charset=utf-8',
  lineEnd: '\n',
  garbage: [
    'event: message_start\ndata: {"type": this is not JSON\n\n',
    'event: message_stop\ndata: {"type":"message_stop"}\n\n',
  ],
});
