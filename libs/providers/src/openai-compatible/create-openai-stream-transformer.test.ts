import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeChatStream } from '../shared/encode-chat-stream.js';
import { createOpenAiStreamTransformer } from './create-openai-stream-transformer.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const CONTEXT = { createdAtSeconds: 1_700_000_000, upstreamModel: 'gpt-4o' };
const bytes = (text: string) => new TextEncoder().encode(text);

/** Feeds text in pieces of `size` bytes, as a network would split it. */
function run(text: string, options: Parameters<typeof createOpenAiStreamTransformer>[0], size = 7) {
  const transformer = encodeChatStream(createOpenAiStreamTransformer(options));
  const encoded = bytes(text);
  let out = '';
  for (let offset = 0; offset < encoded.length; offset += size) {
    out += transformer.push(encoded.subarray(offset, offset + size));
  }
  out += transformer.end();
  return { out, transformer };
}

const dataLines = (sse: string) => sse.split('\n\n').filter((event) => event.startsWith('data: '));

describe('createOpenAiStreamTransformer', () => {
  const stream = fixture('chat-stream-with-usage.sse');

  it('forwards every event byte for byte when the caller asked for usage, and records it', () => {
    const { out, transformer } = run(stream, { ...CONTEXT, includeUsage: true });
    expect(out).toBe(stream);
    expect(transformer.usage).toEqual({
      promptTokens: 19,
      completionTokens: 10,
      cachedTokens: 0,
      reasoningTokens: 0,
    });
    expect(transformer.completed).toBe(true);
  });

  it('drops the usage chunk when the caller did not ask, but still records usage', () => {
    const { out, transformer } = run(stream, { ...CONTEXT, includeUsage: false });
    expect(out).not.toContain('"prompt_tokens"');
    expect(dataLines(out)).toHaveLength(dataLines(stream).length - 1);
    expect(out.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(transformer.usage?.promptTokens).toBe(19);
  });

  it('adds the annotated fields (cost) to the usage chunk', () => {
    const { out } = run(stream, {
      ...CONTEXT,
      includeUsage: true,
      annotateUsage: () => ({ cost: 0.000147 }),
    });
    const usageEvent = dataLines(out).find((event) => event.includes('"usage":{'));
    const chunk = JSON.parse(usageEvent?.slice(6) ?? '{}');
    expect(chunk.usage).toMatchObject({ prompt_tokens: 19, cost: 0.000147 });
  });

  it('answers the same whether the stream arrives in one read or in pieces', () => {
    const error = 'data: {"error":{"message":"overloaded","code":529}}\n\n';
    const texts = [
      stream,
      fixture('chat-stream-vllm-usage-on-finish.sse'),
      // Usage in the middle, an error after it, events after that.
      stream.replace('data: [DONE]\n\n', `${error}data: {"choices":[]}\n\ndata: [DONE]\n\n`),
    ];
    const options = [
      { ...CONTEXT, includeUsage: true },
      { ...CONTEXT, includeUsage: false },
      { ...CONTEXT, includeUsage: true, annotateUsage: () => ({ cost: 0.5 }) },
    ];
    for (const text of texts) {
      for (const option of options) {
        const whole = run(text, option, text.length);
        const pieces = run(text, option, 7);
        expect(whole.out).toBe(pieces.out);
        expect(whole.transformer.usage).toEqual(pieces.transformer.usage);
        expect(whole.transformer.failure?.message).toBe(pieces.transformer.failure?.message);
      }
    }
    const failed = run(texts[2] as string, options[0] as (typeof options)[0], Infinity);
    expect(failed.transformer.failure?.message).toContain('overloaded');
    expect(failed.out).not.toContain('"choices":[]}');
  });

  it('keeps the finish chunk but strips its usage when a server puts usage there', () => {
    const vllm = fixture('chat-stream-vllm-usage-on-finish.sse');
    const { out, transformer } = run(vllm, { ...CONTEXT, includeUsage: false }, 5);
    expect(out).toContain('"finish_reason":"stop"');
    expect(out).not.toContain('usage');
    expect(transformer.usage).toEqual({
      promptTokens: 12,
      completionTokens: 3,
      cachedTokens: 0,
      reasoningTokens: 0,
    });
  });

  it('forwards complete events only, holding a partial event until it is whole', () => {
    const transformer = encodeChatStream(
      createOpenAiStreamTransformer({ ...CONTEXT, includeUsage: true }),
    );
    expect(transformer.push(bytes('data: {"a":1}\n\ndata: {"b"'))).toBe('data: {"a":1}\n\n');
    expect(transformer.push(bytes(':2}\n\n'))).toBe('data: {"b":2}\n\n');
  });

  it('handles CRLF framing and multi-byte characters split across chunks', () => {
    const text = 'data: {"choices":[{"delta":{"content":"héllo ✓"}}]}\r\n\r\ndata: [DONE]\r\n\r\n';
    const { out, transformer } = run(text, { ...CONTEXT, includeUsage: true }, 3);
    expect(out).toBe(text.replace(/\r\n/g, '\n'));
    expect(transformer.completed).toBe(true);
  });

  it('reports a stream that ended without [DONE] as not completed', () => {
    const { transformer } = run('data: {"choices":[]}\n\n', { ...CONTEXT, includeUsage: true });
    expect(transformer.completed).toBe(false);
  });
});

describe('createOpenAiStreamTransformer failures', () => {
  it('keeps an upstream error event as the failure instead of forwarding it', () => {
    const text =
      'data: {"choices":[{"delta":{"content":"Hi"}}]}\n\ndata: {"error":{"message":"Internal error, key sk-abcdefgh12345","type":"server_error","code":null}}\n\n';
    const { out, transformer } = run(text, { ...CONTEXT, includeUsage: true });
    expect(out).toBe('data: {"choices":[{"delta":{"content":"Hi"}}]}\n\n');
    expect(transformer.failure).toMatchObject({
      kind: 'server_error',
      status: 502,
      retryable: true,
    });
    expect(transformer.completed).toBe(false);
  });

  it('fails a stream that never frames an event instead of buffering without bound', () => {
    const transformer = encodeChatStream(
      createOpenAiStreamTransformer({ ...CONTEXT, includeUsage: true }),
    );
    const blob = new Uint8Array(1024 * 1024).fill(120);
    for (let index = 0; index < 9; index++) transformer.push(blob);
    expect(transformer.failure).toMatchObject({ kind: 'malformed_response' });
  });
});
