import type { ComponentChildren } from 'preact';

/** Shown while a read is under way. */
export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p class="state state-loading" role="status">
      {what}…
    </p>
  );
}

/** A failed read or write, in plain words, with an optional retry. */
export function ErrorNotice({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div class="state state-error" role="alert">
      <span>{message}</span>
      {onRetry && (
        <button type="button" class="link" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Nothing to show yet, and what would make something appear. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="state state-empty">{children}</p>;
}

/** The usual three states of a read before its content. */
export function Loaded<T>({
  data,
  error,
  loading,
  reload,
  children,
}: {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
  children: (data: T) => ComponentChildren;
}) {
  if (error !== undefined) return <ErrorNotice message={error} onRetry={reload} />;
  if (data === undefined) return loading ? <Loading /> : null;
  return <>{children(data)}</>;
}
