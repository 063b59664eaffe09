import { z } from 'zod';

/** Every block type the schema checks; a block of any other type is kept as `unsupported`. */
const KNOWN_BLOCK_TYPES: readonly string[] = [
  'text',
  'image',
  'tool_use',
  'tool_result',
  'thinking',
  'redacted_thinking',
  'document',
];

/**
 * A block of a type this layer does not translate (document, search_result, server tool
 * results…). It is accepted so the converter can drop it with a warning instead of refusing the
 * request; a block of a known type that is malformed still fails the parse.
 */
const unsupportedBlock = z.object({
  type: z.literal('unsupported'),
  original_type: z.string(),
});

/**
 * Blocks checked by their `type` (so a malformed one is refused naming its bad field, e.g.
 * `messages[0].content[0].text`); a block of a type not in KNOWN_BLOCK_TYPES becomes
 * `unsupported`, and a known type out of its place (thinking in a user turn) is refused.
 */
function blocksByType<
  const Options extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]],
>(options: Options) {
  return z.preprocess(
    (block) =>
      isTypedObject(block) && !KNOWN_BLOCK_TYPES.includes(block.type)
        ? { type: 'unsupported', original_type: block.type }
        : block,
    z.discriminatedUnion('type', [...options, unsupportedBlock], {
      error: 'a content block needs a string type, and this type is not allowed here',
    }),
  );
}

function isTypedObject(value: unknown): value is { type: string } {
  return (
    typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string'
  );
}

const textBlock = z.looseObject({ type: z.literal('text'), text: z.string() });

const imageSource = z.preprocess(
  (source) =>
    isTypedObject(source) && source.type !== 'base64' && source.type !== 'url'
      ? { type: 'unsupported', original_type: source.type }
      : source,
  z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('base64'), media_type: z.string().min(1), data: z.string() }),
    z.looseObject({ type: z.literal('url'), url: z.string().min(1) }),
    unsupportedBlock,
  ]),
);
const imageBlock = z.looseObject({ type: z.literal('image'), source: imageSource });

/** A document (PDF or plain text); its source is read by the converter, which warns on what it cannot carry. */
const documentBlock = z.looseObject({
  type: z.literal('document'),
  source: z.looseObject({ type: z.string() }),
});

const toolResultBlock = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string().min(1),
  content: z
    .union([z.string(), z.array(blocksByType([textBlock, imageBlock, documentBlock]))])
    .optional(),
  is_error: z.boolean().optional(),
});

const toolUseBlock = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
});

const thinkingBlock = z.looseObject({ type: z.literal('thinking'), thinking: z.string() });
const redactedThinkingBlock = z.looseObject({ type: z.literal('redacted_thinking') });

const userBlock = blocksByType([textBlock, imageBlock, toolResultBlock, documentBlock]);
const assistantBlock = blocksByType([
  textBlock,
  toolUseBlock,
  thinkingBlock,
  redactedThinkingBlock,
]);

const messageSchema = z.discriminatedUnion('role', [
  z.looseObject({ role: z.literal('user'), content: z.union([z.string(), z.array(userBlock)]) }),
  z.looseObject({
    role: z.literal('assistant'),
    content: z.union([z.string(), z.array(assistantBlock)]),
  }),
]);

const customTool = z.looseObject({
  type: z.literal('custom').optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  input_schema: z.record(z.string(), z.unknown()),
});
/** Anthropic-hosted tools (web search, bash, text editor…) have a versioned type and no schema. */
const serverTool = z
  .looseObject({ type: z.string().refine((type) => type !== 'custom'), name: z.string() })
  .transform((tool) => ({
    type: 'unsupported' as const,
    original_type: tool.type,
    name: tool.name,
  }));

const disableParallel = z.boolean().optional();
const toolChoiceSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('auto'), disable_parallel_tool_use: disableParallel }),
  z.looseObject({ type: z.literal('any'), disable_parallel_tool_use: disableParallel }),
  z.looseObject({
    type: z.literal('tool'),
    name: z.string().min(1),
    disable_parallel_tool_use: disableParallel,
  }),
  z.looseObject({ type: z.literal('none') }),
]);

/**
 * An Anthropic Messages API request (`POST /v1/messages`), as `@anthropic-ai/sdk` sends it.
 * Unknown fields are kept (loose objects) so the converter can name them in its warnings.
 */
export const messagesRequestSchema = z.looseObject({
  model: z.string().min(1),
  max_tokens: z.number().int().positive(),
  messages: z.array(messageSchema).min(1),
  system: z.union([z.string(), z.array(textBlock)]).optional(),
  stop_sequences: z.array(z.string()).optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().nonnegative().optional(),
  stream: z.boolean().optional(),
  tools: z.array(z.union([customTool, serverTool])).optional(),
  tool_choice: toolChoiceSchema.optional(),
  metadata: z.looseObject({ user_id: z.string().nullable().optional() }).optional(),
});
export type MessagesRequest = z.infer<typeof messagesRequestSchema>;
