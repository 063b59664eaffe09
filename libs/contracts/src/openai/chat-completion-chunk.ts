import { z } from 'zod';
import { openAiUsageSchema } from './usage.js';

/** `logprobs` of a choice: carried as sent, read by no one in the gateway. */
export const chatLogprobsSchema = z.looseObject({
  content: z.array(z.unknown()).nullish(),
  refusal: z.array(z.unknown()).nullish(),
});

/** A streamed piece of a tool call: the first names it (`id`, `function.name`), the rest add arguments. */
export const chatToolCallDeltaSchema = z.looseObject({
  /** Which call of the choice this piece belongs to (some servers leave it out). */
  index: z.number().int().nonnegative().optional(),
  id: z.string().nullish(),
  type: z.string().nullish(),
  function: z
    .looseObject({ name: z.string().nullish(), arguments: z.string().nullish() })
    .nullish(),
});
export type ChatToolCallDelta = z.infer<typeof chatToolCallDeltaSchema>;

/** What one chunk adds to a choice's message. */
export const chatDeltaSchema = z.looseObject({
  role: z.string().nullish(),
  content: z.string().nullish(),
  refusal: z.string().nullish(),
  /** Reasoning text, as DeepSeek, vLLM (`reasoning_content`) and OpenRouter (`reasoning`) send it. */
  reasoning_content: z.string().nullish(),
  reasoning: z.string().nullish(),
  tool_calls: z.array(chatToolCallDeltaSchema).nullish(),
});
export type ChatDelta = z.infer<typeof chatDeltaSchema>;

export const chatChunkChoiceSchema = z.looseObject({
  index: z.number().int().nonnegative().optional(),
  delta: chatDeltaSchema.nullish(),
  logprobs: chatLogprobsSchema.nullish(),
  finish_reason: z.string().nullish(),
});
export type ChatChunkChoice = z.infer<typeof chatChunkChoiceSchema>;

/**
 * One OpenAI `chat.completion.chunk`: what translating adapters produce and what the gateway
 * reads of an OpenAI-compatible stream. Lenient as a reader (servers leave out `created`, tool
 * call indexes…; unknown fields pass through, a usage object that is not one reads as absent);
 * the chunks Switchyard writes always carry `id`, `object`, `created`, `model` and `choices`.
 */
export const chatCompletionChunkSchema = z.looseObject({
  id: z.string().optional(),
  object: z.string().optional(),
  created: z.number().optional(),
  model: z.string().optional(),
  system_fingerprint: z.string().nullish(),
  choices: z.array(chatChunkChoiceSchema).nullish(),
  /** Null on every chunk but the last when the client asked for usage; the usage chunk has no choices. */
  usage: openAiUsageSchema.nullish().catch(undefined),
});
export type ChatCompletionChunk = z.infer<typeof chatCompletionChunkSchema>;
