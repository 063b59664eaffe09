import { ACTOR_HEADER, signActorAssertion } from '@switchyard/service-kit';
import { z } from 'zod';
import type { ConsoleUpstream } from '../proxy/console-upstream.js';

const teamPageSchema = z.object({
  data: z.array(z.object({ id: z.string(), name: z.string() })),
  next_cursor: z.string().nullable(),
});

/** At most this many teams are searched for a mapping's team name (100 per page). */
const MAX_PAGES = 50;

/**
 * The team a role mapping names, by id or by name, from the accounting admin API; undefined when
 * no team has it. The console asks as itself (an admin assertion for subject `switchyard-console`):
 * the person has no role yet while their team is being found.
 */
export async function resolveTeam(
  upstream: ConsoleUpstream,
  actorSecret: string,
  team: string,
  requestId: string,
): Promise<{ id: string; name: string } | undefined> {
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams({ limit: '100', ...(cursor !== null && { cursor }) });
    const response = await upstream('admin', {
      method: 'GET',
      path: `/admin/v1/teams?${query}`,
      headers: {
        [ACTOR_HEADER]: signActorAssertion(actorSecret, {
          subject: 'switchyard-console',
          role: 'admin',
          teamId: null,
        }),
        accept: 'application/json',
        'x-request-id': requestId,
      },
    });
    if (response.status !== 200) {
      throw new Error(`the admin API answered ${response.status} to the team lookup`);
    }
    const parsed = teamPageSchema.parse(JSON.parse(response.body));
    const found = parsed.data.find((row) => row.id === team || row.name === team);
    if (found !== undefined) return { id: found.id, name: found.name };
    cursor = parsed.next_cursor;
    if (cursor === null) return undefined;
  }
  return undefined;
}
