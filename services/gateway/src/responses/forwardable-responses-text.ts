import type { JsonObjectText } from '@switchyard/contracts';

/**
 * Whether a Responses request's text may go upstream as it is, rather than its checked parse
 * serialised again: not when a top-level key is written twice. The gateway reads `conversation`,
 * `previous_response_id` and `store` on the parse, where a key written twice has its last value,
 * and refuses or checks whose they are (`refuseProviderReferences`, `parseResponsesRequest`); a
 * provider reading the first would see a value the gateway did not check. Inside the input a key
 * written twice goes on as written (as on chat and Messages): OpenAI's and Azure's parsers read
 * the last, as the gateway's does, and searching 100 KB for every spelling of `item_reference`
 * would cost what forwarding the text saves.
 */
export function isForwardableResponsesText(text: JsonObjectText): boolean {
  const keys = new Set<string>();
  for (const member of text.members) {
    if (keys.has(member.key)) return false;
    keys.add(member.key);
  }
  return true;
}
