/**
 * Whether a Bedrock model id names an Anthropic Claude model, which speaks Anthropic's Messages
 * API through `invoke`: a foundation model (`anthropic.claude-sonnet-4-5-…-v1:0`), a cross-region
 * inference profile (`us.anthropic.claude-…`) or an ARN of either.
 */
export function isBedrockClaudeModel(modelId: string): boolean {
  return modelId.includes('anthropic.claude');
}
