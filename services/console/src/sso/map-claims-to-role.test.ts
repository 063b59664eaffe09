import { describe, expect, it } from 'vitest';
import { groupsOf, mapClaimsToRole } from './map-claims-to-role.js';
import type { RoleMapping } from './sso-config.js';

const mappings: RoleMapping[] = [
  { group: 'team-search', role: 'team_admin', team: 'search' },
  { group: 'team-ads', role: 'team_admin', team: 'ads' },
  { group: 'ml-platform', role: 'admin' },
];

describe('mapClaimsToRole', () => {
  it('maps a platform group to admin, even listed after team groups', () => {
    expect(mapClaimsToRole({ groups: ['team-search', 'ml-platform'] }, 'groups', mappings)).toEqual(
      { role: 'admin' },
    );
  });

  it('maps a team group to team_admin of that team, the first configured one winning', () => {
    expect(mapClaimsToRole({ groups: ['team-ads', 'team-search'] }, 'groups', mappings)).toEqual({
      role: 'team_admin',
      team: 'search',
    });
    expect(mapClaimsToRole({ groups: 'team-ads' }, 'groups', mappings)).toEqual({
      role: 'team_admin',
      team: 'ads',
    });
  });

  it('gives nothing for unmapped groups, a missing claim or a claim of another type', () => {
    expect(mapClaimsToRole({ groups: ['sales'] }, 'groups', mappings)).toBeUndefined();
    expect(mapClaimsToRole({}, 'groups', mappings)).toBeUndefined();
    expect(
      mapClaimsToRole({ groups: { 'ml-platform': true } }, 'groups', mappings),
    ).toBeUndefined();
    // Group names are compared exactly: no case folding, no prefixes.
    expect(mapClaimsToRole({ groups: ['ML-Platform', 'ml'] }, 'groups', mappings)).toBeUndefined();
  });
});

describe('groupsOf', () => {
  it('reads a dotted path into nested claims, and a claim whose name has dots whole', () => {
    expect(groupsOf({ realm_access: { roles: ['a', 'b', 3] } }, 'realm_access.roles')).toEqual([
      'a',
      'b',
    ]);
    expect(groupsOf({ 'https://example.com/groups': ['x'] }, 'https://example.com/groups')).toEqual(
      ['x'],
    );
    expect(groupsOf({ realm_access: ['a'] }, 'realm_access.roles')).toEqual([]);
  });
});
