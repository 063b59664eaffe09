import type { ParsedResponse, ResponseContext } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import {
  type BedrockConverseResponse,
  bedrockConverseResponseSchema,
} from './bedrock-converse-schema.js';
import { bedrockResponseId } from './bedrock-response-id.js';
import { convertBedrockUsage } from './convert-bedrock-usage.js';
import { mapBedrockFinishReason } from './map-bedrock-finish-reason.js';

interface OpenAiToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/**
 * A Converse response as an OpenAI `chat.completion` with one choice: text blocks joined into
 * `content` (null when there are none), `toolUse` blocks as `tool_calls`, reasoning left out, and
 * usage with cache reads and writes included in `prompt_tokens`.
 */
export function parseBedrockResponse(body: unknown, context: ResponseContext): ParsedResponse {
  const parsed = bedrockConverseResponseSchema.safeParse(body);
  if (!parsed.success) throw ProviderError.malformed('Converse response', 'bedrock');
  const response = parsed.data;
  const { content, toolCalls } = readContent(response.output.message.content);
  const assistant: Record<string, unknown> = { role: 'assistant', content, refusal: null };
  if (toolCalls.length > 0) assistant.tool_calls = toolCalls;
  const usage = convertBedrockUsage(response.usage ?? {});
  return {
    body: {
      id: bedrockResponseId(JSON.stringify(body)),
      object: 'chat.completion',
      created: context.createdAtSeconds,
      model: context.upstreamModel,
      choices: [
        {
          index: 0,
          message: assistant,
          logprobs: null,
          finish_reason: mapBedrockFinishReason(response.stopReason),
        },
      ],
      usage: usage.body,
    },
    usage: usage.tokens,
  };
}

function readContent(blocks: BedrockConverseResponse['output']['message']['content']): {
  content: string | null;
  toolCalls: OpenAiToolCall[];
} {
  let content: string | null = null;
  const toolCalls: OpenAiToolCall[] = [];
  for (const block of blocks) {
    if (block.text !== undefined) content = (content ?? '') + block.text;
    else if (block.toolUse !== undefined) {
      toolCalls.push({
        id: block.toolUse.toolUseId,
        type: 'function',
        function: {
          name: block.toolUse.name,
          arguments: JSON.stringify(block.toolUse.input ?? {}),
        },
      });
    }
    // reasoningContent, citations and guard content have no place in an OpenAI message.
  }
  return { content, toolCalls };
}
