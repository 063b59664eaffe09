/**
 * The Bedrock runtime URL of one model operation (`converse`, `converse-stream`, `invoke`…). The
 * model id may be a foundation model (`anthropic.claude-…-v1:0`), a cross-region inference profile
 * (`us.anthropic.…`) or an ARN, so it is one encoded path segment (`:` and `/` included).
 */
export function buildBedrockUrl(baseUrl: string, modelId: string, operation: string): string {
  return `${baseUrl}/model/${encodeURIComponent(modelId)}/${operation}`;
}
