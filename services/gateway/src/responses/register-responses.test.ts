// POST /v1/responses through the gateway's HTTP handling: what it refuses, what a native route
// receives, and the Responses it stores (previous_response_id, GET, DELETE), on fake upstreams.
import { describe, expect, it } from 'vitest';
import { MASTER_KEY, useFakeUpstreamsGateway } from '../testing/fake-upstreams-gateway.js';

const upstreams = useFakeUpstreamsGateway();

interface ErrorBody {
  error: { message: string; code: string | null; param: string | null };
}

const call = (method: 'GET' | 'DELETE', url: string, key = MASTER_KEY) =>
  upstreams.gateway.app.inject({ method, url, headers: { authorization: `Bearer ${key}` } });

describe('POST /v1/responses', () => {
  it('refuses a malformed input item with 400 naming it, calling no upstream', async () => {
    const response = await upstreams.post('/v1/responses', {
      model: 'google/gemini-2.5-flash',
      input: [{ type: 'function_call', name: 'lookup', arguments: '{}' }],
    });
    expect(response.status).toBe(400);
    expect((response.json() as ErrorBody).error.message).toContain('input[0].call_id');
    expect(upstreams.google.requests).toHaveLength(0);
  });

  it('refuses conversation and item_reference on every route, calling no upstream', async () => {
    for (const model of ['openai/gpt-4o-mini', 'google/gemini-2.5-flash']) {
      for (const conversation of ['conv_of_someone', { id: 'conv_of_someone' }]) {
        const response = await upstreams.post('/v1/responses', {
          model,
          conversation,
          input: 'hi',
        });
        expect(response.status).toBe(400);
        expect((response.json() as ErrorBody).error).toMatchObject({
          code: 'invalid_request',
          param: 'conversation',
          message: expect.stringContaining('does not proxy the Conversations API'),
        });
      }
      const response = await upstreams.post('/v1/responses', {
        model,
        input: [
          { role: 'user', content: 'hi' },
          { type: 'item_reference', id: 'msg_of_someone' },
        ],
      });
      expect(response.status).toBe(400);
      expect((response.json() as ErrorBody).error).toMatchObject({
        code: 'invalid_request',
        param: 'input[1]',
        message: expect.stringContaining('item_reference input items are not supported'),
      });
    }
    expect(upstreams.openai.requests).toHaveLength(0);
    expect(upstreams.google.requests).toHaveLength(0);
  });

  it('refuses a request left with nothing to send once translated, calling no upstream', async () => {
    const response = await upstreams.post('/v1/responses', {
      model: 'google/gemini-2.5-flash',
      instructions: 'terse',
      input: [{ type: 'web_search_call', id: 'ws_1', status: 'completed' }],
    });
    expect(response.status).toBe(400);
    expect((response.json() as ErrorBody).error).toMatchObject({
      param: 'input',
      message:
        'Nothing is left to send: web_search_call input items are only served by OpenAI routes and were dropped.',
    });
    expect(upstreams.google.requests).toHaveLength(0);
  });

  it('sends an OpenAI route the caller’s body with only the model replaced', async () => {
    const body = {
      model: 'openai/gpt-4o-mini',
      instructions: 'terse',
      input: [{ role: 'user', content: [{ type: 'input_text', text: 'hello there' }] }],
      tools: [{ type: 'web_search' }],
      include: ['reasoning.encrypted_content'],
      metadata: { team: 'a' },
      store: false,
    };
    const response = await upstreams.post('/v1/responses', body);
    expect(response.status).toBe(200);
    expect(response.headers['x-switchyard-warnings']).toBeUndefined();
    expect(upstreams.openai.requests.at(-1)).toMatchObject({
      path: '/v1/responses',
      body: { ...body, model: 'gpt-4o-mini' },
    });
    expect(response.json()).toMatchObject({
      object: 'response',
      model: 'openai/gpt-4o-mini',
      output: [{ type: 'message', content: [{ type: 'output_text', text: 'Echo: hello there' }] }],
    });
    expect(upstreams.outcomes[0]).toMatchObject({
      endpoint: 'responses',
      status: 200,
      usageSource: 'provider',
      usage: { promptTokens: expect.any(Number), completionTokens: 3 },
    });
  });

  it('sends an OpenAI route the caller’s text as written, unless it could hide a field from the checks', async () => {
    const text =
      '{"model": "openai/gpt-4o-mini", "models": ["openai/gpt-4o"],\n "input": [{"type": "message", "role": "user", "content": "hello there"}], "temperature": 1.0, "store": false}';
    expect((await upstreams.post('/v1/responses', text)).status).toBe(200);
    expect(upstreams.openai.requests.at(-1)?.rawBody).toBe(
      '{"model": "gpt-4o-mini", "input": [{"type": "message", "role": "user", "content": "hello there"}], "temperature": 1.0, "store": false}',
    );
    // A top-level key written twice, or a message without its type (which the schema gives it):
    // what the gateway read is serialised again, so no provider reads it differently.
    const twice = '{"model": "openai/gpt-4o-mini", "input": "hi", "store": true, "store": false}';
    expect((await upstreams.post('/v1/responses', twice)).status).toBe(200);
    expect(upstreams.openai.requests.at(-1)?.rawBody).toBe(
      '{"model":"gpt-4o-mini","input":"hi","store":false}',
    );
    const untyped = '{"model": "openai/gpt-4o-mini", "input": [{"role": "user", "content": "hi"}]}';
    expect((await upstreams.post('/v1/responses', untyped)).status).toBe(200);
    expect(upstreams.openai.requests.at(-1)?.rawBody).toBe(
      '{"model":"gpt-4o-mini","input":[{"type":"message","role":"user","content":"hi"}]}',
    );
  });

  it('stores a translated Response for previous_response_id, GET and DELETE, for its key only', async () => {
    const first = await upstreams.post('/v1/responses', {
      model: 'google/gemini-2.5-flash',
      input: 'remember the word kiwi',
    });
    expect(first.status).toBe(200);
    const { id } = first.json() as { id: string };
    expect(id).toMatch(/^resp_[0-9a-f]{32}$/);

    const second = await upstreams.post('/v1/responses', {
      model: 'google/gemini-2.5-flash',
      previous_response_id: id,
      input: 'which word?',
    });
    expect(second.status).toBe(200);
    const body = upstreams.google.requests.at(-1)?.body as { contents?: unknown[] } | undefined;
    expect(body?.contents).toEqual([
      { role: 'user', parts: [{ text: 'remember the word kiwi' }] },
      { role: 'model', parts: [{ text: 'Echo: remember the word kiwi' }] },
      { role: 'user', parts: [{ text: 'which word?' }] },
    ]);

    // A third turn reads the chain back to its start.
    const secondId = (second.json() as { id: string }).id;
    const third = await upstreams.post('/v1/responses', {
      model: 'google/gemini-2.5-flash',
      previous_response_id: secondId,
      input: 'spell it',
    });
    expect(third.status).toBe(200);
    const thirdBody = upstreams.google.requests.at(-1)?.body as { contents?: unknown[] };
    expect(thirdBody.contents).toHaveLength(5);

    const read = await call('GET', `/v1/responses/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(first.json());
    expect((await call('GET', `/v1/responses/${id}`, 'sk-sy-not-a-key')).statusCode).toBe(401);
    expect((await call('DELETE', `/v1/responses/${id}`)).json()).toEqual({
      id,
      object: 'response',
      deleted: true,
    });
    expect((await call('GET', `/v1/responses/${id}`)).statusCode).toBe(404);
    // The second turn is still stored, but its conversation lost its start.
    const gone = await upstreams.post('/v1/responses', {
      model: 'google/gemini-2.5-flash',
      previous_response_id: secondId,
      input: 'still there?',
    });
    expect(gone.status).toBe(400);
    expect((gone.json() as ErrorBody).error).toMatchObject({
      code: 'previous_response_not_found',
      param: 'previous_response_id',
      message: `Previous response with id '${id}' not found.`,
    });
  });

  it('sends a conversation stored here to an OpenAI route as input items', async () => {
    const first = await upstreams.post('/v1/responses', {
      model: 'google/gemini-2.5-flash',
      input: 'start on gemini',
    });
    const { id } = first.json() as { id: string };
    const second = await upstreams.post('/v1/responses', {
      model: 'openai/gpt-4o-mini',
      previous_response_id: id,
      input: 'go on, openai',
    });
    expect(second.status).toBe(200);
    expect(upstreams.openai.requests.at(-1)?.body).toEqual({
      model: 'gpt-4o-mini',
      input: [
        { type: 'message', role: 'user', content: 'start on gemini' },
        {
          type: 'message',
          role: 'assistant',
          content: [
            { type: 'output_text', text: 'Echo: start on gemini', annotations: [], logprobs: [] },
          ],
        },
        { role: 'user', content: 'go on, openai' },
      ],
    });
  });

  it('keeps nothing when store is false', async () => {
    const response = await upstreams.post('/v1/responses', {
      model: 'google/gemini-2.5-flash',
      input: 'forget me',
      store: false,
    });
    expect(response.status).toBe(200);
    const { id, store } = response.json() as { id: string; store: boolean };
    expect(store).toBe(false);
    expect((await call('GET', `/v1/responses/${id}`)).statusCode).toBe(404);
  });

  it('continues a Response an OpenAI route stored only for the key that created it', async () => {
    for (const stream of [false, true]) {
      const first = await upstreams.post('/v1/responses', {
        model: 'openai/gpt-4o-mini',
        input: 'remember kiwi',
        stream,
      });
      expect(first.status).toBe(200);
      const id = stream
        ? /"id":\s*"(resp_[^"]+)"/.exec(first.text())?.[1]
        : (first.json() as { id: string }).id;
      expect(id).toMatch(/^resp_/);
      const second = await upstreams.post('/v1/responses', {
        model: 'openai/gpt-4o-mini',
        previous_response_id: id,
        input: 'which fruit?',
      });
      expect(second.status).toBe(200);
      expect(upstreams.openai.requests.at(-1)?.body).toMatchObject({ previous_response_id: id });
    }
  });

  it('answers GET and DELETE of a Response an OpenAI route stored with 404 saying where it is', async () => {
    const created = await upstreams.post('/v1/responses', {
      model: 'openai/gpt-4o-mini',
      input: 'kept upstream',
    });
    const { id } = created.json() as { id: string };
    upstreams.openai.reset();
    for (const method of ['GET', 'DELETE'] as const) {
      const owned = await call(method, `/v1/responses/${id}`);
      expect(owned.statusCode).toBe(404);
      expect((owned.json() as ErrorBody).error).toMatchObject({
        code: 'not_found',
        message: expect.stringContaining(`is stored by provider 'openai'`),
      });
      const unknown = await call(method, '/v1/responses/resp_never_seen');
      expect((unknown.json() as ErrorBody).error.message).toBe(
        "Response with id 'resp_never_seen' not found.",
      );
    }
    // DELETE removed nothing: the owner may still continue it.
    const next = await upstreams.post('/v1/responses', {
      model: 'openai/gpt-4o-mini',
      previous_response_id: id,
      input: 'go on',
    });
    expect(next.status).toBe(200);
    expect(upstreams.openai.requests).toHaveLength(1);
  });

  it('refuses a previous_response_id it has no record of, calling no upstream', async () => {
    const unstored = await upstreams.post('/v1/responses', {
      model: 'openai/gpt-4o-mini',
      input: 'forget me',
      store: false,
    });
    const notKept = (unstored.json() as { id: string }).id;
    upstreams.openai.reset();
    for (const id of ['resp_upstream_unknown', notKept]) {
      const response = await upstreams.post('/v1/responses', {
        model: 'openai/gpt-4o-mini',
        previous_response_id: id,
        input: 'go on',
      });
      expect(response.status).toBe(400);
      expect((response.json() as ErrorBody).error).toEqual({
        message: `Previous response with id '${id}' not found.`,
        type: 'invalid_request_error',
        code: 'previous_response_not_found',
        param: 'previous_response_id',
      });
    }
    expect(upstreams.openai.requests).toHaveLength(0);
  });
});
