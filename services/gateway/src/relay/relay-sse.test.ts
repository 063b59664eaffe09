import { createOpenAiCompatibleAdapter, ProviderError } from '@switchyard/providers';
import { ApiError } from '@switchyard/service-kit';
import { describe, expect, it } from 'vitest';
import { type RelayEnd, relaySse } from './relay-sse.js';

const transformer = () =>
  createOpenAiCompatibleAdapter().createChatStreamTransformer({
    createdAtSeconds: 0,
    upstreamModel: 'm',
    includeUsage: true,
  });

async function run(chunks: string[]) {
  const ends: RelayEnd[] = [];
  let firstBytes = 0;
  let output = '';
  async function* body() {
    for (const chunk of chunks) yield Buffer.from(chunk);
  }
  let out = '';
  for await (const text of relaySse({
    body: body(),
    transformer: transformer(),
    clientClosed: () => false,
    toClientError: (error) =>
      new ApiError(
        502,
        'upstream_error',
        error instanceof ProviderError ? (error.code ?? 'x') : 'transport',
        String(error),
      ),
    onFirstByte: () => {
      firstBytes += 1;
    },
    onOutput: (text) => {
      output += text;
    },
    onEnd: (end) => ends.push(end),
  })) {
    out += text;
  }
  return { out, output, end: ends[0], ends: ends.length, firstBytes };
}

describe('relaySse', () => {
  it('passes a complete stream through and ends cleanly once', async () => {
    const { out, output, end, ends, firstBytes } = await run([
      'data: {"choices":[]}\n\n',
      'data: [DONE]\n\n',
    ]);
    expect(out).toBe('data: {"choices":[]}\n\ndata: [DONE]\n\n');
    expect(output).toBe(out);
    expect(end).toEqual({ error: undefined, clientClosed: false });
    expect([ends, firstBytes]).toEqual([1, 1]);
  });

  it('ends a stream the upstream closed without [DONE] with an error event', async () => {
    const { out, output, end } = await run(['data: {"choices":[]}\n\n']);
    expect(out).toMatch(/data: \{"error":\{.*"code":"incomplete_stream"/);
    expect(output).toBe('data: {"choices":[]}\n\n');
    expect(end?.error?.status).toBe(502);
  });

  it('replaces an upstream error event by the gateway’s own and stops reading', async () => {
    const { out, end } = await run([
      'data: {"choices":[]}\n\ndata: {"error":{"message":"boom","type":"server_error"}}\n\n',
      'data: {"choices":[{"delta":{"content":"late"}}]}\n\n',
    ]);
    expect(out).not.toContain('late');
    expect(out).not.toContain('"boom"');
    expect(out.match(/"error"/g)).toHaveLength(1);
    expect(end?.error).toBeDefined();
  });
});
