import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDefinedMetrics } from './support/find-defined-metrics.js';
import {
  isDefinedMetric,
  metricNamesOf,
  substituteVariables,
  syntaxErrorOf,
} from './support/promql.js';
import { CHART_DIR } from './support/repo-paths.js';

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  datasource?: { type: string; uid: string };
  targets?: { expr: string; datasource: { uid: string } }[];
}

interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: { name: string }[] };
}

const DASHBOARDS_DIR = join(CHART_DIR, 'dashboards');

/** Every dashboard the chart ships, by file name. */
const dashboards = readdirSync(DASHBOARDS_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({
    file,
    dashboard: JSON.parse(readFileSync(join(DASHBOARDS_DIR, file), 'utf8')) as Dashboard,
  }));

/** The smallest number of queries each dashboard must hold, so a truncated file fails. */
const MINIMUM_QUERIES: Readonly<Record<string, number>> = {
  'switchyard-overview.json': 40,
  'switchyard-pipeline.json': 25,
};

function queriesOf(dashboard: Dashboard) {
  return dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })),
  );
}

describe('deploy/helm/switchyard/dashboards', () => {
  it('holds the overview and the pipeline dashboards, with unique uids', () => {
    expect(dashboards.map(({ file }) => file).sort()).toEqual(Object.keys(MINIMUM_QUERIES));
    const uids = dashboards.map(({ dashboard }) => dashboard.uid);
    expect(uids.sort()).toEqual(['switchyard-overview', 'switchyard-pipeline']);
  });
});

describe.each(dashboards)('dashboards/$file', ({ file, dashboard }) => {
  const queries = queriesOf(dashboard);

  it('has queries on every graph, and unique panel ids', () => {
    expect(dashboard.uid).toBe(file.replace(/\.json$/, ''));
    expect(queries.length).toBeGreaterThanOrEqual(MINIMUM_QUERIES[file] ?? 1);
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels.filter((each) => each.type !== 'row')) {
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
    }
  });

  it('lays panels out without overlaps, inside 24 columns', () => {
    const cells = new Set<string>();
    for (const { title, gridPos } of dashboard.panels) {
      expect(gridPos.x + gridPos.w, title).toBeLessThanOrEqual(24);
      for (let column = gridPos.x; column < gridPos.x + gridPos.w; column += 1) {
        for (let row = gridPos.y; row < gridPos.y + gridPos.h; row += 1) {
          const cell = `${column}:${row}`;
          expect(cells.has(cell), `${title} overlaps at ${cell}`).toBe(false);
          cells.add(cell);
        }
      }
    }
  });

  it('queries the data source the user picks', () => {
    expect(dashboard.templating.list.map((variable) => variable.name)).toEqual([
      'datasource',
      'namespace',
    ]);
    for (const panel of dashboard.panels.filter((each) => each.type !== 'row')) {
      expect(panel.datasource?.uid, panel.title).toBe(`\${datasource}`);
      for (const target of panel.targets ?? []) {
        expect(target.datasource.uid).toBe(`\${datasource}`);
      }
    }
  });

  it('holds only valid PromQL', () => {
    const errors = queries
      .map(({ panel, expr }) => {
        const error = syntaxErrorOf(substituteVariables(expr));
        return error === undefined ? undefined : `${panel}: ${error}`;
      })
      .filter((error) => error !== undefined);
    expect(errors).toEqual([]);
  });

  it('uses only metrics the services define', () => {
    const defined = findDefinedMetrics();
    const used = new Set(queries.flatMap(({ expr }) => metricNamesOf(substituteVariables(expr))));
    const unknown = [...used].filter((name) => !isDefinedMetric(name, defined));
    expect(unknown).toEqual([]);
    expect(used.size).toBeGreaterThan(10);
  });
});

describe('the metric names the dashboards are checked against', () => {
  it('include the HTTP, usage pipeline and GenAI metrics', () => {
    const defined = findDefinedMetrics();
    for (const name of [
      'switchyard_http_requests_total',
      'switchyard_usage_events_dropped_total',
      'switchyard_usage_events_consumed_total',
      'gen_ai_client_token_usage',
      'gen_ai_client_operation_duration_seconds',
      'switchyard_time_to_first_token_seconds',
      'switchyard_cost_usd_by_team_total',
    ]) {
      expect(defined, name).toContain(name);
    }
  });

  it('are told apart from label names in a query', () => {
    expect(
      metricNamesOf('sum by (gen_ai_token_type) (rate(gen_ai_client_token_usage_sum{a="b"}[1m]))'),
    ).toEqual(['gen_ai_client_token_usage_sum']);
  });
});
