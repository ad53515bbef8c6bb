/** Visits: planned and occurred, their meetings and outcomes, on a month calendar or a timeline, and as a list. */
import { useState } from 'preact/hooks';
import type { Visit } from '../api.js';
import type { PageProps } from '../main.js';
import { go, href, type Route } from '../route.js';
import { Notice, Show, useApi } from '../ui.js';
import { VisitCalendar, visitsOn } from './visit-calendar.js';

const DAY = 86_400_000;

function Timeline({ visits }: { visits: readonly Visit[] }) {
  const dated = visits.filter((v) => v.start);
  if (dated.length === 0) return null;
  const t = (d: string): number => Date.parse(`${d}T00:00:00Z`);
  const lo = Math.min(...dated.map((v) => t(v.start as string))) - DAY;
  const hi = Math.max(...dated.map((v) => t(v.end ?? (v.start as string)))) + 2 * DAY;
  const W = 900;
  const row = 26;
  const x = (ms: number): number => 160 + ((ms - lo) / (hi - lo)) * (W - 170);
  return (
    <svg class="visit-timeline" viewBox={`0 0 ${W} ${dated.length * row + 30}`} role="img" aria-label="visits on a timeline">
      <text x={160} y={14} class="axis">{new Date(lo).toISOString().slice(0, 10)}</text>
      <text x={W - 10} y={14} class="axis" text-anchor="end">{new Date(hi).toISOString().slice(0, 10)}</text>
      {dated.map((v, i) => {
        const a = x(t(v.start as string));
        const b = Math.max(a + 6, x(t(v.end ?? (v.start as string)) + DAY));
        return (
          <g key={v.id} transform={`translate(0 ${24 + i * row})`}>
            <text x={150} y={13} text-anchor="end" class="label">{v.guest.name ?? v.guest.country ?? '?'} → {v.host.country}</text>
            <rect x={a} y={2} width={b - a} height={16} rx={3} class={`bar status-${v.status}`}><title>{`${v.kind}, ${v.status}: ${v.start} – ${v.end ?? v.start}`}</title></rect>
          </g>
        );
      })}
    </svg>
  );
}

function VisitCard({ v }: { v: Visit }) {
  return (
    <li class="visit">
      <div class="visit-head">
        <strong>{v.guest.name ?? v.guest.country ?? 'someone'}</strong>{v.guest.role ? `, ${v.guest.role}` : ''}{v.guest.country ? ` (${v.guest.country})` : ''} → <strong>{v.host.country}</strong>
        <span class={`status status-${v.status}`}>{v.status}</span> <span class="muted">{v.kind}</span>
      </div>
      <div class="muted">{v.start ?? 'undated'}{v.end && v.end !== v.start ? ` – ${v.end}` : ''}{v.invitedBy ? ` · invited by ${v.invitedBy.name ?? v.invitedBy.country}` : ''}</div>
      {v.meetings.length ? <div>Meetings: {v.meetings.map((m) => `${m.with}${m.topics.length ? ` (${m.topics.join(', ')})` : ''}`).join('; ')}</div> : null}
      {v.outcomes.length ? <div>Outcomes: {v.outcomes.map((o) => `${o.kind} (${o.status})`).join('; ')}</div> : null}
      <div class="evidence">{v.evidence.events.map((id, i) => <a key={id} href={href('event', id)}>report {i + 1}</a>)}</div>
    </li>
  );
}

/** The month to show: the route's, else that of the latest dated visit, else this month. */
function monthOf(route: Route, visits: readonly Visit[]): string {
  const asked = route.params.get('month');
  if (asked && /^\d{4}-(0[1-9]|1[0-2])$/.test(asked)) return asked;
  const starts = visits.flatMap((v) => (v.start ? [v.start] : [])).sort();
  return (starts[starts.length - 1] ?? new Date().toISOString()).slice(0, 7);
}

/** The route with some parameters set (or removed, for null). */
function withParams(route: Route, set: Readonly<Record<string, string | null>>): string {
  const u = new URLSearchParams(route.params);
  for (const [k, v] of Object.entries(set)) if (v === null) u.delete(k); else u.set(k, v);
  return href('visits', u);
}

function Calendar({ route, visits }: { route: Route; visits: readonly Visit[] }) {
  const month = monthOf(route, visits);
  const day = route.params.get('day');
  const open = day ? visitsOn(visits, day) : [];
  const undated = visits.filter((v) => !v.start).length;
  return (
    <VisitCalendar visits={visits} month={month} selected={day}
      onMonth={(m) => go(withParams(route, { month: m }))} onSelect={(d) => go(withParams(route, { month: d.slice(0, 7), day: d }))}>
      <section class="cal-open" aria-live="polite">
        {day
          ? <><h3>{day}: {open.length ? `${open.length} visit${open.length === 1 ? '' : 's'}` : 'no visits'}</h3>{open.length ? <ul class="visit-list">{open.map((v) => <VisitCard key={v.id} v={v} />)}</ul> : null}</>
          : <p class="muted">Open a day (click it, or Enter) to see its visits with their meetings and outcomes.</p>}
        {undated ? <p class="muted">{undated} undated visit{undated === 1 ? ' is' : 's are'} in the list below, not on the calendar.</p> : null}
      </section>
    </VisitCalendar>
  );
}

function Views({ route, visits }: { route: Route; visits: readonly Visit[] }) {
  const view = route.params.get('view') === 'timeline' ? 'timeline' : 'calendar';
  return (
    <>
      <div class="view-switch" role="group" aria-label="show visits as">
        {(['calendar', 'timeline'] as const).map((v) => <a key={v} href={withParams(route, { view: v === 'calendar' ? null : v })} aria-current={view === v ? 'true' : undefined} class={view === v ? 'active' : ''}>{v}</a>)}
      </div>
      {view === 'calendar' ? <Calendar route={route} visits={visits} /> : <Timeline visits={visits} />}
      <h2>All visits ({visits.length})</h2>
      <ul class="visit-list">{visits.map((x) => <VisitCard key={x.id} v={x} />)}</ul>
    </>
  );
}

export function VisitsPage({ route }: PageProps) {
  const p = route.params;
  const [form, setForm] = useState({ country: p.get('country') ?? '', from: p.get('from') ?? '', to: p.get('to') ?? '' });
  const q = new URLSearchParams();
  for (const k of ['country', 'from', 'to'] as const) if (p.get(k)) q.set(k, p.get(k) as string);
  const visits = useApi<{ visits: Visit[] }>(`/visits?${q.toString()}`);
  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value });
  return (
    <section class="page visits">
      <h1>Visits</h1>
      <form class="filters" onSubmit={(e) => { e.preventDefault(); const u = new URLSearchParams(); for (const [k, v] of Object.entries(form)) if (v) u.set(k, k === 'country' ? v.toUpperCase() : v); go(href('visits', u)); }}>
        <label class="field"><span>country</span><input name="country" value={form.country} placeholder="CHN" onInput={set('country')} /></label>
        <label class="field"><span>from</span><input name="from" type="date" value={form.from} onInput={set('from')} /></label>
        <label class="field"><span>to</span><input name="to" type="date" value={form.to} onInput={set('to')} /></label>
        <div class="buttons"><button type="submit">Apply</button></div>
      </form>
      <Show value={visits}>
        {(v) => v.visits.length === 0
          ? <Notice title="No visits found">Visits come from reports of trips (CAMEO 042/043): ingest news that announces or reports visits, or widen the dates.</Notice>
          : <Views route={route} visits={v.visits} />}
      </Show>
    </section>
  );
}
