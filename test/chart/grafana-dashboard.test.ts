import { readFileSync } from 'node:fs';
import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { findDefinedMetrics } from './support/find-defined-metrics.js';
import { repoPath } from './support/repo-paths.js';

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  datasource?: { type: string; uid: string };
  targets?: { expr: string; datasource: { uid: string } }[];
}

const dashboard = JSON.parse(
  readFileSync(repoPath('deploy/grafana/switchyard-overview.json'), 'utf8'),
) as { uid: string; title: string; panels: Panel[]; templating: { list: { name: string }[] } };
const queries = dashboard.panels.flatMap((panel) =>
  (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })),
);

/** The query as Prometheus gets it once Grafana has filled in its variables. */
function substituteVariables(expr: string): string {
  return expr
    .replaceAll('$__rate_interval', '1m')
    .replaceAll('$__range', '1h')
    .replaceAll('$namespace', '.*');
}

function syntaxErrorOf(expr: string): string | undefined {
  let error: string | undefined;
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError && error === undefined) error = `at ${node.from}: ${expr}`;
    },
  });
  return error;
}

describe('deploy/grafana/switchyard-overview.json', () => {
  it('has queries on every graph, and unique panel ids', () => {
    expect(dashboard.uid).toBe('switchyard-overview');
    expect(queries.length).toBeGreaterThan(20);
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
    expect(defined).toContain('switchyard_http_requests_total');
    expect(defined).toContain('switchyard_usage_events_dropped_total');
    const used = new Set(
      queries.flatMap(({ expr }) => expr.match(/\bswitchyard_[a-z0-9_]+/g) ?? []),
    );
    const unknown = [...used].filter((name) => {
      const base = name.replace(/_(bucket|sum|count)$/, '');
      return !defined.has(name) && !defined.has(base);
    });
    expect(unknown).toEqual([]);
    expect(used.size).toBeGreaterThan(20);
  });
});
