import { useConsole } from '../app/console-context.js';
import { formatCount, formatShare, formatTime } from '../components/format.js';
import { Empty, Loaded } from '../components/states.js';
import { useApiData } from '../components/use-api-data.js';

/** A credential's requests over the last day, from the usage ledger. */
interface CredentialUsage {
  provider: string;
  credential_id: string;
  requests: number;
  errors: number;
  rate_limited: number;
  last_used_at: string;
  last_error_at: string | null;
}

/** A credential's live state on the gateway replica that answered. */
interface CredentialLiveState {
  provider: string;
  credential_id: string;
  requests_this_minute: number;
  requests_today: number;
  limits: { rpm: number | null; tpm: number | null; daily_requests: number | null };
  refused_until: string | null;
  cooling_down: { upstream_model: string; until: string }[];
}

/**
 * Each upstream credential's health: requests, errors and 429s over the last 24 hours (the
 * ledger), and its use this minute and running cooldowns (the gateway replica that answered).
 */
export function CredentialHealthPanel() {
  const { api } = useConsole();
  const usage = useApiData(
    () => api.get<{ data: CredentialUsage[] }>('admin/usage/credentials'),
    'credential-usage',
  );
  const live = useApiData(
    () => api.get<{ data: CredentialLiveState[] }>('admin/gateway/credentials'),
    'credential-live',
  );
  return (
    <section class="panel">
      <div class="page-head">
        <h2>Credential health</h2>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            usage.reload();
            live.reload();
          }}
        >
          Refresh
        </button>
      </div>
      <Loaded {...live}>
        {(state) =>
          state.data.length === 0 ? (
            <Empty>No upstream credentials are configured on the gateway.</Empty>
          ) : (
            <div class="table-wrap">
              <table class="table">
                <thead>
                  <tr>
                    <th>Provider</th>
                    <th>Credential</th>
                    <th class="num">Requests (24 h)</th>
                    <th class="num">Errors</th>
                    <th class="num">429s</th>
                    <th class="num">This minute</th>
                    <th>Cooldowns</th>
                    <th>Last error</th>
                  </tr>
                </thead>
                <tbody>
                  {state.data.map((credential) => {
                    const day = usage.data?.data.find(
                      (row) =>
                        row.provider === credential.provider &&
                        row.credential_id === credential.credential_id,
                    );
                    const rpm = credential.limits.rpm;
                    return (
                      <tr key={`${credential.provider}/${credential.credential_id}`}>
                        <td>{credential.provider}</td>
                        <td>
                          <code>{credential.credential_id}</code>
                        </td>
                        <td class="num">{formatCount(day?.requests ?? 0)}</td>
                        <td class="num">
                          {day === undefined || day.requests === 0
                            ? '—'
                            : `${formatCount(day.errors)} (${formatShare(day.errors / day.requests)})`}
                        </td>
                        <td class="num">{formatCount(day?.rate_limited ?? 0)}</td>
                        <td class="num">
                          {formatCount(credential.requests_this_minute)}
                          {rpm === null ? '' : ` / ${formatCount(rpm)}`}
                        </td>
                        <td>
                          {credential.refused_until !== null ? (
                            <span class="badge badge-bad">
                              refused until {formatTime(credential.refused_until)}
                            </span>
                          ) : credential.cooling_down.length === 0 ? (
                            <span class="badge badge-ok">none</span>
                          ) : (
                            credential.cooling_down.map((cooldown) => (
                              <span class="badge badge-warn" key={cooldown.upstream_model}>
                                {cooldown.upstream_model} until {formatTime(cooldown.until)}
                              </span>
                            ))
                          )}
                        </td>
                        <td>{formatTime(day?.last_error_at)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </section>
  );
}
