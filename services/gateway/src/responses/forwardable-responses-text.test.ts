import { readJsonObjectText } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { isForwardableResponsesText } from './forwardable-responses-text.js';

const forwardable = (text: string) => isForwardableResponsesText(readJsonObjectText(text));

describe('isForwardableResponsesText', () => {
  it('forwards a text whose top-level fields each read one way', () => {
    expect(forwardable('{"model":"m","input":[{"role":"user","content":"caf\\u00e9"}]}')).toBe(
      true,
    );
  });

  it('does not forward a top-level key written twice, however it is spelled', () => {
    // The parse reads the last previous_response_id (checked as the caller's); a provider might read the first.
    expect(
      forwardable(
        '{"model":"m","previous_response_id":"resp_other","input":"hi","previous_response_id":"resp_mine"}',
      ),
    ).toBe(false);
    expect(forwardable('{"model":"m","conversation":"conv_x","\\u0063onversation":null}')).toBe(
      false,
    );
  });
});
