import { z } from 'zod';

/**
 * An OpenAI-style error body (also what vLLM, Ollama, Groq, OpenRouter and Switchyard itself
 * send, in a response or as a stream's error event): `error` is an object or, from some
 * servers, a bare string.
 */
export const openAiErrorBodySchema = z.looseObject({
  error: z.union([
    z.string(),
    z.looseObject({
      message: z.string().optional(),
      type: z.string().nullable().optional(),
      code: z.union([z.string(), z.number()]).nullable().optional(),
      param: z.string().nullable().optional(),
    }),
  ]),
});
