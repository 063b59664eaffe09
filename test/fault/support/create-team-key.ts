import { randomBytes } from 'node:crypto';
import type { FaultCluster } from './start-fault-cluster.js';

/** A team key created through accounting's admin API. */
export interface TeamKey {
  id: string;
  teamId: string;
  secret: string;
}

/** Creates a team and a member key in it, with the given extra key fields (e.g. a budget). */
export async function createTeamKey(cluster: FaultCluster, extra: object = {}): Promise<TeamKey> {
  const team = await cluster.admin<{ id: string }>('/teams', {
    name: `fault-${randomBytes(4).toString('hex')}`,
  });
  const key = await cluster.admin<{ id: string; secret: string }>('/keys', {
    name: 'fault-load',
    team_id: team.id,
    ...extra,
  });
  return { id: key.id, teamId: team.id, secret: key.secret };
}
