/**
 * Whether one allowlist admits a model served by a route: an exact id, a `provider/*` wildcard on
 * the model id's provider part, or `:free` for routes that cost nothing. null admits everything.
 */
export function allowsModel(
  allowlist: readonly string[] | null,
  modelId: string,
  routeIsFree: boolean,
): boolean {
  if (allowlist === null) return true;
  const provider = modelId.slice(0, modelId.indexOf('/'));
  for (const entry of allowlist) {
    if (entry === modelId) return true;
    if (entry === ':free' && routeIsFree) return true;
    if (entry.endsWith('/*') && entry.slice(0, -2) === provider) return true;
  }
  return false;
}
