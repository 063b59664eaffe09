import type { ConfigProblem } from './config-problem.js';
import { splitModelId } from './split-model-id.js';

interface ReferenceOptions {
  /** The YAML file's path. */
  source: string;
  /** Providers defined outside the YAML (by environment variables). */
  envProviders: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entries(root: unknown, key: string): Record<string, unknown>[] {
  const list = isRecord(root) ? root[key] : undefined;
  return Array.isArray(list) ? list.map((entry) => (isRecord(entry) ? entry : {})) : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * Problems between entries, which the per-entry schema cannot see: duplicate provider names,
 * duplicate model ids, models naming an undefined provider. Reads the raw YAML leniently so these
 * are reported even when other fields are invalid.
 */
export function findReferenceProblems(root: unknown, options: ReferenceOptions): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const report = (path: string, reason: string) =>
    problems.push({ source: options.source, path, reason });

  const providers = new Map<string, number>();
  entries(root, 'providers').forEach((provider, index) => {
    const name = text(provider.name);
    if (name === undefined) return;
    const first = providers.get(name);
    if (first === undefined) providers.set(name, index);
    else
      report(`providers[${index}].name`, `duplicate provider "${name}" (see providers[${first}])`);
  });

  const models = new Map<string, number>();
  entries(root, 'models').forEach((model, index) => {
    const id = text(model.id);
    if (id !== undefined) {
      const first = models.get(id);
      if (first === undefined) models.set(id, index);
      else report(`models[${index}].id`, `duplicate model id "${id}" (see models[${first}])`);
    }
    const explicit = text(model.provider);
    const provider = explicit ?? (id === undefined ? undefined : splitModelId(id)?.provider);
    if (provider === undefined || providers.has(provider)) return;
    if (options.envProviders.includes(provider)) return;
    if (explicit !== undefined) {
      report(`models[${index}].provider`, `provider "${provider}" is not defined`);
    } else {
      report(`models[${index}].id`, `provider "${provider}" (from the id) is not defined`);
    }
  });
  return problems;
}
