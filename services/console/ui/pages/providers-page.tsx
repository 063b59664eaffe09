import type {
  CredentialJson as Credential,
  Page,
  ProviderJson as Provider,
  UsageSummaryJson as UsageSummary,
} from '@switchyard/contracts';
import { useState } from 'preact/hooks';
import { useConsole } from '../app/console-context.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { formatCount, formatShare, formatTime } from '../components/format.js';
import { Empty, ErrorNotice, Loaded } from '../components/states.js';
import { toMessage, useApiData } from '../components/use-api-data.js';
import { CredentialForm } from './credential-form.js';
import { CredentialHealthPanel } from './credential-health-panel.js';

/**
 * Providers (enable/disable), their upstream credentials (add, disable, replace, delete), and
 * each credential's health (usage, errors, cooldowns).
 */
export function ProvidersPage() {
  const { api, session } = useConsole();
  const providers = useApiData(() => api.get<Page<Provider>>('admin/providers'), 'providers');
  const credentials = useApiData(
    () => api.get<Page<Credential>>('admin/credentials'),
    'credentials',
  );
  const today = new Date().toISOString().slice(0, 10);
  const weekAgo = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
  const usage = useApiData(
    () =>
      api.get<UsageSummary>(`admin/usage/summary?group_by=provider&from=${weekAgo}&to=${today}`),
    'usage',
  );
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const run = async (action: () => Promise<unknown>, reload: () => void) => {
    setFailure(undefined);
    try {
      await action();
      reload();
    } catch (error: unknown) {
      setFailure(toMessage(error));
    }
  };
  const usageOf = (name: string) => usage.data?.data.find((row) => row.group === name);
  return (
    <section>
      <div class="page-head">
        <h1>Providers &amp; credentials</h1>
      </div>
      {failure && <ErrorNotice message={failure} />}
      <Loaded {...providers}>
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No providers are configured.</Empty>
          ) : (
            <div class="table-wrap">
              <table class="table">
                <thead>
                  <tr>
                    <th>Provider</th>
                    <th>Base URL</th>
                    <th class="num">Requests (7 days)</th>
                    <th class="num">Success</th>
                    <th>State</th>
                    <th>Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {page.data.map((provider) => (
                    <tr key={provider.name}>
                      <td>
                        <strong>{provider.name}</strong>
                        <div class="muted small">
                          {provider.type} · from {provider.source}
                        </div>
                      </td>
                      <td class="mono small">{provider.base_url}</td>
                      <td class="num">{formatCount(usageOf(provider.name)?.requests ?? 0)}</td>
                      <td class="num">{formatShare(usageOf(provider.name)?.success_rate)}</td>
                      <td>
                        <span class={`badge ${provider.enabled ? 'badge-ok' : 'badge-muted'}`}>
                          {provider.enabled ? 'enabled' : 'disabled'}
                        </span>
                      </td>
                      <td>
                        <div class="row-actions">
                          <button
                            type="button"
                            class="secondary"
                            onClick={() =>
                              void run(
                                () =>
                                  api.patch(`admin/providers/${provider.name}`, {
                                    enabled: !provider.enabled,
                                  }),
                                providers.reload,
                              )
                            }
                          >
                            {provider.enabled ? 'Disable' : 'Enable'}
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <section class="panel">
        <div class="page-head">
          <h2>Upstream keys</h2>
          {!adding && (
            <button
              type="button"
              onClick={() => setAdding(true)}
              disabled={!providers.data?.data.length}
            >
              Add key
            </button>
          )}
        </div>
        {adding && (
          <CredentialForm
            providers={providers.data?.data ?? []}
            onSaved={() => {
              setAdding(false);
              credentials.reload();
            }}
            onCancel={() => setAdding(false)}
          />
        )}
        <Loaded {...credentials}>
          {(page) =>
            page.data.length === 0 ? (
              <Empty>
                No upstream keys stored here; providers use the keys from the configuration.
              </Empty>
            ) : (
              <div class="table-wrap">
                <table class="table">
                  <thead>
                    <tr>
                      <th>Key</th>
                      <th>Provider</th>
                      <th>Limits</th>
                      <th>Added</th>
                      <th>State</th>
                      <th>Actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((credential) =>
                      editing === credential.id ? (
                        <tr key={credential.id}>
                          <td colSpan={6}>
                            <CredentialForm
                              providers={providers.data?.data ?? []}
                              credential={credential}
                              onSaved={() => {
                                setEditing(null);
                                credentials.reload();
                              }}
                              onCancel={() => setEditing(null)}
                            />
                          </td>
                        </tr>
                      ) : (
                        <tr key={credential.id}>
                          <td>
                            <strong>{credential.name}</strong>
                            <div class="mono muted small">{credential.hint}</div>
                          </td>
                          <td>{credential.provider}</td>
                          <td class="small">
                            {formatCount(credential.limits.rpm)} rpm ·{' '}
                            {formatCount(credential.limits.tpm)} tpm ·{' '}
                            {formatCount(credential.limits.daily_requests)} a day
                          </td>
                          <td>{formatTime(credential.created_at)}</td>
                          <td>
                            <span
                              class={`badge ${credential.enabled ? 'badge-ok' : 'badge-muted'}`}
                            >
                              {credential.enabled ? 'enabled' : 'disabled'}
                            </span>
                          </td>
                          <td>
                            <div class="row-actions">
                              <button
                                type="button"
                                class="secondary"
                                onClick={() =>
                                  void run(
                                    () =>
                                      api.patch(`admin/credentials/${credential.id}`, {
                                        enabled: !credential.enabled,
                                      }),
                                    credentials.reload,
                                  )
                                }
                              >
                                {credential.enabled ? 'Disable' : 'Enable'}
                              </button>
                              <button
                                type="button"
                                class="secondary"
                                onClick={() => setEditing(credential.id)}
                              >
                                Edit
                              </button>
                              <ConfirmButton
                                label="Delete"
                                confirmLabel="Delete key"
                                onConfirm={() =>
                                  void run(
                                    () => api.delete(`admin/credentials/${credential.id}`),
                                    credentials.reload,
                                  )
                                }
                              />
                            </div>
                          </td>
                        </tr>
                      ),
                    )}
                  </tbody>
                </table>
              </div>
            )
          }
        </Loaded>
      </section>
      {/* The gateway's live credential state takes a key, which an SSO session has not. */}
      {session.sso === null && <CredentialHealthPanel />}
    </section>
  );
}
