/** The model id clients ask Switchyard for. */
export const SWITCHYARD_MODEL = 'bench/gpt';
/** The model id whose streams the upstream holds open (the open-streams scenario). */
export const SWITCHYARD_HOLD_MODEL = 'bench/hold';
/** The model id Switchyard serves from the upstream's Anthropic endpoint, translating it. */
export const SWITCHYARD_ANTHROPIC_MODEL = 'fake/claude';
/** The upstream key Switchyard holds for the fast upstream. */
export const UPSTREAM_KEY = 'sk-bench-upstream';
/** The key Switchyard sends as `x-api-key` to the upstream's Anthropic endpoint. */
export const ANTHROPIC_UPSTREAM_KEY = 'sk-ant-bench-upstream';
/** The model id Switchyard serves from the upstream's Responses endpoint, passing it through. */
export const SWITCHYARD_RESPONSES_MODEL = 'bench/responses';
/** The bearer key Switchyard sends to the upstream as its `type: openai` provider. */
export const RESPONSES_UPSTREAM_KEY = 'sk-openai-bench-upstream';

/**
 * A switchyard.yaml with three providers on the one fast upstream — `bench` (OpenAI-compatible,
 * passed through), `fast-anthropic` (`type: anthropic`, translated) and `fast-openai`
 * (`type: openai`, whose adapter serves `/v1/responses` natively: `bench:ab --scenario
 * responses-native`) — and priced models: one on each, and on `bench` the model whose streams
 * the upstream holds open. The served models hold a coding agent's turn (`bench:ab --body agent`,
 * `bench --open-agent-streams`).
 */
export function switchyardBenchYaml(options: {
  upstreamOrigin: string;
  upstreamModel: string;
  holdUpstreamModel: string;
  anthropicUpstreamModel: string;
  responsesUpstreamModel: string;
}): string {
  return `
providers:
  - { name: bench, type: openai-compatible, base_url: "${options.upstreamOrigin}/v1", keys: [${UPSTREAM_KEY}] }
  - { name: fast-anthropic, type: anthropic, base_url: "${options.upstreamOrigin}/v1", keys: [${ANTHROPIC_UPSTREAM_KEY}] }
  - { name: fast-openai, type: openai, base_url: "${options.upstreamOrigin}/v1", keys: [${RESPONSES_UPSTREAM_KEY}] }
models:
  - id: ${SWITCHYARD_MODEL}
    upstream_model: ${options.upstreamModel}
    context_length: 200000
    pricing: { prompt: "0.000001", completion: "0.000002" }
  - id: ${SWITCHYARD_HOLD_MODEL}
    provider: bench
    upstream_model: ${options.holdUpstreamModel}
    context_length: 200000
    pricing: { prompt: "0.000001", completion: "0.000002" }
  - id: ${SWITCHYARD_ANTHROPIC_MODEL}
    provider: fast-anthropic
    upstream_model: ${options.anthropicUpstreamModel}
    context_length: 200000
    max_output_tokens: 4096
    pricing: { prompt: "0.000003", completion: "0.000015" }
  - id: ${SWITCHYARD_RESPONSES_MODEL}
    provider: fast-openai
    upstream_model: ${options.responsesUpstreamModel}
    context_length: 200000
    pricing: { prompt: "0.000001", completion: "0.000002", cached_prompt: "0.0000005" }
`;
}
