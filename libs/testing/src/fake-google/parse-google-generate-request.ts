import { isRecord } from '../fake-upstream/is-record.js';
import { type GoogleError, invalidArgument } from './google-error.js';

/** One turn of the conversation, as the fake reads it. */
export interface FakeGoogleTurn {
  readonly role: string;
  /** The turn's text parts joined with a space. */
  readonly text: string;
}

/** The fields of a `generateContent` request that the fake reads. */
export interface FakeGoogleRequest {
  readonly contents: readonly FakeGoogleTurn[];
  readonly systemText: string;
  readonly toolNames: readonly string[];
  readonly mode: 'AUTO' | 'ANY' | 'NONE';
  readonly allowedFunctionNames: readonly string[];
  readonly maxOutputTokens: number | undefined;
  readonly candidateCount: number;
  /** `generationConfig.thinkingConfig.includeThoughts`: the answer starts with a thought summary. */
  readonly includeThoughts: boolean;
}

const REQUEST_FIELDS = new Set([
  'contents',
  'systemInstruction',
  'tools',
  'toolConfig',
  'generationConfig',
  'safetySettings',
  'cachedContent',
  'model',
]);
const GENERATION_FIELDS = new Set([
  'stopSequences',
  'responseMimeType',
  'responseSchema',
  'responseJsonSchema',
  'responseModalities',
  'candidateCount',
  'maxOutputTokens',
  'temperature',
  'topP',
  'topK',
  'seed',
  'presencePenalty',
  'frequencyPenalty',
  'responseLogprobs',
  'logprobs',
  'thinkingConfig',
  'mediaResolution',
]);
const PART_FIELDS = new Set([
  'text',
  'inlineData',
  'fileData',
  'functionCall',
  'functionResponse',
  'thought',
  'thoughtSignature',
  'executableCode',
  'codeExecutionResult',
  'videoMetadata',
]);

type Parsed = { ok: true; request: FakeGoogleRequest } | { ok: false; error: GoogleError };

/**
 * Reads a `generateContent` body as strictly as Google does where it matters to adapters: an
 * unknown field (top level, `generationConfig`, content, part) is a 400 "Unknown name … Cannot
 * find field", as are missing or empty `contents`/`parts` and a role other than user/model.
 */
export function parseGoogleGenerateRequest(body: unknown): Parsed {
  if (!isRecord(body)) return fail('Invalid JSON payload received. Expected an object.');
  const unknown = unknownField(body, REQUEST_FIELDS, '');
  if (unknown) return fail(unknown);
  const generation = isRecord(body.generationConfig) ? body.generationConfig : {};
  const unknownGeneration = unknownField(generation, GENERATION_FIELDS, " at 'generation_config'");
  if (unknownGeneration) return fail(unknownGeneration);
  if (!Array.isArray(body.contents) || body.contents.length === 0) {
    return fail('* GenerateContentRequest.contents: contents is not specified\n');
  }
  const contents: FakeGoogleTurn[] = [];
  for (const [index, content] of body.contents.entries()) {
    const turn = readTurn(content, index);
    if (typeof turn === 'string') return fail(turn);
    contents.push(turn);
  }
  const config = isRecord(body.toolConfig) ? body.toolConfig.functionCallingConfig : undefined;
  const mode = isRecord(config) ? config.mode : undefined;
  return {
    ok: true,
    request: {
      contents,
      systemText: isRecord(body.systemInstruction) ? partsText(body.systemInstruction.parts) : '',
      toolNames: toolNames(body.tools),
      mode: mode === 'ANY' || mode === 'NONE' ? mode : 'AUTO',
      allowedFunctionNames: isRecord(config) ? strings(config.allowedFunctionNames) : [],
      maxOutputTokens: positiveInteger(generation.maxOutputTokens),
      candidateCount: positiveInteger(generation.candidateCount) ?? 1,
      includeThoughts:
        isRecord(generation.thinkingConfig) && generation.thinkingConfig.includeThoughts === true,
    },
  };
}

function readTurn(content: unknown, index: number): FakeGoogleTurn | string {
  const where = ` at 'contents[${index}]'`;
  if (!isRecord(content)) return `Invalid value${where}: expected a Content object.`;
  const unknown = unknownField(content, new Set(['role', 'parts']), where);
  if (unknown) return unknown;
  const role = content.role ?? 'user';
  if (role !== 'user' && role !== 'model') return 'Please use a valid role: user, model.';
  if (!Array.isArray(content.parts) || content.parts.length === 0) {
    return `* GenerateContentRequest.contents[${index}].parts: contents.parts must not be empty.\n`;
  }
  for (const [partIndex, part] of content.parts.entries()) {
    if (!isRecord(part)) return `Invalid value${where}: expected a Part object.`;
    const partWhere = ` at 'contents[${index}].parts[${partIndex}]'`;
    const unknownPart = unknownField(part, PART_FIELDS, partWhere);
    if (unknownPart) return unknownPart;
  }
  return { role, text: partsText(content.parts) };
}

function unknownField(record: Record<string, unknown>, known: Set<string>, where: string) {
  const name = Object.keys(record).find((key) => !known.has(key));
  return name === undefined
    ? undefined
    : `Invalid JSON payload received. Unknown name "${name}"${where}: Cannot find field.`;
}

function partsText(parts: unknown): string {
  if (!Array.isArray(parts)) return '';
  return parts
    .filter((part) => isRecord(part) && typeof part.text === 'string' && part.thought !== true)
    .map((part) => String(part.text))
    .join(' ');
}

function toolNames(tools: unknown): string[] {
  if (!Array.isArray(tools)) return [];
  return tools.flatMap((tool) =>
    isRecord(tool) && Array.isArray(tool.functionDeclarations)
      ? tool.functionDeclarations.flatMap((declaration) =>
          isRecord(declaration) && typeof declaration.name === 'string' ? [declaration.name] : [],
        )
      : [],
  );
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function fail(message: string): Parsed {
  return { ok: false, error: invalidArgument(message) };
}
