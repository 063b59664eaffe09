import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from '../api/api-client.js';
import type { SessionInfo } from '../api/session-types.js';

/** What every page needs: the API client and who is logged in. */
export interface ConsoleContextValue {
  api: ApiClient;
  session: SessionInfo;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

/** The console context; pages render only inside a logged-in layout. */
export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (value === null) throw new Error('useConsole outside the logged-in layout');
  return value;
}
