import type { ModelJson as Model, Page, PricingPatch as Pricing } from '@switchyard/contracts';
import { useState } from 'preact/hooks';
import { perTokenToPerMillion } from '../../src/shared/price-per-million.js';
import { modelPath } from '../api/model-path.js';
import { useConsole } from '../app/console-context.js';
import { CursorPager } from '../components/cursor-pager.js';
import { Field } from '../components/field.js';
import { formatCount, toQuery } from '../components/format.js';
import { Empty, ErrorNotice, Loaded } from '../components/states.js';
import { toMessage, useApiData } from '../components/use-api-data.js';
import { ModelEditor } from './model-editor.js';
import { SyncPanel } from './sync-panel.js';

/** The catalog: context, prices per 1M tokens, free flag, enable/disable, overrides, sync. */
export function ModelsPage() {
  const { api, session } = useConsole();
  const [search, setSearch] = useState('');
  const [applied, setApplied] = useState({ search: '', free: '', enabled: '' });
  const [cursors, setCursors] = useState<string[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const query = toQuery({ ...applied, limit: 50, cursor: cursors.at(-1) });
  const models = useApiData(() => api.get<Page<Model>>(`admin/models${query}`), query);
  const isAdmin = session.role === 'admin';
  const filter = (changes: Partial<typeof applied>) => {
    setCursors([]);
    setApplied({ ...applied, ...changes });
  };
  const toggle = async (model: Model) => {
    setFailure(undefined);
    try {
      await api.patch(`admin/models/${modelPath(model.id)}`, { enabled: !model.enabled });
      models.reload();
    } catch (error: unknown) {
      setFailure(toMessage(error));
    }
  };
  return (
    <section>
      <div class="page-head">
        <h1>Models</h1>
      </div>
      {isAdmin && <SyncPanel onSynced={models.reload} />}
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          filter({ search });
        }}
      >
        <Field label="Search">
          <input
            name="model-search"
            value={search}
            placeholder="id or name"
            onInput={(event) => setSearch((event.currentTarget as HTMLInputElement).value)}
          />
        </Field>
        <Field label="Price">
          <select
            value={applied.free}
            onChange={(event) => filter({ free: (event.currentTarget as HTMLSelectElement).value })}
          >
            <option value="">Any</option>
            <option value="true">Free only</option>
            <option value="false">Paid only</option>
          </select>
        </Field>
        <Field label="State">
          <select
            value={applied.enabled}
            onChange={(event) =>
              filter({ enabled: (event.currentTarget as HTMLSelectElement).value })
            }
          >
            <option value="">Any</option>
            <option value="true">Enabled</option>
            <option value="false">Disabled</option>
          </select>
        </Field>
        <div class="actions">
          <button type="submit">Search</button>
        </div>
      </form>
      {failure && <ErrorNotice message={failure} />}
      <Loaded {...models}>
        {(page) =>
          page.data.length === 0 ? (
            <Empty>No models match. Configure a provider or run a catalog sync.</Empty>
          ) : (
            <>
              <div class="table-wrap">
                <table class="table">
                  <thead>
                    <tr>
                      <th>Model</th>
                      <th class="num">Context</th>
                      <th class="num">Prompt / 1M</th>
                      <th class="num">Completion / 1M</th>
                      <th>Routes</th>
                      <th>State</th>
                      {isAdmin && <th>Actions</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((model) =>
                      editing === model.id ? (
                        <tr key={model.id}>
                          <td colSpan={7}>
                            <ModelEditor
                              model={model}
                              onSaved={() => {
                                setEditing(null);
                                models.reload();
                              }}
                              onCancel={() => setEditing(null)}
                            />
                          </td>
                        </tr>
                      ) : (
                        <tr key={model.id}>
                          <td>
                            <strong class="mono">{model.id}</strong>
                            <div class="muted small">{model.name}</div>
                          </td>
                          <td class="num">
                            {formatCount(model.overrides.context_length ?? model.context_length)}
                          </td>
                          <td class="num">{price(model, 'prompt')}</td>
                          <td class="num">{price(model, 'completion')}</td>
                          <td class="small">
                            {model.routes.map((route) => route.provider).join(', ') || '—'}
                          </td>
                          <td>
                            {model.free && <span class="badge badge-ok">free</span>}{' '}
                            <span class={`badge ${model.enabled ? 'badge-ok' : 'badge-muted'}`}>
                              {model.enabled ? 'enabled' : 'disabled'}
                            </span>
                            {model.overrides.pricing && (
                              <span class="badge badge-warn">price override</span>
                            )}
                          </td>
                          {isAdmin && (
                            <td>
                              <div class="row-actions">
                                <button
                                  type="button"
                                  class="secondary"
                                  onClick={() => void toggle(model)}
                                >
                                  {model.enabled ? 'Disable' : 'Enable'}
                                </button>
                                <button
                                  type="button"
                                  class="secondary"
                                  onClick={() => setEditing(model.id)}
                                >
                                  Overrides
                                </button>
                              </div>
                            </td>
                          )}
                        </tr>
                      ),
                    )}
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

/** The price people pay per 1M tokens: the override if set, else the first route's. */
function price(model: Model, field: keyof Pricing): string {
  const pricing = model.overrides.pricing ?? model.routes[0]?.pricing;
  const perToken = pricing?.[field];
  if (perToken === null || perToken === undefined) return '—';
  const perMillion = perTokenToPerMillion(perToken);
  return perMillion === undefined ? perToken : `$${perMillion}`;
}
