import type { AuditEntryJson, Page } from '@switchyard/contracts';
import { useState } from 'preact/hooks';
import { useConsole } from '../app/console-context.js';
import { navigate } from '../app/use-hash-route.js';
import { CursorPager } from '../components/cursor-pager.js';
import { Field } from '../components/field.js';
import { formatTime, toQuery } from '../components/format.js';
import { Empty, Loaded } from '../components/states.js';
import { useApiData } from '../components/use-api-data.js';

const FILTERS = ['source', 'actor', 'action', 'target_id', 'from', 'to'];
const PAGE_SIZE = 50;

/** Where the rows come from: accounting's (teams, keys) or the catalog's (admins only). */
const SOURCES = {
  accounting: { path: 'admin/audit', label: 'Teams & keys' },
  catalog: { path: 'admin/catalog/audit', label: 'Providers, credentials & models' },
} as const;

/**
 * The audit log: who changed what and when, newest first, with each change's before and after.
 * A team_admin sees its own team's team and key changes; an admin also the catalog's.
 */
export function AuditPage({ query }: { query: URLSearchParams }) {
  const { api, session } = useConsole();
  const applied = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) ?? '']));
  const [draft, setDraft] = useState<Record<string, string>>(applied);
  const [cursors, setCursors] = useState<string[]>([]);
  const source =
    applied.source === 'catalog' && session.role === 'admin' ? 'catalog' : 'accounting';
  const search = toQuery({
    actor: applied.actor,
    action: applied.action,
    target_id: applied.target_id,
    from: toIso(applied.from),
    to: toIso(applied.to),
    limit: PAGE_SIZE,
    cursor: cursors.at(-1),
  });
  const entries = useApiData(
    () => api.get<Page<AuditEntryJson>>(`${SOURCES[source].path}${search}`),
    `${source}${search}`,
  );
  const set = (name: string) => (event: Event) =>
    setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value });
  const apply = (event: Event) => {
    event.preventDefault();
    setCursors([]);
    entries.reload();
    navigate(
      'audit',
      Object.fromEntries(Object.entries(draft).filter(([, value]) => value.trim() !== '')),
    );
  };
  return (
    <section>
      <div class="page-head">
        <h1>Audit log</h1>
      </div>
      <form class="filters" onSubmit={apply}>
        {session.role === 'admin' && (
          <Field label="Changes to">
            <select value={draft.source || 'accounting'} onChange={set('source')}>
              {Object.entries(SOURCES).map(([value, { label }]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label="Actor">
          <input value={draft.actor} onInput={set('actor')} placeholder="key id" />
        </Field>
        <Field label="Action">
          <input value={draft.action} onInput={set('action')} placeholder="key.rotate or key.*" />
        </Field>
        <Field label="Target id">
          <input value={draft.target_id} onInput={set('target_id')} placeholder="id or name" />
        </Field>
        <Field label="From">
          <input type="datetime-local" value={draft.from} onInput={set('from')} />
        </Field>
        <Field label="To">
          <input type="datetime-local" value={draft.to} onInput={set('to')} />
        </Field>
        <div class="actions">
          <button type="submit">Search</button>
        </div>
      </form>
      <Loaded {...entries}>
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No changes match.</Empty>
          ) : (
            <>
              <div class="table-wrap">
                <table class="table audit-table">
                  <thead>
                    <tr>
                      <th>When</th>
                      <th>Actor</th>
                      <th>Action</th>
                      <th>Target</th>
                      <th>Change</th>
                      <th>Request id</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((entry) => (
                      <tr key={entry.id}>
                        <td>{formatTime(entry.occurred_at)}</td>
                        <td>
                          {entry.actor.subject ?? entry.actor.key_id ?? 'master key'}
                          <span class="tag">{entry.actor.role}</span>
                        </td>
                        <td class="mono">{entry.action}</td>
                        <td class="mono">{entry.target.id}</td>
                        <td>
                          <details>
                            <summary>{changedFields(entry.before, entry.after)}</summary>
                            <pre class="mono">
                              {JSON.stringify(
                                { before: entry.before, after: entry.after },
                                null,
                                2,
                              )}
                            </pre>
                          </details>
                        </td>
                        <td class="mono" title={entry.source_ip ?? undefined}>
                          {entry.request_id}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <CursorPager cursors={cursors} nextCursor={page.next_cursor} onChange={setCursors} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

/** The top-level fields a change touched, for the row's summary ("created", "limits, budget"). */
function changedFields(before: unknown, after: unknown): string {
  if (before === null || before === undefined) return 'created';
  if (after === null || after === undefined) return 'deleted';
  if (typeof before !== 'object' || typeof after !== 'object') return 'changed';
  const old = before as Record<string, unknown>;
  const changed = Object.entries(after as Record<string, unknown>)
    .filter(
      ([name, value]) =>
        name !== 'updated_at' && JSON.stringify(value) !== JSON.stringify(old[name]),
    )
    .map(([name]) => name);
  return changed.length === 0 ? 'no visible change' : changed.join(', ');
}

/** A `datetime-local` value (local time) as the ISO instant the API filters on. */
function toIso(local: string | undefined): string | undefined {
  if (local === undefined || local === '') return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
