/** The model id clients ask Switchyard for. */
export const SWITCHYARD_MODEL = 'bench/gpt';
/** The upstream key Switchyard holds for the fast upstream. */
export const UPSTREAM_KEY = 'sk-bench-upstream';

/** A switchyard.yaml with one provider, the fast upstream, and one priced model on it. */
export function switchyardBenchYaml(options: {
  upstreamOrigin: string;
  upstreamModel: string;
}): string {
  return `
providers:
  - { name: bench, type: openai-compatible, base_url: "${options.upstreamOrigin}/v1", keys: [${UPSTREAM_KEY}] }
models:
  - id: ${SWITCHYARD_MODEL}
    upstream_model: ${options.upstreamModel}
    context_length: 8192
    pricing: { prompt: "0.000001", completion: "0.000002" }
`;
}
