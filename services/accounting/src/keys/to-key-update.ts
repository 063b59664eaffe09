import type { UpdateKey } from '@switchyard/contracts';
import type { ApiKeyUpdate, ModelLimits } from '@switchyard/db';
import { toBudgetColumns } from '../admin/budget-columns.js';
import { toJsonObject } from '../admin/to-json-object.js';

/** The columns a PATCH body changes; absent fields stay, null clears a limit. */
export function toKeyUpdate(body: UpdateKey): ApiKeyUpdate {
  const update: ApiKeyUpdate = { updated_at: new Date() };
  if (body.name !== undefined) update.name = body.name;
  if (body.role !== undefined) update.role = body.role;
  if (body.expires_at !== undefined) update.expires_at = body.expires_at;
  if (body.limits?.rpm !== undefined) update.rpm = body.limits.rpm;
  if (body.limits?.tpm !== undefined) update.tpm = body.limits.tpm;
  if (body.limits?.max_concurrent !== undefined) update.max_concurrent = body.limits.max_concurrent;
  if (body.model_allowlist !== undefined) {
    update.model_allowlist = body.model_allowlist;
    update.free_only = body.model_allowlist?.includes(':free') ?? false;
  }
  if (body.budget !== undefined) Object.assign(update, toBudgetColumns(body.budget));
  if (body.model_limits !== undefined) update.per_model_limits = toModelLimits(body.model_limits);
  if (body.log_bodies !== undefined) update.log_bodies = body.log_bodies;
  if (body.metadata !== undefined) update.metadata = toJsonObject(body.metadata);
  return update;
}

/** Per-model limits without the nulls (a null per-model limit means no limit). */
export function toModelLimits(
  value: UpdateKey['model_limits'],
): Record<string, ModelLimits> | null {
  if (value === null || value === undefined) return null;
  const result: Record<string, ModelLimits> = {};
  for (const [model, limits] of Object.entries(value)) {
    const entry: ModelLimits = {};
    if (typeof limits.rpm === 'number') entry.rpm = limits.rpm;
    if (typeof limits.tpm === 'number') entry.tpm = limits.tpm;
    if (typeof limits.max_concurrent === 'number') entry.max_concurrent = limits.max_concurrent;
    result[model] = entry;
  }
  return result;
}
