import { z } from 'zod';

const count = z.number().int().nonnegative();

/** A part of a Gemini answer, listing only the fields the adapter reads. */
export const googlePartSchema = z.looseObject({
  text: z.string().nullish(),
  /** A summary of the model's thinking, never shown as the answer. */
  thought: z.boolean().nullish(),
  thoughtSignature: z.string().nullish(),
  functionCall: z
    .looseObject({
      id: z.string().nullish(),
      name: z.string(),
      args: z.record(z.string(), z.unknown()).nullish(),
    })
    .nullish(),
});
export type GooglePartResponse = z.infer<typeof googlePartSchema>;

/** One candidate answer. */
export const googleCandidateSchema = z.looseObject({
  content: z.looseObject({ parts: z.array(googlePartSchema).nullish() }).nullish(),
  finishReason: z.string().nullish(),
  index: count.nullish(),
});
export type GoogleCandidate = z.infer<typeof googleCandidateSchema>;

/** `usageMetadata` of a response. */
export const googleUsageMetadataSchema = z.looseObject({
  promptTokenCount: count.nullish(),
  candidatesTokenCount: count.nullish(),
  thoughtsTokenCount: count.nullish(),
  cachedContentTokenCount: count.nullish(),
});
export type GoogleUsageMetadata = z.infer<typeof googleUsageMetadataSchema>;

const responseFields = {
  candidates: z.array(googleCandidateSchema).nullish(),
  promptFeedback: z.looseObject({ blockReason: z.string().nullish() }).nullish(),
  usageMetadata: googleUsageMetadataSchema.nullish(),
  modelVersion: z.string().nullish(),
  responseId: z.string().nullish(),
};

/** A `GenerateContentResponse`: it must have candidates, or say why the prompt got none. */
export const googleResponseSchema = z
  .looseObject(responseFields)
  .refine((body) => Array.isArray(body.candidates) || body.promptFeedback != null);
export type GoogleResponse = z.infer<typeof googleResponseSchema>;

/** One streamed `GenerateContentResponse`; a last event may carry only usage. */
export const googleStreamEventSchema = z
  .looseObject(responseFields)
  .refine(
    (body) =>
      Array.isArray(body.candidates) || body.promptFeedback != null || body.usageMetadata != null,
  );
export type GoogleStreamEvent = z.infer<typeof googleStreamEventSchema>;
