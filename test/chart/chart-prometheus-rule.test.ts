import type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import type { IRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/Rule';
import { describe, expect, it } from 'vitest';
import { findDefinedMetrics } from './support/find-defined-metrics.js';
import { findManifest, manifestsOfKind } from './support/find-manifest.js';
import { isDefinedMetric, metricNamesOf, syntaxErrorOf } from './support/promql.js';
import { renderChart, templateChart } from './support/run-helm.js';

const ALERTS = [
  'SwitchyardUpstreamErrorRateHigh',
  'SwitchyardUsageEventsDropped',
  'SwitchyardUsageConsumerStalled',
  'SwitchyardUsageDeadLetters',
  'SwitchyardUsageInsertFailures',
  'SwitchyardRateLimitStoreDegraded',
  'SwitchyardCatalogSyncStale',
];

function rulesOf(valuesFiles: string[], set: string[] = []): IRule[] {
  const rule = findManifest(
    renderChart({ valuesFiles, set }),
    'PrometheusRule',
    'sy-switchyard',
  ) as unknown as IPrometheusRule;
  return rule.spec.groups?.flatMap((group) => group.rules ?? []) ?? [];
}

function alert(rules: readonly IRule[], name: string): IRule {
  const found = rules.find((rule) => rule.alert === name);
  if (found === undefined) throw new Error(`no alert ${name}`);
  return found;
}

describe('the PrometheusRule', () => {
  const rules = rulesOf(['minimal'], ['prometheusRule.enabled=true']);

  it('is off by default', () => {
    expect(manifestsOfKind(renderChart({ valuesFiles: ['minimal'] }), 'PrometheusRule')).toEqual(
      [],
    );
  });

  it('holds every alert, each with a severity, a summary and a description', () => {
    expect(rules.map((rule) => rule.alert)).toEqual(ALERTS);
    for (const rule of rules) {
      expect(['warning', 'critical'], rule.alert).toContain(rule.labels?.severity);
      expect(rule.annotations?.summary, rule.alert).toBeTruthy();
      expect(rule.annotations?.description, rule.alert).toBeTruthy();
    }
  });

  it('holds only valid PromQL over metrics the services define, scoped to the namespace', () => {
    const defined = findDefinedMetrics();
    for (const rule of rules) {
      const expr = String(rule.expr);
      expect(syntaxErrorOf(expr), rule.alert).toBeUndefined();
      const names = metricNamesOf(expr);
      expect(names.length, rule.alert).toBeGreaterThan(0);
      expect(
        names.filter((name) => !isDefinedMetric(name, defined)),
        rule.alert,
      ).toEqual([]);
      const selectors = expr.match(/\{[^}]*\}/g) ?? [];
      expect(selectors.length, rule.alert).toBe(names.length);
      for (const selector of selectors) {
        expect(selector, rule.alert).toContain('namespace="switchyard"');
      }
    }
  });

  it('fires on a single dropped usage event, at once', () => {
    const dropped = alert(rules, 'SwitchyardUsageEventsDropped');
    expect(dropped.expr).toMatch(
      /increase\(switchyard_usage_events_dropped_total\{.*\}\[5m\]\)\) > 0$/,
    );
    expect(dropped.for).toBeUndefined();
    expect(dropped.labels?.severity).toBe('critical');
  });

  it('calls the catalog stale after twice its sync interval', () => {
    expect(alert(rules, 'SwitchyardCatalogSyncStale').expr).toMatch(/> 7200$/);
    const monitored = rulesOf(['monitoring']);
    expect(alert(monitored, 'SwitchyardCatalogSyncStale').expr).toMatch(/> 1800$/);
  });

  it('takes the threshold, labels and left-out alerts of the values', () => {
    const monitored = rulesOf(['monitoring']);
    expect(monitored.map((rule) => rule.alert)).toEqual(
      ALERTS.filter((name) => name !== 'SwitchyardRateLimitStoreDegraded'),
    );
    expect(alert(monitored, 'SwitchyardUpstreamErrorRateHigh').expr).toMatch(/\) > 0\.1\s/);
    for (const rule of monitored) expect(rule.labels?.team, rule.alert).toBe('platform');
    const manifest = findManifest(
      renderChart({ valuesFiles: ['monitoring'] }),
      'PrometheusRule',
      'sy-switchyard',
    );
    expect(manifest.metadata.labels?.release).toBe('kube-prometheus-stack');
  });

  it('refuses an alert name it does not have', () => {
    const result = templateChart({
      valuesFiles: ['minimal'],
      set: ['prometheusRule.disabledAlerts[0]=SwitchyardTypo'],
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('/prometheusRule/disabledAlerts/0');
  });
});
