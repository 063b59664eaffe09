import type { ResponsesRequest } from '@switchyard/contracts';
import { apiErrors } from '@switchyard/service-kit';

/**
 * Refuses what would make a provider read something it stored by id, which the gateway cannot
 * show belongs to the caller: OpenAI and Azure resolve such ids for any key of their account, so
 * passing them on would let one Switchyard key reach another's conversation. `conversation`
 * (OpenAI's Conversations API, which the gateway does not proxy, so it records no owner) and
 * `item_reference` input items (items of any stored Response, by item id) are a 400 naming the
 * field, on every route: a translated route could not carry them either (it would drop them).
 * `previous_response_id` is the owned way to continue, or the items themselves as input.
 */
export function refuseProviderReferences(body: ResponsesRequest): void {
  if (body.conversation != null) {
    throw apiErrors.invalidRequest(
      'conversation is not supported: Switchyard does not proxy the Conversations API and cannot ' +
        'tell whose a conversation is. Continue with previous_response_id, or send the ' +
        "conversation's items as input.",
      'conversation',
    );
  }
  const input = typeof body.input === 'string' ? [] : (body.input ?? []);
  const index = input.findIndex((item) => item.type === 'item_reference');
  if (index >= 0) {
    throw apiErrors.invalidRequest(
      'item_reference input items are not supported: Switchyard cannot tell whose a stored item ' +
        'is. Send the item itself as input, or continue with previous_response_id.',
      `input[${index}]`,
    );
  }
}
