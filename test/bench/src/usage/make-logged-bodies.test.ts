import { describe, expect, it } from 'vitest';
import { makeLoggedBodies } from './make-logged-bodies.js';

describe('makeLoggedBodies', () => {
  it('makes a JSON request and a JSON answer of exactly the asked size', () => {
    const bodies = makeLoggedBodies(8_192);
    expect(bodies.request).toHaveLength(8_192);
    expect(bodies.response).toHaveLength(8_192);
    expect(JSON.parse(bodies.request)).toMatchObject({ messages: [{}, { role: 'user' }] });
    expect(JSON.parse(bodies.response ?? '')).toMatchObject({ object: 'chat.completion' });
    expect(bodies).toMatchObject({ request_truncated: false, response_truncated: false });
  });
});
