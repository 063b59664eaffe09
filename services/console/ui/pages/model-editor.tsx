import type { ModelJson as Model, PricingPatch as Pricing } from '@switchyard/contracts';
import { useState } from 'preact/hooks';
import { perMillionToPerToken, perTokenToPerMillion } from '../../src/shared/price-per-million.js';
import { modelPath } from '../api/model-path.js';
import { useConsole } from '../app/console-context.js';
import { Field } from '../components/field.js';
import { ErrorNotice } from '../components/states.js';
import { toMessage } from '../components/use-api-data.js';

const PRICE_FIELDS = [
  ['prompt', 'Prompt'],
  ['completion', 'Completion'],
  ['cached_prompt', 'Cached prompt'],
  ['reasoning', 'Reasoning'],
] as const;

type PriceField = (typeof PRICE_FIELDS)[number][0];

/** Price (per 1M tokens) and context-length overrides of one model; empty removes them. */
export function ModelEditor({
  model,
  onSaved,
  onCancel,
}: {
  model: Model;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { api } = useConsole();
  const current = model.overrides.pricing ?? model.routes[0]?.pricing ?? {};
  const [prices, setPrices] = useState<Record<PriceField, string>>(
    Object.fromEntries(
      PRICE_FIELDS.map(([field]) => [field, perTokenToPerMillion(current[field] ?? '') ?? '']),
    ) as Record<PriceField, string>,
  );
  const [overridePrice, setOverridePrice] = useState(model.overrides.pricing !== undefined);
  const [context, setContext] = useState(
    model.overrides.context_length === undefined ? '' : String(model.overrides.context_length),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const pricing: Pricing = {
      cached_prompt: null,
      cache_write: null,
      reasoning: null,
      per_request: null,
      per_image: null,
    };
    if (overridePrice) {
      for (const [field, label] of PRICE_FIELDS) {
        const text = prices[field].trim();
        if (text === '' && field !== 'prompt' && field !== 'completion') continue;
        const perToken = perMillionToPerToken(text);
        if (perToken === undefined) found[field] = `${label}: enter USD per 1M tokens, e.g. 2.5.`;
        else pricing[field] = perToken;
      }
    }
    const contextText = context.trim();
    if (contextText !== '' && !/^\d+$/.test(contextText)) {
      found.context = 'Enter a whole number of tokens, or leave empty for the catalog value.';
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await api.patch(`admin/models/${modelPath(model.id)}`, {
        pricing: overridePrice ? pricing : null,
        context_length: contextText === '' ? null : Number(contextText),
      });
      onSaved();
    } catch (error: unknown) {
      setFailure(toMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card form" onSubmit={submit} noValidate aria-label={`Edit ${model.id}`}>
      <h2>Overrides for {model.id}</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={overridePrice}
          onChange={(event) => setOverridePrice((event.currentTarget as HTMLInputElement).checked)}
        />
        Override the price (USD per 1M tokens)
      </label>
      {overridePrice && (
        <div class="form-row">
          {PRICE_FIELDS.map(([field, label]) => (
            <Field key={field} label={label} error={errors[field]}>
              <input
                inputMode="decimal"
                name={`price-${field}`}
                value={prices[field]}
                onInput={(event) =>
                  setPrices({ ...prices, [field]: (event.currentTarget as HTMLInputElement).value })
                }
              />
            </Field>
          ))}
        </div>
      )}
      <Field
        label="Context length override"
        hint={`Catalog value: ${model.context_length.toLocaleString('en-US')} tokens. Empty: use it.`}
        error={errors.context}
      >
        <input
          inputMode="numeric"
          name="context-length"
          value={context}
          onInput={(event) => setContext((event.currentTarget as HTMLInputElement).value)}
        />
      </Field>
      {failure && <ErrorNotice message={failure} />}
      <div class="actions">
        <button type="submit" disabled={busy}>
          Save overrides
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
