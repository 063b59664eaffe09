import type { LimitsForm } from '../../src/shared/parse-limits-form.js';
import { Field } from './field.js';

/** The three rate-limit inputs of a key or team form. */
export function LimitsFields({
  value,
  errors,
  onChange,
}: {
  value: LimitsForm;
  errors: Partial<Record<keyof LimitsForm, string>>;
  onChange: (value: LimitsForm) => void;
}) {
  const input = (field: keyof LimitsForm, label: string, hint: string) => (
    <Field label={label} hint={hint} error={errors[field]}>
      <input
        name={field}
        inputMode="numeric"
        value={value[field]}
        placeholder="no limit"
        onInput={(event) =>
          onChange({ ...value, [field]: (event.currentTarget as HTMLInputElement).value })
        }
      />
    </Field>
  );
  return (
    <div class="form-row">
      {input('rpm', 'Requests per minute', 'empty: no limit')}
      {input('tpm', 'Tokens per minute', 'empty: no limit')}
      {input('max_concurrent', 'Concurrent requests', 'empty: no limit')}
    </div>
  );
}

/** A limits object as the text of a form. */
export function toLimitsForm(limits: {
  rpm: number | null;
  tpm: number | null;
  max_concurrent: number | null;
}): LimitsForm {
  const text = (value: number | null) => (value === null ? '' : String(value));
  return {
    rpm: text(limits.rpm),
    tpm: text(limits.tpm),
    max_concurrent: text(limits.max_concurrent),
  };
}
