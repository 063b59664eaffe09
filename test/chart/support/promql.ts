import { parser } from '@prometheus-io/lezer-promql';

/** A query as Prometheus gets it once Grafana has filled in its variables. */
export function substituteVariables(expr: string): string {
  return expr
    .replaceAll('$__rate_interval', '1m')
    .replaceAll('$__range', '1h')
    .replaceAll('$namespace', '.*');
}

/** Where the Prometheus parser gives up on `expr`, or `undefined` when it is valid PromQL. */
export function syntaxErrorOf(expr: string): string | undefined {
  let error: string | undefined;
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError && error === undefined) error = `at ${node.from}: ${expr}`;
    },
  });
  return error;
}

/** The metric names `expr` selects (the identifiers of its vector selectors, not label names). */
export function metricNamesOf(expr: string): string[] {
  const names: string[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') {
        names.push(expr.slice(node.from, node.to));
      }
    },
  });
  return names;
}

/** Whether `name` is a defined metric, or the `_bucket`, `_sum` or `_count` series of one. */
export function isDefinedMetric(name: string, defined: ReadonlySet<string>): boolean {
  return defined.has(name) || defined.has(name.replace(/_(bucket|sum|count)$/, ''));
}
