/** Search: the filters of `dyad query`, a results table that pages by cursor, each row opening its event. */
import { useState } from 'preact/hooks';
import type { Event } from '../api.js';
import { FilterForm, filterQuery, filtersOf } from '../filters.js';
import type { PageProps } from '../main.js';
import { go, href } from '../route.js';
import { EventTable, Notice, Show, useApi } from '../ui.js';

const PAGE_SIZE = 50;

export function SearchPage({ route, stats }: PageProps) {
  const filters = filtersOf(route.params);
  const cursor = route.params.get('cursor') ?? '';
  const [back, setBack] = useState<string[]>([]);
  const q = filterQuery(filters, { limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) });
  const page = useApi<{ events: Event[]; next: string | null }>(`/events?${q.toString()}`);
  const apply = (f: typeof filters): void => {
    setBack([]);
    go(href('search', filterQuery(f)));
  };
  const turn = (to: string | null, forward: boolean): void => {
    setBack(forward ? [...back, cursor] : back.slice(0, -1));
    const u = filterQuery(filters);
    if (to) u.set('cursor', to);
    go(href('search', u));
  };
  return (
    <section class="page search">
      <h1>Search events</h1>
      <FilterForm initial={filters} ploverTypes={stats?.ploverTypes ?? []} onApply={apply} />
      <Show value={page}>
        {(p) => p.events.length === 0
          ? <Notice title="No events match these filters">Loosen a filter (dates, modality), or press Clear. Actors match a country (RUS), a code (RUSGOV) or part of a name (Putin).</Notice>
          : (
            <>
              <p class="summary" aria-live="polite">Showing {back.length * PAGE_SIZE + 1}–{back.length * PAGE_SIZE + p.events.length}{p.next ? '' : ' (last page)'}</p>
              <EventTable events={p.events} />
              <div class="pager">
                <button type="button" disabled={back.length === 0 && !cursor} onClick={() => turn(back[back.length - 1] || null, false)}>← Previous</button>
                <button type="button" disabled={!p.next} onClick={() => turn(p.next, true)}>Next →</button>
              </div>
            </>
          )}
      </Show>
    </section>
  );
}
