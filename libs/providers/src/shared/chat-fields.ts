/**
 * Chat request fields every translating adapter carries (or that only steer Switchyard's
 * routing: `models`, `provider`); each adapter's field rules add what it translates besides.
 */
export const CHAT_FIELDS: readonly string[] = [
  'model',
  'messages',
  'stream',
  'stream_options',
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'stop',
  'n',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'models',
  'provider',
];
