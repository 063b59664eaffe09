/** Tools an agent turn declares (Claude Code declares about this many, described at length). */
const TOOLS = 18;
/** Tool calls made so far in the conversation, each with its result. */
const TURNS = 30;

/**
 * A coding agent's turn the size Claude Code sends (~120 KB): a long system prompt, 18 tools
 * with long descriptions, 30 earlier tool calls with their results, then the user's next
 * message; as Anthropic's Messages API or as OpenAI chat completions. The same bytes every time:
 * what a gateway does per request with a large body (parse it, size its prompt, pass it on).
 */
export function agentRequestBody(
  api: 'anthropic-messages' | 'openai-chat',
  model: string,
  stream: boolean,
): string {
  const system = 'You are an interactive coding agent. Follow the instructions. '.repeat(240);
  const tools = Array.from({ length: TOOLS }, (_, index) => ({
    name: `tool_${index}`,
    description: `Tool ${index} reads, edits or runs something in the workspace.\n`.repeat(45),
    schema: {
      type: 'object',
      properties: {
        path: { type: 'string', description: 'The absolute path to work on. '.repeat(6) },
        limit: { type: 'integer', description: 'How many lines at most.' },
      },
      required: ['path'],
    },
  }));
  const calls = Array.from({ length: TURNS }, (_, index) => ({
    id: `toolu_${String(index).padStart(4, '0')}`,
    name: `tool_${index % TOOLS}`,
    input: { path: `/workspace/src/module-${index}.ts` },
    note: 'Let me read the next file.',
    result: `export const value${index} = "line";\n`.repeat(40),
  }));
  const next = 'Now fix the failing test and explain the change.';
  if (api === 'anthropic-messages') {
    return JSON.stringify({
      model,
      max_tokens: 64,
      system: [{ type: 'text', text: system, cache_control: { type: 'ephemeral' } }],
      tools: tools.map((tool) => ({
        name: tool.name,
        description: tool.description,
        input_schema: tool.schema,
      })),
      messages: [
        { role: 'user', content: 'Look at the workspace and find the bug.' },
        ...calls.flatMap((call) => [
          {
            role: 'assistant',
            content: [
              { type: 'text', text: call.note },
              { type: 'tool_use', id: call.id, name: call.name, input: call.input },
            ],
          },
          {
            role: 'user',
            content: [{ type: 'tool_result', tool_use_id: call.id, content: call.result }],
          },
        ]),
        { role: 'user', content: [{ type: 'text', text: next }] },
      ],
      ...(stream ? { stream: true } : {}),
    });
  }
  return JSON.stringify({
    model,
    max_tokens: 64,
    tools: tools.map((tool) => ({
      type: 'function',
      function: { name: tool.name, description: tool.description, parameters: tool.schema },
    })),
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: 'Look at the workspace and find the bug.' },
      ...calls.flatMap((call) => [
        {
          role: 'assistant',
          content: call.note,
          tool_calls: [
            {
              id: call.id,
              type: 'function',
              function: { name: call.name, arguments: JSON.stringify(call.input) },
            },
          ],
        },
        { role: 'tool', tool_call_id: call.id, content: call.result },
      ]),
      { role: 'user', content: next },
    ],
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  });
}
