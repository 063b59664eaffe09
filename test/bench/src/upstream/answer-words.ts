/** Prompt tokens every fake answer reports, whatever the request said. */
export const PROMPT_TOKENS = 9;

/**
 * The content of every fake answer, one word per streamed chunk, so the OpenAI and the
 * Anthropic stream carry the same text in the same number of chunks.
 */
export function answerWords(chunks: number): string[] {
  return Array.from({ length: chunks }, (_, index) => `word${index} `);
}
