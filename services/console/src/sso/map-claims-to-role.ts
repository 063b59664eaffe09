import type { RoleMapping } from './sso-config.js';

/** What a person's groups grant: admin, or team_admin of one team (by id or name). */
export type MappedRole = { role: 'admin' } | { role: 'team_admin'; team: string };

/**
 * The role the configured mappings give the groups in `claims[groupsClaim]` (an array of
 * strings, or one string), or undefined when none matches. An admin mapping wins over any team
 * mapping; among team mappings the first in configuration order wins (a team admin has one team).
 */
export function mapClaimsToRole(
  claims: Readonly<Record<string, unknown>>,
  groupsClaim: string,
  mappings: readonly RoleMapping[],
): MappedRole | undefined {
  const groups = new Set(groupsOf(claims, groupsClaim));
  if (mappings.some((mapping) => mapping.role === 'admin' && groups.has(mapping.group))) {
    return { role: 'admin' };
  }
  for (const mapping of mappings) {
    if (mapping.role === 'team_admin' && groups.has(mapping.group)) {
      return { role: 'team_admin', team: mapping.team };
    }
  }
  return undefined;
}

/** The string values at the dotted `path` of `claims` (nothing when absent or of another type). */
export function groupsOf(claims: Readonly<Record<string, unknown>>, path: string): string[] {
  // A claim named with dots (`https://example.com/groups`) is taken whole before as a path.
  let value: unknown = claims[path];
  if (value === undefined) {
    value = claims;
    for (const part of path.split('.')) {
      value =
        typeof value === 'object' && value !== null && !Array.isArray(value)
          ? (value as Record<string, unknown>)[part]
          : undefined;
    }
  }
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((group): group is string => typeof group === 'string');
}
