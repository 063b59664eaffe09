/** Scenario models of the fake upstream that the e2e config exposes as `fake/<scenario>`. */
const SCENARIOS = [
  'error-400',
  'error-429',
  'error-500',
  'error-503',
  'stall-headers',
  'stall-stream',
  'slow-stream-100',
  'slow-300',
  'break-stream',
  'garbage',
];

/** The upstream key the gateway holds for the fake; tests assert it never leaks. */
export const FAKE_UPSTREAM_KEY = 'sk-fake-upstream-0123456789abcdef';

/**
 * A switchyard.yaml pointing at a fake OpenAI upstream (`${FAKE_URL}` interpolated from the
 * environment), with short timeouts so timeout paths run quickly.
 */
export function fakeConfigYaml(options: { bodyLimitBytes?: number } = {}): string {
  const scenarioModels = SCENARIOS.map(
    (scenario) =>
      `  - { id: fake/${scenario}, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }`,
  ).join('\n');
  return `
server:
  body_limit_bytes: ${options.bodyLimitBytes ?? 65536}
  shutdown_grace_ms: 5000
upstream:
  connect_timeout_ms: 1000
  first_byte_timeout_ms: 800
  idle_timeout_ms: 800
  request_timeout_ms: 10000
providers:
  - name: fake
    type: openai-compatible
    base_url: \${FAKE_URL}
    keys: [${FAKE_UPSTREAM_KEY}]
  - name: dead
    type: openai-compatible
    base_url: http://127.0.0.1:1/v1
  # Its own provider: the upstream refusing the key takes that credential out of rotation.
  - name: leaky
    type: openai-compatible
    base_url: \${FAKE_URL}
    keys: [${FAKE_UPSTREAM_KEY}]
models:
  - id: fake/gpt
    name: Fake GPT
    upstream_model: gpt-test
    context_length: 8192
    max_output_tokens: 1024
    pricing: { prompt: "0.000001", completion: "0.000002", cached_prompt: "0.0000005" }
  - { id: fake/embed, kind: embedding, upstream_model: text-embed, context_length: 8191, pricing: { prompt: "0.0000001" } }
  - { id: dead/gpt, context_length: 8192 }
  - { id: fake/cached, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002", cached_prompt: "0.0000005" } }
  - { id: fake/error-leak, provider: leaky, context_length: 8192 }
${scenarioModels}
`;
}
