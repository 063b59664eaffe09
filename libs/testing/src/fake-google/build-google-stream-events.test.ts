import { describe, expect, it } from 'vitest';
import { buildGoogleStreamEvents } from './build-google-stream-events.js';

const meta = { modelVersion: 'm', responseId: 'r' };
const usage = {
  promptTokenCount: 2,
  candidatesTokenCount: 5,
  totalTokenCount: 7,
  promptTokensDetails: [{ modality: 'TEXT' as const, tokenCount: 2 }],
};

describe('buildGoogleStreamEvents', () => {
  it('interleaves candidates, a whole function call in one event, full usage last', () => {
    const events = buildGoogleStreamEvents(
      meta,
      [
        { kind: 'text', text: 'Echo: hi', finishReason: 'STOP' },
        { kind: 'function-call', name: 'f', args: { input: 'hi' } },
      ],
      usage,
    );
    expect(events.map((event) => event.candidates)).toEqual([
      [{ content: { parts: [{ text: 'Echo: ' }], role: 'model' }, index: 0 }],
      [
        {
          content: {
            parts: [{ functionCall: { name: 'f', args: { input: 'hi' } } }],
            role: 'model',
          },
          finishReason: 'STOP',
          index: 1,
        },
      ],
      [{ content: { parts: [{ text: 'hi' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
    ]);
    expect(events.map((event) => event.usageMetadata)).toEqual([
      { promptTokenCount: 2, totalTokenCount: 2, promptTokensDetails: usage.promptTokensDetails },
      { promptTokenCount: 2, totalTokenCount: 2, promptTokensDetails: usage.promptTokensDetails },
      usage,
    ]);
    expect(events[0]).toMatchObject(meta);
  });
});
