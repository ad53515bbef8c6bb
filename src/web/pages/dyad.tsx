/** A dyad over time: events by quad class (stacked bars) and mean Goldstein (line), with the event list. */
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Edge, Event, SeriesPoint } from '../api.js';
import type { PageProps } from '../main.js';
import { go, href } from '../route.js';
import { EventTable, Notice, QUAD_COLOURS, QUAD_NAMES, Show, useApi } from '../ui.js';

const BY = ['day', 'week', 'month'] as const;

function Chart({ points }: { points: readonly SeriesPoint[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const x = points.map((p) => Date.parse(`${p.start}T00:00:00Z`) / 1000);
    // Stacked bars: series k is the sum of quad classes k..4, drawn tallest first.
    const stacks = [0, 1, 2, 3].map((k) => points.map((p) => p.quad.slice(k).reduce((a, b) => a + b, 0)));
    const mean = points.map((p) => p.goldsteinMean);
    const bars = uPlot.paths.bars?.({ size: [0.7, 40] });
    const plot = new uPlot({
      width: Math.max(320, el.clientWidth), height: 300,
      scales: { x: { time: true }, n: { range: (_u, _min, max) => [0, Math.max(1, max)] }, g: { range: [-10, 10] } },
      axes: [{}, { scale: 'n', label: 'events' }, { scale: 'g', side: 1, label: 'mean Goldstein', grid: { show: false } }],
      series: [
        { label: 'period', value: (_u, v) => (v == null ? '' : new Date(v * 1000).toISOString().slice(0, 10)) },
        ...QUAD_NAMES.map((name, k) => ({ label: name, scale: 'n', fill: QUAD_COLOURS[k], stroke: QUAD_COLOURS[k], paths: bars, points: { show: false }, value: (_u: uPlot, _v: number | null, _s: number, i: number | null) => (i == null ? '' : String(points[i]?.quad[k] ?? '')) })),
        { label: 'mean Goldstein', scale: 'g', stroke: '#222', width: 2, spanGaps: false, points: { show: true, size: 6 } },
      ],
    }, [x, ...stacks, mean], el);
    return () => plot.destroy();
  }, [points]);
  return <div ref={box} class="chart" aria-label="dyad timeline chart" />;
}

function Dyad({ a, b, by }: { a: string; b: string; by: string }) {
  const series = useApi<{ points: SeriesPoint[] }>(`/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/series?by=${by}`);
  const events = useApi<{ events: Event[] }>(`/events?dyad=${encodeURIComponent(`${a},${b}`)}&undirected=true&limit=100`);
  return (
    <>
      <Show value={series}>
        {(s) => s.points.length === 0
          ? <Notice title={`No dated events between ${a} and ${b}`}>Try another pair: the network page shows who acts on whom.</Notice>
          : <Chart points={s.points} />}
      </Show>
      <h2>Events between {a} and {b}</h2>
      <Show value={events}>{(e) => (e.events.length ? <EventTable events={e.events} /> : <Notice title="No events" />)}</Show>
    </>
  );
}

export function DyadPage({ route }: PageProps) {
  const [a, b] = route.args;
  const by = BY.find((x) => x === route.params.get('by')) ?? 'month';
  const busiest = useApi<{ edges: Edge[] }>(a && b ? null : '/network');
  const [form, setForm] = useState({ a: a ?? '', b: b ?? '' });
  useEffect(() => setForm({ a: a ?? '', b: b ?? '' }), [a, b]);
  useEffect(() => {
    if (!a && busiest.state === 'ok' && busiest.data.edges[0]) go(href('dyad', busiest.data.edges[0].source, busiest.data.edges[0].target));
  }, [busiest.state]);
  return (
    <section class="page dyad">
      <h1>Dyad timeline</h1>
      <form class="filters" onSubmit={(ev) => { ev.preventDefault(); if (form.a && form.b) go(href('dyad', form.a.toUpperCase(), form.b.toUpperCase(), new URLSearchParams({ by }))); }}>
        <label class="field"><span>actor A</span><input name="a" value={form.a} placeholder="RUS" onInput={(e) => setForm({ ...form, a: (e.currentTarget as HTMLInputElement).value })} /></label>
        <label class="field"><span>actor B</span><input name="b" value={form.b} placeholder="CHN" onInput={(e) => setForm({ ...form, b: (e.currentTarget as HTMLInputElement).value })} /></label>
        <label class="field"><span>by</span>
          <select name="by" value={by} onChange={(e) => a && b && go(href('dyad', a, b, new URLSearchParams({ by: (e.currentTarget as HTMLSelectElement).value })))}>
            {BY.map((x) => <option key={x} value={x}>{x}</option>)}
          </select>
        </label>
        <div class="buttons"><button type="submit">Show</button></div>
      </form>
      {a && b ? <Dyad a={a} b={b} by={by} /> : busiest.state === 'ok' && busiest.data.edges.length === 0
        ? <Notice title="No dyads yet">The store has no events with both a source and a target. Ingest news first.</Notice>
        : <Notice kind="loading" title="Finding the busiest dyad…" />}
    </section>
  );
}
