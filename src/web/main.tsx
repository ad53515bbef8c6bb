/** The dashboard: one page per hash route, the heavy views (charts, network, map) loaded when opened. */
import { render, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Stats } from './api.js';
import { useRoute, type Route } from './route.js';
import { Notice, useApi } from './ui.js';
import { SearchPage } from './pages/search.js';
import { EventPage } from './pages/event.js';
import { DocumentPage } from './pages/document.js';
import { VisitsPage } from './pages/visits.js';
import './style.css';

export interface PageProps {
  readonly route: Route;
  /** What the store holds; pages render before it arrives. */
  readonly stats: Stats | null;
}

type Lazy = () => Promise<ComponentType<PageProps>>;
const LAZY: Readonly<Record<string, Lazy>> = {
  dyad: () => import('./pages/dyad.js').then((m) => m.DyadPage),
  network: () => import('./pages/network.js').then((m) => m.NetworkPage),
  map: () => import('./pages/map.js').then((m) => m.MapPage),
};
const EAGER: Readonly<Record<string, ComponentType<PageProps>>> = { search: SearchPage, event: EventPage, document: DocumentPage, visits: VisitsPage };

function LazyPage(props: PageProps & { load: Lazy }) {
  const [Page, setPage] = useState<ComponentType<PageProps> | null>(null);
  useEffect(() => {
    let live = true;
    setPage(null);
    void props.load().then((p) => live && setPage(() => p));
    return () => { live = false; };
  }, [props.load]);
  return Page ? <Page route={props.route} stats={props.stats} /> : <Notice kind="loading" title="Loading…" />;
}

const NAV: ReadonlyArray<[string, string]> = [['search', 'Search'], ['dyad', 'Dyad timeline'], ['network', 'Network'], ['map', 'Map'], ['visits', 'Visits']];

function App() {
  const route = useRoute();
  const stats = useApi<Stats>('/stats');
  useEffect(() => { document.title = `dyad — ${route.page}`; }, [route.page]);
  const page = (s: Stats | null) => {
    const lazy = LAZY[route.page];
    if (lazy) return <LazyPage route={route} stats={s} load={lazy} />;
    const Page = EAGER[route.page];
    return Page ? <Page route={route} stats={s} /> : <Notice title="No such page">Pick one above.</Notice>;
  };
  return (
    <>
      <header class="top">
        <a class="brand" href="#/search">dyad</a>
        <nav>
          {NAV.map(([p, label]) => <a key={p} href={`#/${p}`} class={route.page === p ? 'active' : ''} aria-current={route.page === p ? 'page' : undefined}>{label}</a>)}
          <a href="/docs" target="_blank" rel="noopener">API</a>
        </nav>
        {stats.state === 'ok'
          ? <span class="counts">{stats.data.events.toLocaleString('en')} events · {stats.data.documents.toLocaleString('en')} documents{stats.data.firstDate ? ` · ${stats.data.firstDate} – ${stats.data.lastDate}` : ''}</span>
          : null}
      </header>
      <main>
        {stats.state === 'ok' && stats.data.events === 0 && route.page === 'search'
          ? <Notice title="The store has no events yet">Read some news into it, then reload: <code>npx dyad ingest examples/</code> (or any folder, feed or JSON Lines file).</Notice>
          : null}
        {stats.state === 'error' ? <Notice kind="error" title="Cannot reach the API">{stats.message}</Notice> : null}
        {page(stats.state === 'ok' ? stats.data : null)}
      </main>
    </>
  );
}

render(<App />, document.getElementById('app') as HTMLElement);
