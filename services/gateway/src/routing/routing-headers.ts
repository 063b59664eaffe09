import type { RoutedCall } from './call-with-fallback.js';
import { warningsHeader } from './warnings-header.js';

/**
 * Response headers saying who served the request and how (PRODUCT: provider and attempts);
 * `ingressWarnings` (what an ingress such as `/v1/messages` could not carry) come first.
 */
export function routingHeaders(
  call: RoutedCall,
  adjustedMaxTokens: number | undefined,
  ingressWarnings: readonly string[] = [],
): Record<string, string> {
  const headers: Record<string, string> = {
    'x-switchyard-provider': call.candidate.route.provider.name,
    'x-switchyard-model': call.candidate.model.id,
    'x-switchyard-attempts': String(call.attempts),
  };
  const warnings = warningsHeader([...ingressWarnings, ...call.warnings]);
  if (warnings !== undefined) headers['x-switchyard-warnings'] = warnings;
  if (adjustedMaxTokens !== undefined)
    headers['x-switchyard-max-tokens'] = String(adjustedMaxTokens);
  return headers;
}
