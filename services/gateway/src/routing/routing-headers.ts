import type { RoutedCall } from './call-with-fallback.js';

/** Response headers saying who served the request and how (PRODUCT: provider and attempts). */
export function routingHeaders(
  call: RoutedCall,
  adjustedMaxTokens: number | undefined,
): Record<string, string> {
  const headers: Record<string, string> = {
    'x-switchyard-provider': call.candidate.route.provider.name,
    'x-switchyard-model': call.candidate.model.id,
    'x-switchyard-attempts': String(call.attempts),
  };
  if (call.warnings.length > 0) headers['x-switchyard-warnings'] = call.warnings.join('; ');
  if (adjustedMaxTokens !== undefined)
    headers['x-switchyard-max-tokens'] = String(adjustedMaxTokens);
  return headers;
}
