import { ACCOUNTING_ROUTE_SPECS } from './accounting-route-specs.js';
import type { BadInputCase } from './bad-input-case.js';
import { CATALOG_ROUTE_SPECS } from './catalog-route-specs.js';
import { GATEWAY_ROUTE_SPECS } from './gateway-route-specs.js';
import { generateRouteCases } from './generate-route-cases.js';
import { HTTP_LEVEL_CASES } from './http-level-cases.js';
import type { RouteSpec } from './route-spec.js';

/** Every route the corpus covers, public API first. */
export const ROUTE_SPECS: readonly RouteSpec[] = [
  ...GATEWAY_ROUTE_SPECS,
  ...ACCOUNTING_ROUTE_SPECS,
  ...CATALOG_ROUTE_SPECS,
];

/** The corpus grouped by route (`METHOD /template`, or a group such as `unknown routes`). */
export function badInputCorpus(): Map<string, BadInputCase[]> {
  const groups = new Map<string, BadInputCase[]>();
  for (const badInput of [...ROUTE_SPECS.flatMap(generateRouteCases), ...HTTP_LEVEL_CASES]) {
    const group = groups.get(badInput.route) ?? [];
    group.push(badInput);
    groups.set(badInput.route, group);
  }
  return groups;
}
