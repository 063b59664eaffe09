import type { SyncRunJson as SyncRun } from '@switchyard/contracts';
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../app/console-context.js';
import { formatTime } from '../components/format.js';
import { Empty, ErrorNotice, Loaded } from '../components/states.js';
import { toMessage, useApiData } from '../components/use-api-data.js';

const RUNNING = new Set(['queued', 'running']);

/** The last catalog sync's report and a "sync now" button (admins) that follows the new run. */
export function SyncPanel({ onSynced }: { onSynced: () => void }) {
  const { api, session } = useConsole();
  const latest = useApiData(
    () =>
      api.get<SyncRun>('admin/catalog/sync/latest').catch((error: unknown) => {
        // No run yet is not an error worth a red box.
        if (error instanceof Error && /No sync run/.test(error.message)) return null;
        throw error;
      }),
    'latest',
  );
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const running = latest.data != null && RUNNING.has(latest.data.status);
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(latest.reload, 2_000);
    return () => clearTimeout(timer);
  }, [running, latest.data, latest.reload]);
  useEffect(() => {
    if (
      latest.data != null &&
      latest.data.status !== 'queued' &&
      latest.data.status !== 'running'
    ) {
      onSynced();
    }
  }, [latest.data?.id, latest.data?.status, latest.data, onSynced]);
  const syncNow = async () => {
    setFailure(undefined);
    try {
      await api.post('admin/catalog/sync');
      latest.reload();
    } catch (error: unknown) {
      setFailure(toMessage(error));
    }
  };
  return (
    <section class="card">
      <div class="page-head">
        <h2>Catalog sync</h2>
        {session.role === 'admin' && (
          <button type="button" onClick={() => void syncNow()} disabled={running}>
            {running ? 'Syncing…' : 'Sync now'}
          </button>
        )}
      </div>
      {failure && <ErrorNotice message={failure} />}
      <Loaded {...latest}>
        {(run) =>
          run === null ? (
            <Empty>No sync has run yet.</Empty>
          ) : (
            <div class="sync-report" data-testid="sync-report">
              <p>
                Last run: <strong>{run.status}</strong> ({run.trigger}),{' '}
                {formatTime(run.finished_at ?? run.created_at)}
                {run.catalog_version && ` · catalog version ${run.catalog_version}`}
              </p>
              {run.report && (
                <>
                  <p class="muted">
                    {run.report.models ?? 0} models, {run.report.routes ?? 0} routes
                    {run.report.changed === false ? ', nothing changed' : ''}
                  </p>
                  {run.report.error && <ErrorNotice message={run.report.error} />}
                  <ul class="sources">
                    {Object.entries(run.report.sources ?? {}).map(([name, source]) => (
                      <li key={name}>
                        <span
                          class={`badge badge-${source.status === 'ok' ? 'ok' : source.status === 'failed' ? 'bad' : 'muted'}`}
                        >
                          {source.status}
                        </span>{' '}
                        {name}: {source.models} models{source.error ? ` — ${source.error}` : ''}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )
        }
      </Loaded>
    </section>
  );
}
