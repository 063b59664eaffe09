import { useState } from 'preact/hooks';

/** A new key's secret, shown this once, with a copy button. */
export function SecretReveal({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = () => {
    navigator.clipboard.writeText(secret).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <div class="secret" role="alert">
      <p>
        <strong>Copy this key now.</strong> It is shown only once; Switchyard keeps only its hash.
      </p>
      <code class="secret-value" data-testid="secret-value">
        {secret}
      </code>
      <div class="actions">
        <button type="button" onClick={copy}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
        <button type="button" class="secondary" onClick={onDone}>
          I have stored it
        </button>
      </div>
      {copied === 'failed' && <p class="field-error">Copy failed; select the key and copy it.</p>}
    </div>
  );
}
