import OpenAI from 'openai';
import type { FunctionTool, ResponseInputItem } from 'openai/resources/responses/responses';
import { describe, expect, it } from 'vitest';
import {
  admin,
  client,
  clients,
  gateways,
  lastUpstream,
  ROUTES,
  useResponsesGateways,
} from './support/use-responses-gateways.js';

// Conversations through the Responses API on the distributed gateway: function calls over
// several turns, by previous_response_id on either replica or by explicit input items, and
// stored Responses that only their own key can read or delete.

useResponsesGateways();

const lookup: FunctionTool = {
  type: 'function',
  name: 'lookup',
  description: 'Look something up',
  parameters: {
    type: 'object',
    properties: { input: { type: 'string' } },
    required: ['input'],
    additionalProperties: false,
  },
  strict: true,
};

describe.each(ROUTES)('the openai SDK’s Responses client against %s', (model) => {
  const native = model.startsWith('openai/');

  it('runs function calls over several turns with previous_response_id, on either replica', async () => {
    const first = await client.responses.create({
      model,
      input: 'weather in Paris',
      tools: [lookup],
    });
    const call = first.output.find((item) => item.type === 'function_call');
    expect(call).toMatchObject({ type: 'function_call', name: 'lookup' });
    if (call?.type !== 'function_call') throw new Error('no function call');
    expect(JSON.parse(call.arguments)).toEqual({ input: 'weather in Paris' });

    // The next turn on the other replica: stored Responses live in the shared Redis.
    const second = await (clients[1] as OpenAI).responses.create({
      model,
      previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: call.call_id, output: 'sunny, 21°C' }],
      tools: [lookup],
      tool_choice: 'none',
    });
    expect(second.output_text).toContain('Echo:');
    expect(second.previous_response_id).toBe(first.id);
    const upstream = JSON.stringify(lastUpstream(model).body);
    expect(upstream).toContain('sunny, 21°C');
    if (native) expect(lastUpstream(model).body.previous_response_id).toBe(first.id);
    else expect(upstream).toContain('weather in Paris');

    // A third turn continues the second.
    const third = await client.responses.create({
      model,
      previous_response_id: second.id,
      input: 'and tomorrow?',
    });
    expect(third.output_text).toBe('Echo: and tomorrow?');
    expect(JSON.stringify(lastUpstream(model).body)).toContain(native ? second.id : 'sunny, 21°C');
  });

  it('runs function calls with explicit input items and store: false, streamed', async () => {
    const stream = client.responses.stream({
      model,
      input: 'find kiwis',
      tools: [lookup],
      tool_choice: { type: 'function', name: 'lookup' },
      store: false,
    });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    const first = await stream.finalResponse();
    expect(types).toContain('response.function_call_arguments.delta');
    expect(types).toContain('response.function_call_arguments.done');
    const call = first.output.find((item) => item.type === 'function_call');
    if (call?.type !== 'function_call') throw new Error('no function call');
    expect(JSON.parse(call.arguments)).toEqual({ input: 'find kiwis' });

    const input: ResponseInputItem[] = [
      { role: 'user', content: 'find kiwis' },
      { type: 'function_call', call_id: call.call_id, name: call.name, arguments: call.arguments },
      { type: 'function_call_output', call_id: call.call_id, output: 'three kiwis' },
    ];
    const second = await client.responses.create({
      model,
      input,
      tools: [lookup],
      tool_choice: 'none',
      store: false,
    });
    expect(second.output_text).toBe('Echo: find kiwis');
    expect(JSON.stringify(lastUpstream(model).body)).toContain('three kiwis');
    // Not stored: by the upstream (`store: false`) nor, for a native route, by the gateway.
    await expect(client.responses.retrieve(first.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe('stored Responses', () => {
  it('are read and deleted by their own key only', async () => {
    const team = await admin<{ id: string }>('POST', '/teams', { name: 'responses-b' });
    const other = await admin<{ secret: string }>('POST', '/keys', { name: 'b', team_id: team.id });
    const stranger = new OpenAI({
      baseURL: `${gateways[0]?.origin}/v1`,
      apiKey: other.secret,
      maxRetries: 0,
    });
    const mine = await client.responses.create({ model: 'anthropic/claude-test', input: 'secret' });
    expect((await (clients[1] as OpenAI).responses.retrieve(mine.id)).output_text).toBe(
      'Echo: secret',
    );
    await expect(stranger.responses.retrieve(mine.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      stranger.responses.create({
        model: 'anthropic/claude-test',
        previous_response_id: mine.id,
        input: 'and?',
      }),
    ).rejects.toMatchObject({ status: 400, code: 'previous_response_not_found' });
    await expect(stranger.responses.delete(mine.id)).rejects.toMatchObject({ status: 404 });
    await client.responses.delete(mine.id);
    await expect(client.responses.retrieve(mine.id)).rejects.toMatchObject({ status: 404 });
  });
});
