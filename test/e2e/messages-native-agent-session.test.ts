import type Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import {
  agentRequest,
  anthropic,
  asForwarded,
  lastUpstream,
  received,
  sent,
  useMessagesNativeGateway,
} from './support/use-messages-native-gateway.js';

// A long agent session through the /v1/messages pass-through to Anthropic: every turn's body
// reaches the upstream byte for byte apart from the model name, and every answer the SDK.

useMessagesNativeGateway();

describe('a recorded-style agent session through the pass-through', () => {
  it('keeps 24 turns (tools, thinking, moving cache marks) byte-identical both ways', async () => {
    type Param = Anthropic.MessageParam;
    const mark = { type: 'ephemeral' as const };
    const base = agentRequest('unused', true);
    const history: Param[] = [];
    let cacheReads = 0;
    for (let turn = 0; turn < 24; turn += 1) {
      // The newest user turn carries the cache mark, as Claude Code places it; older turns lose it.
      const stripped: Param[] = history.map((message) =>
        typeof message.content === 'string'
          ? message
          : ({
              ...message,
              content: message.content.map((block) => {
                if (!('cache_control' in block)) return block;
                const { cache_control: _, ...rest } = block;
                return rest as typeof block;
              }),
            } as Param),
      );
      const lastAssistant = history.at(-1);
      const toolUse =
        lastAssistant !== undefined && typeof lastAssistant.content !== 'string'
          ? lastAssistant.content.find((block) => block.type === 'tool_use')
          : undefined;
      // A tool call is answered with its result, anything else with the next instruction.
      const userContent: Anthropic.ContentBlockParam[] =
        toolUse?.type === 'tool_use'
          ? [
              {
                type: 'tool_result',
                tool_use_id: toolUse.id,
                content: `contents of ${turn}.ts`,
                cache_control: mark,
              },
            ]
          : [{ type: 'text', text: `step ${turn}: read file ${turn}.ts`, cache_control: mark }];
      const messages: Param[] = [...stripped, { role: 'user', content: userContent }];
      const stream = anthropic.messages.stream({
        ...base,
        // Every third turn without tools, so text answers and tool calls alternate.
        ...(turn % 3 === 2 ? { tools: undefined } : {}),
        messages,
      });
      const answer = await stream.finalMessage();
      const upstream = lastUpstream();
      expect(upstream.rawBody, `turn ${turn} upstream`).toBe(
        asForwarded(sent, 'anthropic/claude-test', 'claude-test'),
      );
      expect(await received, `turn ${turn} downstream`).toBe(upstream.responseBody);
      expect(answer.content[0]?.type).toBe('thinking');
      cacheReads += answer.usage.cache_read_input_tokens ?? 0;
      history.splice(0, history.length, ...messages, {
        role: 'assistant',
        content: answer.content,
      });
    }
    expect(history.length).toBeGreaterThanOrEqual(48);
    // Each turn read the prefix the turn before it wrote.
    expect(cacheReads).toBeGreaterThan(0);
  });
});
