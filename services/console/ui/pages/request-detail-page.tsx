import type { RequestLogDetailJson as RequestLogDetail } from '@switchyard/contracts';
import type { ComponentChildren } from 'preact';
import { formatUsd } from '../../src/shared/format-usd.js';
import { useConsole } from '../app/console-context.js';
import { formatCount, formatMs, formatTime } from '../components/format.js';
import { Loaded } from '../components/states.js';
import { StatusBadge } from '../components/status-badge.js';
import { useApiData } from '../components/use-api-data.js';

/** One request: timing, tokens, cost, provider, attempts, and the bodies when logging was on. */
export function RequestDetailPage({ requestId }: { requestId: string }) {
  const { api } = useConsole();
  const event = useApiData(
    () => api.get<RequestLogDetail>(`admin/requests/${encodeURIComponent(requestId)}`),
    requestId,
  );
  return (
    <section>
      <div class="page-head">
        <h1>Request</h1>
        <a href="#/requests">‹ Back to the log</a>
      </div>
      <Loaded {...event}>
        {(row) => (
          <div class="detail" data-testid="request-detail">
            <p class="mono">{row.request_id}</p>
            <p>
              <StatusBadge status={row.status} code={row.error_code} />
            </p>
            {row.error_message && <p class="field-error">{row.error_message}</p>}
            <div class="detail-grid">
              <Group title="Model">
                <Item label="Requested" value={row.requested_model} />
                <Item label="Served by" value={row.model} />
                <Item label="Provider" value={row.provider || '—'} />
                <Item label="Upstream model" value={row.upstream_model || '—'} />
                <Item label="Endpoint" value={row.endpoint} />
                <Item label="Streamed" value={row.stream ? 'yes' : 'no'} />
              </Group>
              <Group title="Timing">
                <Item label="Started" value={formatTime(row.started_at)} />
                <Item label="Finished" value={formatTime(row.finished_at)} />
                <Item label="Latency" value={formatMs(row.latency_ms)} />
                <Item label="Time to first token" value={formatMs(row.ttft_ms)} />
                <Item label="Attempts" value={String(row.attempts)} />
                <Item label="Fallback used" value={row.fallback_used ? 'yes' : 'no'} />
              </Group>
              <Group title="Tokens and cost">
                <Item label="Prompt" value={formatCount(row.prompt_tokens)} />
                <Item label="Completion" value={formatCount(row.completion_tokens)} />
                <Item label="Cached" value={formatCount(row.cached_tokens)} />
                <Item label="Reasoning" value={formatCount(row.reasoning_tokens)} />
                <Item label="Tokens from" value={row.usage_source} />
                <Item
                  label="Cost"
                  value={
                    row.cost_usd === null ? '—' : `${formatUsd(row.cost_usd)} (${row.cost_usd} USD)`
                  }
                />
                <Item label="Cost from" value={row.cost_source ?? '—'} />
              </Group>
              <Group title="Caller">
                <Item label="Key" value={row.key_id ?? 'master key'} />
                <Item label="Team" value={row.team_id ?? '—'} />
                <Item label="Credential" value={row.credential_id ?? '—'} />
              </Group>
            </div>
            <h2>Request body</h2>
            {row.bodies === null ? (
              <p class="muted">
                No bodies were kept: request logging was off for this key, or they have expired.
              </p>
            ) : (
              <>
                <Body text={row.bodies.request} truncated={row.bodies.request_truncated} />
                <h2>Response body</h2>
                {row.bodies.response === null ? (
                  <p class="muted">No upstream answered.</p>
                ) : (
                  <Body text={row.bodies.response} truncated={row.bodies.response_truncated} />
                )}
              </>
            )}
          </div>
        )}
      </Loaded>
    </section>
  );
}

function Group({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <div class="card detail-group">
      <h2>{title}</h2>
      <dl>{children}</dl>
    </div>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div class="detail-item">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** A logged body, pretty-printed when it is whole JSON (a cut one is shown as it is). */
function Body({ text, truncated }: { text: string; truncated: boolean }) {
  return (
    <>
      <pre class="body-dump" data-testid="request-body">
        {truncated ? text : prettyJson(text)}
      </pre>
      {truncated && <p class="muted">Cut at the gateway's size cap.</p>}
    </>
  );
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
