import { type ComponentChildren, cloneElement, isValidElement } from 'preact';
import { useId } from 'preact/hooks';

/**
 * A labelled form control with an optional hint and a per-field error. The label names the
 * control alone (`for`/`id`), and the hint or error describes it (`aria-describedby`).
 */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
  children: ComponentChildren;
}) {
  const id = useId();
  const note = error ?? hint;
  const control = isValidElement(children)
    ? cloneElement(children, {
        id,
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': note ? `${id}-note` : undefined,
      })
    : children;
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label class="field-label" htmlFor={id}>
        {label}
      </label>
      {control}
      {note && (
        <span id={`${id}-note`} class={error ? 'field-error' : 'field-hint'}>
          {note}
        </span>
      )}
    </div>
  );
}
