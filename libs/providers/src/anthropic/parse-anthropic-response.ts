import type { ParsedResponse, ResponseContext } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import {
  type AnthropicMessageBody,
  anthropicMessageSchema,
  textBlockSchema,
  toolUseBlockSchema,
} from './anthropic-message-schema.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { ANTHROPIC_REASONING_FORMAT } from './convert-reasoning-details.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';

interface OpenAiToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/**
 * An Anthropic message as an OpenAI `chat.completion` with one choice: text blocks joined into
 * `content` (null when there are none), `tool_use` blocks as `tool_calls`, thinking as OpenRouter
 * returns it (`reasoning` text and `reasoning_details` with signatures, redacted thinking as
 * `reasoning.encrypted`), server-tool blocks left out, and usage with cached input included in
 * `prompt_tokens`.
 */
export function parseAnthropicChatResponse(
  body: unknown,
  context: ResponseContext,
): ParsedResponse {
  const parsed = anthropicMessageSchema.safeParse(body);
  if (!parsed.success) throw ProviderError.malformed('message', 'anthropic');
  const message = parsed.data;
  const { content, toolCalls, reasoning, reasoningDetails } = readContent(message.content);
  const assistant: Record<string, unknown> = { role: 'assistant', content, refusal: null };
  if (reasoningDetails.length > 0) {
    assistant.reasoning = reasoning;
    assistant.reasoning_details = reasoningDetails;
  }
  if (toolCalls.length > 0) assistant.tool_calls = toolCalls;
  const usage = convertAnthropicUsage(message.usage);
  return {
    body: {
      id: message.id,
      object: 'chat.completion',
      created: context.createdAtSeconds,
      model: message.model ?? context.upstreamModel,
      choices: [
        {
          index: 0,
          message: assistant,
          logprobs: null,
          finish_reason: mapAnthropicFinishReason(message.stop_reason),
        },
      ],
      usage: usage.body,
    },
    usage: usage.tokens,
  };
}

function readContent(blocks: AnthropicMessageBody['content']): {
  content: string | null;
  toolCalls: OpenAiToolCall[];
  reasoning: string | null;
  reasoningDetails: Record<string, unknown>[];
} {
  let content: string | null = null;
  let reasoning: string | null = null;
  const reasoningDetails: Record<string, unknown>[] = [];
  const toolCalls: OpenAiToolCall[] = [];
  for (const block of blocks) {
    const detail = { format: ANTHROPIC_REASONING_FORMAT, index: reasoningDetails.length };
    if (block.type === 'thinking' && typeof block.thinking === 'string') {
      reasoning = (reasoning ?? '') + block.thinking;
      const signature = typeof block.signature === 'string' ? block.signature : null;
      reasoningDetails.push({ type: 'reasoning.text', text: block.thinking, signature, ...detail });
      continue;
    }
    if (block.type === 'redacted_thinking' && typeof block.data === 'string') {
      reasoningDetails.push({ type: 'reasoning.encrypted', data: block.data, ...detail });
      continue;
    }
    if (block.type === 'text') {
      const text = textBlockSchema.safeParse(block);
      if (!text.success) throw ProviderError.malformed('text block', 'anthropic');
      content = (content ?? '') + text.data.text;
    } else if (block.type === 'tool_use') {
      const call = toolUseBlockSchema.safeParse(block);
      if (!call.success) throw ProviderError.malformed('tool_use block', 'anthropic');
      toolCalls.push({
        id: call.data.id,
        type: 'function',
        function: { name: call.data.name, arguments: JSON.stringify(call.data.input ?? {}) },
      });
    }
    // Server-tool blocks have no place in an OpenAI message.
  }
  return { content, toolCalls, reasoning, reasoningDetails };
}
