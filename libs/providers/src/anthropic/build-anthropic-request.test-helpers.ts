import type { ChatCompletionRequest } from '@switchyard/contracts';
import { ProviderError } from '../provider-error.js';
import { buildAnthropicRequest } from './build-anthropic-request.js';

/** Shared by the buildAnthropicRequest test files. */
export const target = {
  baseUrl: 'https://api.anthropic.com/v1',
  upstreamModel: 'claude-sonnet-4-5-20250929',
  apiKey: 'sk-ant-upstream',
  extraHeaders: { 'anthropic-beta': 'context-1m-2025-08-07' },
};

export type Request = Partial<ChatCompletionRequest> & Pick<ChatCompletionRequest, 'messages'>;

export function build(request: Request) {
  const built = buildAnthropicRequest(
    { model: 'anthropic/claude', max_tokens: 256, ...request },
    target,
  );
  return { built, body: JSON.parse(built.body ?? 'null') as Record<string, unknown> };
}

export function refusal(request: Request): ProviderError {
  try {
    build(request);
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('the request was not refused');
}

export const hi = [{ role: 'user' as const, content: 'Hi' }];
export const tools = [
  {
    type: 'function' as const,
    function: {
      name: 'get_weather',
      description: 'Weather for a city',
      parameters: { type: 'object', properties: { location: { type: 'string' } } },
    },
  },
];
