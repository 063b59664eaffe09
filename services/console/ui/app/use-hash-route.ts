import { useEffect, useState } from 'preact/hooks';

/** The current route: the hash without `#/`, split on `/`, and its query parameters. */
export interface HashRoute {
  segments: string[];
  query: URLSearchParams;
}

function readRoute(): HashRoute {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [path = '', search = ''] = hash.split('?', 2);
  return {
    segments: path.split('/').filter(Boolean).map(decodeURIComponent),
    query: new URLSearchParams(search),
  };
}

/** Hash routing (`#/requests/abc`): no server routes needed, works under any mount prefix. */
export function useHashRoute(): HashRoute {
  const [route, setRoute] = useState(readRoute);
  useEffect(() => {
    const update = () => setRoute(readRoute());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** Goes to a route, e.g. `navigate('requests', {model: 'x'})`. */
export function navigate(path: string, query?: Record<string, string>): void {
  const search = query === undefined ? '' : new URLSearchParams(query).toString();
  window.location.hash = `#/${path}${search === '' ? '' : `?${search}`}`;
}
