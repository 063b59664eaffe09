/** Limits as typed into a form: one text box per limit, empty meaning "no limit". */
export interface LimitsForm {
  rpm: string;
  tpm: string;
  max_concurrent: string;
}

/** Parsed limits (null removes a limit) or a message per field that is wrong. */
export type ParsedLimits =
  | { ok: true; limits: { rpm: number | null; tpm: number | null; max_concurrent: number | null } }
  | { ok: false; errors: Partial<Record<keyof LimitsForm, string>> };

const MAXIMUM: Record<keyof LimitsForm, number> = {
  rpm: Number.MAX_SAFE_INTEGER,
  tpm: Number.MAX_SAFE_INTEGER,
  max_concurrent: 10_000,
};

/** Checks a limits form the way the admin API will: whole numbers from 1, or empty. */
export function parseLimitsForm(form: LimitsForm): ParsedLimits {
  const errors: Partial<Record<keyof LimitsForm, string>> = {};
  const limits = { rpm: null, tpm: null, max_concurrent: null } as {
    rpm: number | null;
    tpm: number | null;
    max_concurrent: number | null;
  };
  for (const field of ['rpm', 'tpm', 'max_concurrent'] as const) {
    const text = form[field].trim().replace(/[_,\s]/g, '');
    if (text === '') continue;
    if (!/^\d+$/.test(text) || Number(text) < 1) {
      errors[field] = 'Enter a whole number of at least 1, or leave empty for no limit.';
    } else if (Number(text) > MAXIMUM[field]) {
      errors[field] = `At most ${MAXIMUM[field].toLocaleString('en-US')}.`;
    } else {
      limits[field] = Number(text);
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, limits };
}

const ALLOWLIST_ENTRY = /^(:free|[^/\s]+\/\*|[^/\s]+\/\S+)$/;

/**
 * A model allowlist typed one entry per line or comma-separated: exact ids, `provider/*` or
 * `:free`. Empty means every model (null).
 */
export function parseAllowlist(
  text: string,
): { ok: true; allowlist: string[] | null } | { ok: false; error: string } {
  const entries = text
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) return { ok: true, allowlist: null };
  const wrong = entries.find((entry) => !ALLOWLIST_ENTRY.test(entry));
  if (wrong !== undefined) {
    return {
      ok: false,
      error: `'${wrong}' is not a model id (provider/model), 'provider/*' or ':free'.`,
    };
  }
  return { ok: true, allowlist: [...new Set(entries)] };
}
