import type {
  ChatCompletionRequest,
  ResponsesFunctionTool,
  ResponsesRequest,
} from '@switchyard/contracts';

type ChatTools = Pick<ChatCompletionRequest, 'tools' | 'tool_choice' | 'parallel_tool_calls'>;

/**
 * Function tools as chat tools (`{type, name, parameters}` → `{type, function: {…}}`) and the
 * tool choice to match. Built-in tools (`web_search`, `file_search`, `computer_use`…) and a
 * choice of one are served by OpenAI only: named in the warnings and left out.
 */
export function convertResponsesTools(
  request: Pick<ResponsesRequest, 'tools' | 'tool_choice' | 'parallel_tool_calls'>,
  warn: (warning: string) => void,
): ChatTools {
  const converted: ChatTools = {};
  const functions: ResponsesFunctionTool[] = [];
  for (const tool of request.tools ?? []) {
    if (isFunctionTool(tool)) functions.push(tool);
    else warn(`the built-in tool ${tool.type} is only served by OpenAI routes and was dropped`);
  }
  if (functions.length > 0) {
    converted.tools = functions.map((tool) => ({
      type: 'function',
      function: {
        name: tool.name,
        ...(tool.description != null && { description: tool.description }),
        ...(tool.parameters != null && { parameters: tool.parameters }),
        ...(tool.strict != null && { strict: tool.strict }),
      },
    }));
  }
  const choice = request.tool_choice;
  if (typeof choice === 'string') {
    // A choice among no tools asks for nothing a provider without them could honour.
    if (functions.length > 0) converted.tool_choice = choice;
  } else if (choice !== undefined) {
    if (choice.type === 'function' && typeof choice.name === 'string') {
      converted.tool_choice = { type: 'function', function: { name: choice.name } };
    } else {
      warn(`tool_choice ${choice.type} is only served by OpenAI routes and was ignored`);
    }
  }
  if (request.parallel_tool_calls != null && functions.length > 0) {
    converted.parallel_tool_calls = request.parallel_tool_calls;
  }
  return converted;
}

function isFunctionTool(tool: { type: string }): tool is ResponsesFunctionTool {
  return tool.type === 'function';
}
