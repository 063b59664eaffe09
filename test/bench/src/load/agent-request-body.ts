import type { TargetApi } from './bench-target.js';

/** Tools an agent turn declares (Claude Code declares about this many, described at length). */
const TOOLS = 18;
/** Tool calls made so far in the conversation, each with its result. */
const TURNS = 30;

/** What every API's agent turn says, before it is put in that API's format. */
interface AgentConversation {
  readonly system: string;
  readonly tools: readonly { name: string; description: string; schema: object }[];
  readonly calls: readonly {
    id: string;
    name: string;
    input: { path: string };
    note: string;
    result: string;
  }[];
  /** The user's first message and their next one, after the calls. */
  readonly first: string;
  readonly next: string;
}

/**
 * A coding agent's turn the size Claude Code or Codex sends (~120 KB): a long system prompt, 18
 * tools with long descriptions, 30 earlier tool calls with their results, then the user's next
 * message; as Anthropic's Messages API, OpenAI chat completions or OpenAI's Responses API. The
 * same bytes every time: what a gateway does per request with a large body (parse it, size its
 * prompt, pass it on).
 */
export function agentRequestBody(api: TargetApi, model: string, stream: boolean): string {
  const conversation = agentConversation();
  if (api === 'anthropic-messages') return anthropicAgentBody(conversation, model, stream);
  if (api === 'openai-responses') return responsesAgentBody(conversation, model, stream);
  return chatAgentBody(conversation, model, stream);
}

function agentConversation(): AgentConversation {
  return {
    system: 'You are an interactive coding agent. Follow the instructions. '.repeat(240),
    tools: Array.from({ length: TOOLS }, (_, index) => ({
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
    })),
    calls: Array.from({ length: TURNS }, (_, index) => ({
      id: `toolu_${String(index).padStart(4, '0')}`,
      name: `tool_${index % TOOLS}`,
      input: { path: `/workspace/src/module-${index}.ts` },
      note: 'Let me read the next file.',
      result: `export const value${index} = "line";\n`.repeat(40),
    })),
    first: 'Look at the workspace and find the bug.',
    next: 'Now fix the failing test and explain the change.',
  };
}

/** As Claude Code sends it: the system prompt cached, tool uses and results as content blocks. */
function anthropicAgentBody(turn: AgentConversation, model: string, stream: boolean): string {
  return JSON.stringify({
    model,
    max_tokens: 64,
    system: [{ type: 'text', text: turn.system, cache_control: { type: 'ephemeral' } }],
    tools: turn.tools.map((tool) => ({
      name: tool.name,
      description: tool.description,
      input_schema: tool.schema,
    })),
    messages: [
      { role: 'user', content: turn.first },
      ...turn.calls.flatMap((call) => [
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
      { role: 'user', content: [{ type: 'text', text: turn.next }] },
    ],
    ...(stream ? { stream: true } : {}),
  });
}

/** As an OpenAI chat client sends it: a system message, tool calls and `tool` messages. */
function chatAgentBody(turn: AgentConversation, model: string, stream: boolean): string {
  return JSON.stringify({
    model,
    max_tokens: 64,
    tools: turn.tools.map((tool) => ({
      type: 'function',
      function: { name: tool.name, description: tool.description, parameters: tool.schema },
    })),
    messages: [
      { role: 'system', content: turn.system },
      { role: 'user', content: turn.first },
      ...turn.calls.flatMap((call) => [
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
      { role: 'user', content: turn.next },
    ],
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  });
}

/**
 * As Codex sends it to `/v1/responses`: the system prompt as `instructions`, flat function tools,
 * and each earlier turn as input items (the assistant's message, its `function_call`, the
 * `function_call_output`); `store: false`, so nothing is kept upstream between turns.
 */
function responsesAgentBody(turn: AgentConversation, model: string, stream: boolean): string {
  return JSON.stringify({
    model,
    instructions: turn.system,
    tools: turn.tools.map((tool) => ({
      type: 'function',
      name: tool.name,
      description: tool.description,
      parameters: tool.schema,
    })),
    input: [
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: turn.first }] },
      ...turn.calls.flatMap((call) => [
        {
          type: 'message',
          role: 'assistant',
          content: [{ type: 'output_text', text: call.note }],
        },
        {
          type: 'function_call',
          call_id: call.id,
          name: call.name,
          arguments: JSON.stringify(call.input),
        },
        { type: 'function_call_output', call_id: call.id, output: call.result },
      ]),
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: turn.next }] },
    ],
    max_output_tokens: 64,
    store: false,
    ...(stream ? { stream: true } : {}),
  });
}
