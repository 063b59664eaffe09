import type { ChatCompletionRequest } from '@switchyard/contracts';
import { ignoredFieldWarning } from '../shared/ignored-field-warning.js';
import { convertGoogleSchema } from './convert-google-schema.js';

/** A Gemini function declaration. */
export interface GoogleFunctionDeclaration {
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
}

/** The tool fields of a Gemini request. */
export interface GoogleToolFields {
  tools?: [{ functionDeclarations: GoogleFunctionDeclaration[] }];
  toolConfig?: {
    functionCallingConfig: { mode: 'AUTO' | 'NONE' | 'ANY'; allowedFunctionNames?: string[] };
  };
}

/**
 * OpenAI `tools` as one Gemini tool of `functionDeclarations` (parameters converted by
 * `convertGoogleSchema`; an object schema without properties is left out, as Gemini rejects
 * it), and `tool_choice` as `functionCallingConfig`: auto → AUTO, none → NONE, required → ANY, a
 * named function → ANY limited to it. `strict` and `parallel_tool_calls: false` cannot be
 * honoured and are dropped with a warning.
 */
export function convertGoogleTools(
  request: ChatCompletionRequest,
  warn: (warning: string) => void,
): GoogleToolFields {
  if (request.parallel_tool_calls === false) {
    warn(ignoredFieldWarning('google', 'parallel_tool_calls=false'));
  }
  const tools = request.tools ?? [];
  if (tools.length === 0) {
    if (request.tool_choice !== undefined) warn('tool_choice without tools was ignored');
    return {};
  }
  const declarations = tools.map(({ function: fn }): GoogleFunctionDeclaration => {
    if (fn.strict === true) warn(ignoredFieldWarning('google', 'tools[].function.strict'));
    const declaration: GoogleFunctionDeclaration = { name: fn.name };
    if (fn.description !== undefined) declaration.description = fn.description;
    const parameters = fn.parameters === undefined ? undefined : convertGoogleSchema(fn.parameters);
    if (parameters !== undefined && !isEmptyObjectSchema(parameters)) {
      declaration.parameters = parameters;
    }
    return declaration;
  });
  const fields: GoogleToolFields = { tools: [{ functionDeclarations: declarations }] };
  const choice = request.tool_choice;
  if (choice === 'none') fields.toolConfig = { functionCallingConfig: { mode: 'NONE' } };
  else if (choice === 'auto') fields.toolConfig = { functionCallingConfig: { mode: 'AUTO' } };
  else if (choice === 'required') fields.toolConfig = { functionCallingConfig: { mode: 'ANY' } };
  else if (choice !== undefined) {
    fields.toolConfig = {
      functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.function.name] },
    };
  }
  return fields;
}

function isEmptyObjectSchema(schema: Record<string, unknown>): boolean {
  const properties = schema.properties;
  const noProperties =
    properties === undefined ||
    (typeof properties === 'object' && properties !== null && Object.keys(properties).length === 0);
  return (schema.type === undefined || schema.type === 'object') && noProperties;
}
