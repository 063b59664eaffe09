/** A model of a provider's own list; Gemini's also carries limits and methods. */
export interface FakeListedModel {
  id: string;
  inputTokenLimit?: number;
  outputTokenLimit?: number;
  supportedGenerationMethods?: string[];
}
