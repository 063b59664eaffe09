import type { UpstreamTarget } from './console-upstream.js';

/** A route the console forwards: which API serves it, and whether a member key may call it. */
export interface AdminRouteMatch {
  target: UpstreamTarget;
  /** Members may call it, scoped to their own key. */
  forMembers: boolean;
  /** Member calls are pinned to their own key with a `key_id` query parameter. */
  scopeToKey: boolean;
  /** `format=csv` streams a CSV export through. */
  exports: boolean;
}

interface Rule extends AdminRouteMatch {
  methods: readonly string[];
  pattern: RegExp;
}

const id = '[A-Za-z0-9_-]{1,128}';
const rule = (
  methods: readonly string[],
  pattern: string,
  target: Rule['target'],
  member: 'no' | 'own-key' | 'by-id' = 'no',
  exports = false,
): Rule => ({
  methods,
  pattern: new RegExp(`^${pattern}$`),
  target,
  forMembers: member !== 'no',
  scopeToKey: member === 'own-key',
  exports,
});

// Every admin route the UI uses, and nothing else: the console is not an open relay.
const RULES: readonly Rule[] = [
  rule(['GET', 'POST'], 'teams', 'admin'),
  rule(['GET', 'PATCH', 'DELETE'], `teams/${id}`, 'admin'),
  rule(['GET', 'POST'], 'keys', 'admin'),
  rule(['GET', 'PATCH'], `keys/${id}`, 'admin'),
  rule(['POST'], `keys/${id}/(revoke|rotate)`, 'admin'),
  rule(['GET'], 'usage/events', 'admin', 'own-key'),
  rule(['GET'], 'usage/summary', 'admin', 'own-key', true),
  rule(['GET'], 'usage/events/[A-Za-z0-9._:-]{1,128}', 'admin', 'by-id'),
  rule(['GET'], 'usage/credentials', 'admin'),
  rule(['GET'], 'requests', 'admin', 'own-key', true),
  rule(['GET'], 'requests/[A-Za-z0-9._:-]{1,128}', 'admin', 'by-id'),
  rule(['GET'], 'audit', 'admin'),
  // Served by the gateway itself (its credential pools are per replica).
  rule(['GET'], 'gateway/credentials', 'gateway'),
  rule(['GET'], 'models', 'catalog'),
  // Model ids hold a `/` (`openai/gpt-4o`), sent as is or as %2F.
  rule(['GET', 'PATCH'], 'models/[A-Za-z0-9._:@~%-]+(/[A-Za-z0-9._:@~%-]+)*', 'catalog'),
  rule(['GET', 'POST'], 'providers', 'catalog'),
  rule(['GET', 'PATCH'], 'providers/[a-z0-9][a-z0-9_.-]{0,63}', 'catalog'),
  rule(['GET', 'POST'], 'credentials', 'catalog'),
  rule(['GET', 'PATCH', 'DELETE'], `credentials/${id}`, 'catalog'),
  rule(['POST'], 'catalog/sync', 'catalog'),
  rule(['GET'], `catalog/sync/${id}`, 'catalog'),
  rule(['GET'], 'catalog/audit', 'catalog'),
];

/**
 * The allow-list entry for `method` on `path` (relative to `/admin/v1/`, without the query),
 * or undefined: the console forwards nothing it does not know.
 */
export function matchAdminRoute(method: string, path: string): AdminRouteMatch | undefined {
  // No dot segments in any spelling: the path must stay under /admin/v1/.
  if (/(^|\/|%2f)(\.|%2e){1,2}(\/|%2f|$)/i.test(path)) return undefined;
  const found = RULES.find(
    (candidate) => candidate.methods.includes(method) && candidate.pattern.test(path),
  );
  if (found === undefined) return undefined;
  return {
    target: found.target,
    forMembers: found.forMembers,
    scopeToKey: found.scopeToKey,
    exports: found.exports,
  };
}
