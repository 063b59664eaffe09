import { describe, expect, it } from 'vitest';
import { parseAllowlist, parseLimitsForm } from './parse-limits-form.js';

describe('parseLimitsForm', () => {
  it('reads whole numbers, with empty meaning no limit', () => {
    expect(parseLimitsForm({ rpm: '60', tpm: '100,000', max_concurrent: '' })).toEqual({
      ok: true,
      limits: { rpm: 60, tpm: 100_000, max_concurrent: null },
    });
  });

  it('names each field that is not a whole number from 1, or too large', () => {
    const parsed = parseLimitsForm({ rpm: '0', tpm: '1.5', max_concurrent: '20000' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(['max_concurrent', 'rpm', 'tpm']);
    expect(parsed.errors.max_concurrent).toBe('At most 10,000.');
  });
});

describe('parseAllowlist', () => {
  it('reads ids, provider wildcards and :free, one per line or comma-separated', () => {
    expect(parseAllowlist('openai/gpt-4o, anthropic/*\n:free\nopenai/gpt-4o')).toEqual({
      ok: true,
      allowlist: ['openai/gpt-4o', 'anthropic/*', ':free'],
    });
    expect(parseAllowlist('  ')).toEqual({ ok: true, allowlist: null });
  });

  it('names the entry that is not a model id', () => {
    expect(parseAllowlist('gpt-4o')).toEqual({
      ok: false,
      error: "'gpt-4o' is not a model id (provider/model), 'provider/*' or ':free'.",
    });
  });
});
