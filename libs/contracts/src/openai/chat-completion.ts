import { z } from 'zod';
import { chatLogprobsSchema } from './chat-completion-chunk.js';
import { openAiUsageSchema } from './usage.js';

/** A tool call of a finished message (one assembled from a cut stream may lack its id). */
export const chatToolCallSchema = z.looseObject({
  id: z.string().optional(),
  type: z.string().optional(),
  function: z.looseObject({ name: z.string(), arguments: z.string().optional() }),
});
export type ChatToolCall = z.infer<typeof chatToolCallSchema>;

/** The assistant message of a choice. */
export const chatCompletionMessageSchema = z.looseObject({
  role: z.string().optional(),
  content: z.string().nullish(),
  refusal: z.string().nullish(),
  reasoning_content: z.string().nullish(),
  tool_calls: z.array(chatToolCallSchema).nullish(),
});
export type ChatCompletionMessage = z.infer<typeof chatCompletionMessageSchema>;

export const chatCompletionChoiceSchema = z.looseObject({
  index: z.number().int().nonnegative().optional(),
  message: chatCompletionMessageSchema.optional(),
  logprobs: chatLogprobsSchema.nullish(),
  finish_reason: z.string().nullish(),
});
export type ChatCompletionChoice = z.infer<typeof chatCompletionChoiceSchema>;

/**
 * An OpenAI `chat.completion`, the canonical answer inside the gateway. Lenient as a reader:
 * only `choices` is required, unknown fields pass through, and a usage object that is not one
 * reads as absent.
 */
export const chatCompletionSchema = z.looseObject({
  id: z.string().optional(),
  object: z.string().optional(),
  created: z.number().optional(),
  model: z.string().optional(),
  system_fingerprint: z.string().nullish(),
  choices: z.array(chatCompletionChoiceSchema),
  usage: openAiUsageSchema.nullish().catch(undefined),
});
export type ChatCompletion = z.infer<typeof chatCompletionSchema>;
