import { z } from 'zod';

const inputText = z.looseObject({ type: z.literal('input_text'), text: z.string() });
const inputImage = z
  .looseObject({
    type: z.literal('input_image'),
    image_url: z.string().min(1).nullish(),
    file_id: z.string().min(1).nullish(),
    detail: z.string().nullish(),
  })
  .refine((part) => part.image_url != null || part.file_id != null, {
    message: 'an input_image needs image_url or file_id',
  });
const inputFile = z.looseObject({
  type: z.literal('input_file'),
  file_data: z.string().min(1).nullish(),
  file_id: z.string().min(1).nullish(),
  file_url: z.string().min(1).nullish(),
  filename: z.string().nullish(),
});
const inputAudio = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({ data: z.string().min(1), format: z.string().min(1) }),
});
const outputText = z.looseObject({ type: z.literal('output_text'), text: z.string() });
const refusal = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });

/** A content part of a message item: what users send (`input_*`) and what assistants said. */
export const responsesContentPartSchema = z.discriminatedUnion('type', [
  inputText,
  inputImage,
  inputFile,
  inputAudio,
  outputText,
  refusal,
]);
export type ResponsesContentPart = z.infer<typeof responsesContentPartSchema>;

/** A message of the conversation; `type` may be left out (the SDK's `EasyInputMessage`). */
export const responsesMessageItemSchema = z.looseObject({
  type: z.literal('message'),
  id: z.string().optional(),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content: z.union([z.string(), z.array(responsesContentPartSchema)]),
  status: z.string().optional(),
});
export type ResponsesMessageItem = z.infer<typeof responsesMessageItemSchema>;

/** A function call the model made, sent back as part of the conversation. */
export const responsesFunctionCallItemSchema = z.looseObject({
  type: z.literal('function_call'),
  id: z.string().optional(),
  call_id: z.string().min(1),
  name: z.string().min(1),
  arguments: z.string(),
  status: z.string().optional(),
});
export type ResponsesFunctionCallItem = z.infer<typeof responsesFunctionCallItemSchema>;

/** The caller's result of a function call. */
export const responsesFunctionCallOutputItemSchema = z.looseObject({
  type: z.literal('function_call_output'),
  id: z.string().nullish(),
  call_id: z.string().min(1),
  output: z.union([z.string(), z.array(responsesContentPartSchema)]),
  status: z.string().nullish(),
});
export type ResponsesFunctionCallOutputItem = z.infer<typeof responsesFunctionCallOutputItemSchema>;

/** A reasoning item of an earlier turn: summaries, reasoning text, or OpenAI's encrypted state. */
export const responsesReasoningItemSchema = z.looseObject({
  type: z.literal('reasoning'),
  id: z.string().optional(),
  summary: z.array(z.looseObject({ type: z.string(), text: z.string() })).optional(),
  content: z.array(z.looseObject({ type: z.string(), text: z.string() })).nullish(),
  encrypted_content: z.string().nullish(),
  status: z.string().optional(),
});
export type ResponsesReasoningItem = z.infer<typeof responsesReasoningItemSchema>;

/**
 * Item types of OpenAI's built-in tools (and references to stored items): accepted as they are,
 * served by OpenAI routes only.
 */
export const RESPONSES_BUILT_IN_ITEM_TYPES = [
  'item_reference',
  'file_search_call',
  'web_search_call',
  'computer_call',
  'computer_call_output',
  'code_interpreter_call',
  'image_generation_call',
  'local_shell_call',
  'local_shell_call_output',
  'shell_call',
  'shell_call_output',
  'apply_patch_call',
  'apply_patch_call_output',
  'mcp_list_tools',
  'mcp_approval_request',
  'mcp_approval_response',
  'mcp_call',
  'custom_tool_call',
  'custom_tool_call_output',
  'compaction',
] as const;

const builtInItem = z.looseObject({ type: z.enum(RESPONSES_BUILT_IN_ITEM_TYPES) });

/** One input item, checked by type: a malformed or unknown item is refused naming it. */
export const responsesInputItemSchema = z.preprocess(
  // A message may leave out its type, as the SDK's `EasyInputMessage` does.
  (item) =>
    typeof item === 'object' && item !== null && !('type' in item) && 'role' in item
      ? { ...item, type: 'message' }
      : item,
  z.discriminatedUnion('type', [
    responsesMessageItemSchema,
    responsesFunctionCallItemSchema,
    responsesFunctionCallOutputItemSchema,
    responsesReasoningItemSchema,
    builtInItem,
  ]),
);
export type ResponsesInputItem = z.infer<typeof responsesInputItemSchema>;
