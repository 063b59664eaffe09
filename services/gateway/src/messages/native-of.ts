import type { NativeMessagesAdapter } from '@switchyard/providers';
import type { Candidate } from '../routing/plan-candidates.js';

/**
 * The provider's Messages pass-through when the candidate's provider and upstream model speak
 * the Messages API (every Anthropic model; only the Claude models of Bedrock and Vertex);
 * undefined when the request is translated instead.
 */
export function nativeOf(candidate: Candidate): NativeMessagesAdapter | undefined {
  const native = candidate.route.provider.adapter.nativeMessages;
  if (native === undefined) return undefined;
  return (native.servesModel?.(candidate.route.upstreamModel) ?? true) ? native : undefined;
}
