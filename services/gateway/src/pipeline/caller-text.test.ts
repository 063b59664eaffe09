import { readJsonObjectText } from '@switchyard/contracts';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { callerText, takeOnce } from './caller-text.js';

const requestWith = (text: string | undefined) =>
  ({ rawBody: text === undefined ? undefined : readJsonObjectText(text) }) as FastifyRequest;

describe('callerText', () => {
  it('takes the text off the request when every top-level key is written once', () => {
    const request = requestWith('{"model":"m","input":[{"role":"user","content":"caf\\u00e9"}]}');
    const text = callerText(request);
    expect(text?.text).toBe('{"model":"m","input":[{"role":"user","content":"caf\\u00e9"}]}');
    expect(request.rawBody).toBeUndefined();
    expect(callerText(requestWith(undefined))).toBeUndefined();
  });

  it('gives no text when a top-level key is written twice, however it is spelled', () => {
    // The parse reads the last previous_response_id (checked as the caller's); a provider might read the first.
    for (const text of [
      '{"model":"m","previous_response_id":"resp_other","input":"hi","previous_response_id":"resp_mine"}',
      '{"model":"m","conversation":"conv_x","\\u0063onversation":null}',
    ]) {
      const request = requestWith(text);
      expect(callerText(request), text).toBeUndefined();
      expect(request.rawBody).toBeUndefined();
    }
  });
});

describe('takeOnce', () => {
  it('gives the text to the first caller only', () => {
    const text = readJsonObjectText('{"a":1}');
    const take = takeOnce(text);
    expect(take()).toBe(text);
    expect(take()).toBeUndefined();
  });
});
