import { useCallback, useEffect, useState } from 'preact/hooks';
import { describeApiError } from '../../src/shared/describe-api-error.js';
import { ApiError } from '../api/api-client.js';

/** The state of one read: loading, its data, or a plain-words error. */
export interface ApiData<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => void;
}

/** Loads `load()` when `key` changes (and on `reload()`), keeping the last data while loading. */
export function useApiData<T>(load: () => Promise<T>, key: string): ApiData<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({
    loading: true,
  });
  const [round, setRound] = useState(0);
  // `key` names what `load` reads, so `load` itself is not a dependency.
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error: toMessage(error), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [key, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Any thrown value as words for a person. */
export function toMessage(error: unknown): string {
  if (error instanceof ApiError) return describeApiError(error.failure);
  return error instanceof Error ? error.message : String(error);
}
