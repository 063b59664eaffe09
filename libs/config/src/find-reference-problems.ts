import type { ConfigProblem } from './config-problem.js';
import { splitModelId } from './split-model-id.js';

interface ReferenceOptions {
  /** The YAML file's path. */
  source: string;
  /** Providers defined outside the YAML (by environment variables). */
  envProviders: readonly string[];
}

type RawEntry = Record<string, unknown>;
type Report = (path: string, reason: string) => void;

interface ModelCheck {
  /** Whether the YAML or the environment defines this provider. */
  isKnown(name: string): boolean;
  report: Report;
}

// The one-route shorthand, which a model giving `routes` must not use as well.
const SHORTHAND_FIELDS = ['provider', 'upstream_model', 'pricing'] as const;

function isRecord(value: unknown): value is RawEntry {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entries(root: unknown, key: string): RawEntry[] {
  const list = isRecord(root) ? root[key] : undefined;
  return Array.isArray(list) ? list.map((entry) => (isRecord(entry) ? entry : {})) : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reports duplicate names; returns every name defined. */
function providerNames(root: unknown, report: Report): Set<string> {
  const first = new Map<string, number>();
  entries(root, 'providers').forEach((provider, index) => {
    const name = text(provider.name);
    if (name === undefined) return;
    const seen = first.get(name);
    if (seen === undefined) first.set(name, index);
    else
      report(`providers[${index}].name`, `duplicate provider "${name}" (see providers[${seen}])`);
  });
  return new Set(first.keys());
}

function checkRoutes(model: RawEntry, at: string, { isKnown, report }: ModelCheck): void {
  if (SHORTHAND_FIELDS.some((field) => model[field] !== undefined)) {
    report(`${at}.routes`, 'use either routes or provider/upstream_model/pricing');
  }
  entries(model, 'routes').forEach((route, index) => {
    const provider = text(route.provider);
    if (provider !== undefined && !isKnown(provider)) {
      report(`${at}.routes[${index}].provider`, `provider "${provider}" is not defined`);
    }
  });
}

function checkShorthand(model: RawEntry, at: string, { isKnown, report }: ModelCheck): void {
  const explicit = text(model.provider);
  const id = text(model.id);
  const provider = explicit ?? (id === undefined ? undefined : splitModelId(id)?.provider);
  if (provider === undefined || isKnown(provider)) return;
  if (explicit !== undefined) report(`${at}.provider`, `provider "${provider}" is not defined`);
  else report(`${at}.id`, `provider "${provider}" (from the id) is not defined`);
}

/**
 * Problems between entries, which the per-entry schema cannot see: duplicate provider names,
 * duplicate model ids, models or routes naming an undefined provider, a model giving both
 * `routes` and the one-route shorthand. Reads the raw YAML leniently so these are reported even
 * when other fields are invalid.
 */
export function findReferenceProblems(root: unknown, options: ReferenceOptions): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const report: Report = (path, reason) => problems.push({ source: options.source, path, reason });
  const providers = providerNames(root, report);
  const check: ModelCheck = {
    isKnown: (name) => providers.has(name) || options.envProviders.includes(name),
    report,
  };

  const models = new Map<string, number>();
  entries(root, 'models').forEach((model, index) => {
    const at = `models[${index}]`;
    const id = text(model.id);
    if (id !== undefined) {
      const first = models.get(id);
      if (first === undefined) models.set(id, index);
      else report(`${at}.id`, `duplicate model id "${id}" (see models[${first}])`);
    }
    // With routes, the id's first part is only a name (`meta/llama-3.1-70b`), not a provider.
    if (model.routes === undefined) checkShorthand(model, at, check);
    else checkRoutes(model, at, check);
  });
  return problems;
}
