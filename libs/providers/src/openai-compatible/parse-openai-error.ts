import { classifyUpstreamStatus, ProviderError, parseRetryAfter } from '../provider-error.js';
import { openAiErrorBodySchema } from '../shared/openai-error-body-schema.js';
import { parseJson } from '../shared/parse-json.js';

const MAX_MESSAGE_LENGTH = 1000;

/** An OpenAI-style error response (also what vLLM, Ollama, Groq and OpenRouter send) typed. */
export function parseOpenAiError(
  status: number,
  bodyText: string,
  headers: Readonly<Record<string, string | undefined>>,
  nowMs: number,
): ProviderError {
  const { kind, retryable } = classifyUpstreamStatus(status);
  const parsed = openAiErrorBodySchema.safeParse(parseJson(bodyText));
  let message = bodyText.trim().slice(0, MAX_MESSAGE_LENGTH) || `HTTP ${status}`;
  let code: string | null = null;
  let param: string | null = null;
  if (parsed.success) {
    const error = parsed.data.error;
    if (typeof error === 'string') message = error;
    else {
      message = error.message ?? message;
      code = error.code == null ? (error.type ?? null) : String(error.code);
      param = error.param ?? null;
    }
  }
  return new ProviderError(message.slice(0, MAX_MESSAGE_LENGTH), {
    kind,
    status,
    code,
    param,
    retryable,
    retryAfterSeconds: parseRetryAfter(headers['retry-after'], nowMs),
  });
}
