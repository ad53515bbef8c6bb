/** Where events happened, on an offline world map (Natural Earth 110m through world-atlas), filtered like the search. */
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { useMemo } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import type { Place } from '../api.js';
import { FilterForm, filterQuery, filtersOf } from '../filters.js';
import type { PageProps } from '../main.js';
import { go, href } from '../route.js';
import { goldsteinColour, Notice, Show, useApi } from '../ui.js';

const W = 960;
const H = 500;

function useBase() {
  return useMemo(() => {
    const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
    const land = feature(topo, topo.objects.countries) as FeatureCollection<Geometry>;
    const projection = geoNaturalEarth1().fitSize([W, H], { type: 'Sphere' });
    const path = geoPath(projection);
    return {
      projection,
      sphere: path({ type: 'Sphere' }) ?? '',
      graticule: path(geoGraticule10()) ?? '',
      countries: land.features.map((f, i) => ({ key: String(f.id ?? i), d: path(f) ?? '', name: String((f.properties as { name?: string } | null)?.name ?? '') })),
    };
  }, []);
}

function WorldMap({ places, filters }: { places: readonly Place[]; filters: URLSearchParams }) {
  const base = useBase();
  const max = Math.max(1, ...places.map((p) => p.events));
  return (
    <svg class="map" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="map of event places">
      <path d={base.sphere} class="sphere" />
      <path d={base.graticule} class="graticule" />
      {base.countries.map((c) => <path key={c.key} d={c.d} class="country"><title>{c.name}</title></path>)}
      {places.map((p) => {
        const xy = base.projection([p.lon, p.lat]);
        if (!xy) return null;
        const q = new URLSearchParams(filters);
        q.set('place', p.country && !p.name ? p.country : p.name ?? p.country ?? '');
        return (
          <a key={`${p.name}|${p.lat}|${p.lon}`} href={href('search', q)} class="point-link">
            <circle class="point" cx={xy[0]} cy={xy[1]} r={3 + 12 * Math.sqrt(p.events / max)} fill={goldsteinColour(p.goldstein)}>
              <title>{`${p.name ?? p.country ?? '?'}: ${p.events} event${p.events === 1 ? '' : 's'}, mean Goldstein ${p.goldstein.toFixed(1)}`}</title>
            </circle>
          </a>
        );
      })}
    </svg>
  );
}

export function MapPage({ route, stats }: PageProps) {
  const filters = filtersOf(route.params);
  const q = filterQuery(filters);
  const places = useApi<{ places: Place[] }>(`/places?${q.toString()}`);
  return (
    <section class="page map-page">
      <h1>Where</h1>
      <FilterForm initial={filters} ploverTypes={stats?.ploverTypes ?? []} onApply={(f) => go(href('map', filterQuery(f)))} />
      <Show value={places}>
        {(p) => (
          <>
            {p.places.length === 0 ? <Notice title="No matching event has a place">Loosen the filters; events get a place when their sentence or dateline names one.</Notice> : <p class="muted">{p.places.length} places; circle size by number of events, colour by mean Goldstein. Click a circle to search its events.</p>}
            <WorldMap places={p.places} filters={q} />
          </>
        )}
      </Show>
    </section>
  );
}
