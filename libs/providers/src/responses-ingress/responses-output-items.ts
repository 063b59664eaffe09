/** Output items of a translated Response, with ids derived from the Response's. */

export interface ReasoningOutput {
  type: 'reasoning';
  id: string;
  summary: { type: 'summary_text'; text: string }[];
  status?: 'completed';
}

export interface MessageOutput {
  type: 'message';
  id: string;
  status: 'in_progress' | 'completed' | 'incomplete';
  role: 'assistant';
  content: (
    | { type: 'output_text'; text: string; annotations: never[]; logprobs: never[] }
    | { type: 'refusal'; refusal: string }
  )[];
}

export interface FunctionCallOutput {
  type: 'function_call';
  id: string;
  call_id: string;
  name: string;
  arguments: string;
  status: 'in_progress' | 'completed' | 'incomplete';
}

export type OutputItem = ReasoningOutput | MessageOutput | FunctionCallOutput;

/** The id of the `index`-th output item of a Response (`msg_…`, `fc_…`, `rs_…`). */
export function outputItemId(
  prefix: 'msg' | 'fc' | 'rs',
  responseId: string,
  index: number,
): string {
  return `${prefix}_${responseId.replace(/^resp_/, '')}_${index}`;
}
