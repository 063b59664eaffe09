/** The model publishers Switchyard speaks to on Vertex AI. */
export type VertexPublisher = 'google' | 'anthropic';

/**
 * The publisher serving a Vertex model: Anthropic for Claude models (`claude-sonnet-4-5@20250929`),
 * Google for the rest (Gemini, text-embedding).
 */
export function vertexPublisherOf(upstreamModel: string): VertexPublisher {
  return /^claude-/i.test(upstreamModel) ? 'anthropic' : 'google';
}
