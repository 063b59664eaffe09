import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseBody } from './parse-body.js';

const part = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('image'), url: z.string() }),
]);
const schema = z.object({ content: z.union([z.string(), z.array(part)]) });

describe('parseBody', () => {
  it('names the field of the union branch the value came closest to', () => {
    expect(() => parseBody(schema, { content: [{ type: 'text' }] })).toThrow(
      expect.objectContaining({ status: 400, param: 'content[0].text' }),
    );
    expect(() => parseBody(schema, { content: [{ type: 'video' }] })).toThrow(
      expect.objectContaining({ param: 'content[0].type' }),
    );
  });

  it('names the union itself when no branch got past the value', () => {
    expect(() => parseBody(schema, { content: 5 })).toThrow(
      expect.objectContaining({
        param: 'content',
        message: 'Invalid request: content: Invalid input',
      }),
    );
  });
});
