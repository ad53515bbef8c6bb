/** Hash routes: #/search?actor=RUS, #/event/ID, #/document/ID, #/dyad/RUS/CHN, #/network, #/map, #/visits. */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  readonly page: string;
  readonly args: readonly string[];
  readonly params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { page: parts[0] ?? 'search', args: parts.slice(1), params: new URLSearchParams(query) };
}

export function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = (): void => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return parseRoute(hash);
}

/** A link to a page: href('event', id) → "#/event/<id>". */
export function href(page: string, ...args: Array<string | URLSearchParams>): string {
  const params = args.find((a): a is URLSearchParams => a instanceof URLSearchParams);
  const parts = args.filter((a): a is string => typeof a === 'string').map(encodeURIComponent);
  const q = params?.toString();
  return `#/${[page, ...parts].join('/')}${q ? `?${q}` : ''}`;
}

export function go(to: string): void {
  location.hash = to;
}
