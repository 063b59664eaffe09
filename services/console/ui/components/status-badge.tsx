/** An HTTP status as a coloured badge, with the error code when there is one. */
export function StatusBadge({ status, code }: { status: number; code: string | null }) {
  const tone = status < 400 ? 'ok' : status < 500 ? 'warn' : 'bad';
  return (
    <span class={`badge badge-${tone}`} title={code ?? undefined}>
      {status}
      {code ? ` ${code}` : ''}
    </span>
  );
}
