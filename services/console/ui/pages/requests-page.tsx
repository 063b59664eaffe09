import type {
  KeyJson as ApiKey,
  Page,
  RequestLogEntryJson as RequestLogEntry,
} from '@switchyard/contracts';
import { useState } from 'preact/hooks';
import { formatUsd } from '../../src/shared/format-usd.js';
import { useConsole } from '../app/console-context.js';
import { navigate } from '../app/use-hash-route.js';
import { CursorPager } from '../components/cursor-pager.js';
import { Field } from '../components/field.js';
import { formatCount, formatMs, formatTime, toQuery } from '../components/format.js';
import { memberUsageMessage } from '../components/member-usage-message.js';
import { Empty, Loaded } from '../components/states.js';
import { StatusBadge } from '../components/status-badge.js';
import { useApiData } from '../components/use-api-data.js';

const FILTERS = [
  'model',
  'provider',
  'status',
  'error',
  'end_user',
  'tag',
  'key_id',
  'team_id',
  'from',
  'to',
];
const PAGE_SIZE = 50;

/** The request log, newest first, filtered on the server and paged by cursor. */
export function RequestsPage({ query }: { query: URLSearchParams }) {
  const { api, session } = useConsole();
  const applied = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) ?? '']));
  const [draft, setDraft] = useState<Record<string, string>>(applied);
  const [cursors, setCursors] = useState<string[]>([]);
  const [invalid, setInvalid] = useState<string | undefined>(undefined);
  const search = toQuery({
    ...applied,
    from: toIso(applied.from),
    to: toIso(applied.to),
    limit: PAGE_SIZE,
    cursor: cursors.at(-1),
  });
  const events = useApiData(
    () => api.get<Page<RequestLogEntry>>(`admin/requests${search}`),
    search,
  );
  // Key names for the log (the first 100 keys the caller may see); ids stand in for the rest.
  const keys = useApiData(
    () =>
      session.role === 'member'
        ? Promise.resolve(undefined)
        : api.get<Page<ApiKey>>('admin/keys?limit=100'),
    'key-names',
  );
  const keyName = (id: string | null) =>
    id === null
      ? 'master key'
      : (keys.data?.data.find((key) => key.id === id)?.name ??
        (session.role === 'member' ? session.key.name : `${id.slice(0, 8)}…`));
  const set = (name: string) => (event: Event) =>
    setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value });
  const apply = (event: Event) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setInvalid('"From" must be before "to".');
      return;
    }
    setInvalid(undefined);
    setCursors([]);
    // Searching again with the same filters still fetches the newest requests.
    events.reload();
    navigate(
      'requests',
      Object.fromEntries(Object.entries(draft).filter(([, value]) => value.trim() !== '')),
    );
  };
  const clear = () => {
    setDraft(Object.fromEntries(FILTERS.map((name) => [name, ''])));
    setCursors([]);
    navigate('requests');
  };
  return (
    <section>
      <div class="page-head">
        <h1>Requests</h1>
        <a
          class="button secondary"
          href={api.url(
            `admin/requests${toQuery({ ...applied, from: toIso(applied.from), to: toIso(applied.to), format: 'csv' })}`,
          )}
          download
        >
          Export CSV
        </a>
      </div>
      <form class="filters" onSubmit={apply}>
        <Field label="Model">
          <input value={draft.model} onInput={set('model')} placeholder="openai/gpt-4o" />
        </Field>
        <Field label="Provider">
          <input value={draft.provider} onInput={set('provider')} placeholder="openai" />
        </Field>
        <Field label="Status">
          <select value={draft.status} onChange={set('status')}>
            <option value="">Any</option>
            <option value="2xx">Succeeded (2xx)</option>
            <option value="4xx">Refused (4xx)</option>
            <option value="5xx">Failed (5xx)</option>
            <option value="429">Rate limited (429)</option>
            <option value="402">Over budget (402)</option>
            <option value="499">Client left (499)</option>
          </select>
        </Field>
        <Field label="Error text">
          <input value={draft.error} onInput={set('error')} placeholder="code or message" />
        </Field>
        <Field label="End user">
          <input value={draft.end_user} onInput={set('end_user')} placeholder="user id" />
        </Field>
        <Field label="Tag">
          <input value={draft.tag} onInput={set('tag')} placeholder="team:search" />
        </Field>
        {session.role !== 'member' && (
          <Field label="Key id">
            <input value={draft.key_id} onInput={set('key_id')} placeholder="uuid" />
          </Field>
        )}
        {session.role === 'admin' && (
          <Field label="Team id">
            <input value={draft.team_id} onInput={set('team_id')} placeholder="uuid" />
          </Field>
        )}
        <Field label="From">
          <input type="datetime-local" value={draft.from} onInput={set('from')} />
        </Field>
        <Field label="To">
          <input type="datetime-local" value={draft.to} onInput={set('to')} />
        </Field>
        <div class="actions">
          <button type="submit">Search</button>
          <button type="button" class="secondary" onClick={clear}>
            Clear
          </button>
        </div>
        {invalid && <p class="field-error">{invalid}</p>}
      </form>
      <Loaded {...events} error={memberUsageMessage(session.role, events.error)}>
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No requests match. Requests appear here a few seconds after they finish.</Empty>
          ) : (
            <>
              <div class="table-wrap">
                <table class="table requests-table">
                  <thead>
                    <tr>
                      <th>Finished</th>
                      <th>Status</th>
                      <th>Model</th>
                      <th>Provider</th>
                      <th>Key</th>
                      <th>Error</th>
                      <th class="num">Tokens</th>
                      <th class="num">Cost</th>
                      <th class="num">Latency</th>
                      <th>Request id</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((event) => (
                      <tr key={event.request_id}>
                        <td>{formatTime(event.finished_at)}</td>
                        <td>
                          <StatusBadge status={event.status} code={event.error_code} />
                        </td>
                        <td>{event.model}</td>
                        <td>{event.provider || '—'}</td>
                        <td>{keyName(event.key_id)}</td>
                        <td class="error-text" title={event.error_message ?? undefined}>
                          {event.error_message ?? ''}
                        </td>
                        <td class="num">
                          {formatCount(event.prompt_tokens + event.completion_tokens)}
                        </td>
                        <td class="num">{formatUsd(event.cost_usd)}</td>
                        <td class="num">{formatMs(event.latency_ms)}</td>
                        <td>
                          <a
                            class="mono"
                            href={`#/requests/${encodeURIComponent(event.request_id)}`}
                          >
                            {event.request_id}
                          </a>
                          {event.has_bodies && <span class="tag">bodies</span>}
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

/** A `datetime-local` value (local time) as the ISO instant the API filters on. */
function toIso(local: string | undefined): string | undefined {
  if (local === undefined || local === '') return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
