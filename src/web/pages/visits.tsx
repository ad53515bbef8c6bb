/** Visits: planned and occurred, their meetings and outcomes, on a timeline and as a list. */
import { useState } from 'preact/hooks';
import type { Visit } from '../api.js';
import type { PageProps } from '../main.js';
import { go, href } from '../route.js';
import { Notice, Show, useApi } from '../ui.js';

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
          : <><Timeline visits={v.visits} /><ul class="visit-list">{v.visits.map((x) => <VisitCard key={x.id} v={x} />)}</ul></>}
      </Show>
    </section>
  );
}
