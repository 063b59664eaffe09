import { describe, expect, it } from 'vitest';
import {
  client,
  fakes,
  lastUpstream,
  ledgerRow,
  ROUTES,
  useResponsesGateways,
} from './support/use-responses-gateways.js';

// The official openai SDK's Responses client against the distributed gateway (two replicas
// sharing Redis, accounting on Postgres and NATS): an OpenAI route served natively, Anthropic
// and Gemini routes translated, and a model mixing both falls back across them.

useResponsesGateways();

/** The text of a Response's messages (the SDK adds `output_text` only to non-streamed ones). */
function textOf(response: { output: { type: string; content?: unknown }[] }): string {
  return response.output
    .flatMap((item) => (item.type === 'message' ? (item.content as { text?: string }[]) : []))
    .map((part) => part.text ?? '')
    .join('');
}

describe.each(ROUTES)('the openai SDK’s Responses client against %s', (model) => {
  const native = model.startsWith('openai/');

  it('creates a text Response, priced in the ledger', async () => {
    const { data, response } = await client.responses
      .create({ model, instructions: 'Be terse.', input: 'hello there', max_output_tokens: 50 })
      .withResponse();
    expect(data.output_text).toBe('Echo: hello there');
    expect(data).toMatchObject({ object: 'response', status: 'completed', model });
    expect(data.usage?.input_tokens).toBeGreaterThan(0);
    expect(data.usage?.output_tokens).toBe(3);
    expect(response.headers.get('x-switchyard-provider')).toBe(model.split('/')[0]);
    if (native) {
      // The upstream's Response as it came (instructions repeated), only its model renamed.
      expect(data.instructions).toBe('Be terse.');
      // Passed through: the upstream received the caller's body with only the model replaced.
      expect(lastUpstream(model)).toEqual(
        expect.objectContaining({
          path: '/v1/responses',
          body: {
            model: 'gpt-test',
            instructions: 'Be terse.',
            input: 'hello there',
            max_output_tokens: 50,
          },
        }),
      );
    }
    const row = await ledgerRow(response.headers.get('x-switchyard-request-id') ?? '');
    expect(row).toMatchObject({
      endpoint: 'responses',
      model,
      status: 200,
      stream: false,
      usage_source: 'provider',
      completion_tokens: '3',
      prompt_tokens: String(data.usage?.input_tokens),
    });
    const expected = (data.usage?.input_tokens ?? 0) * 0.000002 + 3 * 0.000008;
    expect(Number(row.cost_usd)).toBeCloseTo(expected, 12);
  });

  it('streams typed events the SDK parses, in order, usage in the ledger', async () => {
    const stream = client.responses.stream({ model, input: 'stream this please' });
    const types: string[] = [];
    const sequence: number[] = [];
    const named: string[] = [];
    for await (const event of stream) {
      types.push(event.type);
      sequence.push(event.sequence_number);
      if ('response' in event) named.push(event.response.model);
    }
    const final = await stream.finalResponse();
    expect(textOf(final)).toBe('Echo: stream this please');
    // Every Response the stream carries names the model that served, not the upstream's.
    expect(named).toEqual(
      ['response.created', 'response.in_progress', 'response.completed'].map(() => model),
    );
    expect(final.model).toBe(model);
    expect(types.slice(0, 2)).toEqual(['response.created', 'response.in_progress']);
    expect(types.at(-1)).toBe('response.completed');
    for (const type of [
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
    ]) {
      expect(types).toContain(type);
    }
    expect(sequence).toEqual(sequence.map((_, index) => index));
    expect(final.usage?.output_tokens).toBe(4);
    if (native) {
      expect(lastUpstream(model).body).toEqual({
        model: 'gpt-test',
        input: 'stream this please',
        stream: true,
      });
    }

    const { data: events, response } = await client.responses
      .create({ model, input: 'count me', stream: true })
      .withResponse();
    for await (const _event of events) {
      // Drained: the ledger row is written once the stream ends.
    }
    const row = await ledgerRow(response.headers.get('x-switchyard-request-id') ?? '');
    expect(row).toMatchObject({ endpoint: 'responses', stream: true, usage_source: 'provider' });
    expect(Number(row.cost_usd)).toBeGreaterThan(0);
  });

  it('asks for JSON by text.format json_schema', async () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    };
    const response = await client.responses.create({
      model,
      input: 'a city',
      text: { format: { type: 'json_schema', name: 'city', schema, strict: true } },
    });
    expect(response.status).toBe('completed');
    const body = lastUpstream(model).body;
    if (native)
      expect(body.text).toEqual({
        format: { type: 'json_schema', name: 'city', schema, strict: true },
      });
    // Translated: Anthropic's output_config, Gemini's responseSchema.
    else expect(JSON.stringify(body)).toContain('"city"');
  });

  it('carries reasoning settings, and names reasoning state it cannot carry', async () => {
    const { data, response } = await client.responses
      .create({
        model,
        input: [
          { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: 'gAAAA-opaque' },
          { role: 'user', content: 'think about it' },
        ],
        reasoning: { effort: 'low', summary: 'auto' },
        include: ['reasoning.encrypted_content'],
      })
      .withResponse();
    expect(data.output_text).toBe('Echo: think about it');
    const warnings = response.headers.get('x-switchyard-warnings') ?? '';
    const body = lastUpstream(model).body;
    if (native) {
      expect(body.reasoning).toEqual({ effort: 'low', summary: 'auto' });
      expect(data.output[0]).toMatchObject({
        type: 'reasoning',
        summary: [{ type: 'summary_text', text: 'Considered: think about it' }],
        encrypted_content: expect.any(String),
      });
      expect(data.usage?.output_tokens_details.reasoning_tokens).toBe(4);
      expect(warnings).toBe('');
    } else {
      expect(warnings).toContain('reasoning items with encrypted_content');
      // The effort reaches the provider's adapter: as its thinking setting, or named in the
      // warnings by an adapter that has none.
      const thinking = JSON.stringify(body).match(/thinking/i) !== null;
      expect(thinking || warnings.includes('reasoning_effort')).toBe(true);
    }
  });
});

describe('a model whose routes speak different protocols', () => {
  it('falls back from a failing native route to a translated one before the first byte', async () => {
    for (const stream of [false, true]) {
      const { data, response } = await client.responses
        .create({
          model: 'mixed/flaky',
          input: 'fall back',
          tools: [{ type: 'web_search' }],
          stream,
        })
        .withResponse();
      let text = '';
      if (stream) {
        for await (const event of data as AsyncIterable<{ type: string; delta?: string }>) {
          if (event.type === 'response.output_text.delta') text += event.delta ?? '';
        }
      } else text = (data as { output_text: string }).output_text;
      expect(text).toBe('Echo: fall back');
      expect(response.headers.get('x-switchyard-provider')).toBe('anthropic');
      expect(response.headers.get('x-switchyard-warnings')).toContain(
        'the built-in tool web_search is only served by OpenAI routes and was dropped',
      );
      // The native route was sent the caller's body, built-in tool included.
      expect(fakes.openai.requests.at(-1)?.body).toMatchObject({
        model: 'error-500',
        tools: [{ type: 'web_search' }],
      });
    }
  });
});
