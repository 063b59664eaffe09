import { FAKE_UPSTREAM_KEY } from '../support/fake-config.js';

/** The key the fake Google upstream accepts. */
export const FAKE_GOOGLE_KEY = 'AIzaSyFakeCorpusKey0123456789abcdef';

/**
 * The corpus server's switchyard.yaml: a 64 KiB body limit (so 413 is cheap to reach), a fake
 * OpenAI-compatible upstream (`${FAKE_URL}`) and a fake Gemini one (`${FAKE_GOOGLE_URL}`), whose
 * adapter names ignored request fields in `x-switchyard-warnings`.
 */
export function corpusConfigYaml(): string {
  return `
server:
  body_limit_bytes: 65536
  shutdown_grace_ms: 2000
upstream:
  connect_timeout_ms: 1000
  first_byte_timeout_ms: 2000
  idle_timeout_ms: 2000
  request_timeout_ms: 10000
providers:
  - name: fake
    type: openai-compatible
    base_url: \${FAKE_URL}
    keys: [${FAKE_UPSTREAM_KEY}]
  - name: google
    type: google
    base_url: \${FAKE_GOOGLE_URL}
    keys: [${FAKE_GOOGLE_KEY}]
models:
  - id: fake/gpt
    upstream_model: gpt-test
    context_length: 8192
    max_output_tokens: 1024
    pricing: { prompt: "0.000001", completion: "0.000002" }
  - { id: fake/cached, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
  - { id: fake/embed, kind: embedding, upstream_model: text-embed, context_length: 8191, pricing: { prompt: "0.0000001" } }
  - { id: google/gemini-test, upstream_model: gemini-test, context_length: 1048576, pricing: { prompt: "0.0000003", completion: "0.0000025" } }
`;
}
