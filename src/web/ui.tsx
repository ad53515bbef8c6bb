/** Small shared pieces: data loading, actor and date labels, Goldstein colours, empty and error states. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, type Actor, type Event } from './api.js';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; data: T };

/** GET an API path; reloads when the path changes, ignores answers to superseded paths. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [value, setValue] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (path === null) return;
    const ctl = new AbortController();
    setValue({ state: 'loading' });
    api<T>(path, ctl.signal).then(
      (data) => setValue({ state: 'ok', data }),
      (err: unknown) => {
        if (!ctl.signal.aborted) setValue({ state: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => ctl.abort();
  }, [path]);
  return value;
}

export function actorLabel(a: Actor | null): string {
  if (!a) return '—';
  return a.name ? `${a.name} (${a.code})` : a.code;
}

export function dateLabel(e: Event): string {
  if (!e.date) return 'undated';
  return e.date.end && e.date.end !== e.date.start ? `${e.date.start} – ${e.date.end}` : e.date.start;
}

/** Goldstein −10 (conflict, red) … 0 (grey) … +10 (cooperation, green). */
export function goldsteinColour(g: number): string {
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [148, 155, 165];
  const end = t < 0 ? [200, 40, 40] : [30, 140, 70];
  const mix = grey.map((c, i) => Math.round(c + (end[i] - c) * Math.abs(t)));
  return `rgb(${mix.join(',')})`;
}

export const QUAD_NAMES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'] as const;
export const QUAD_COLOURS = ['#5b9bd5', '#2e7d32', '#f0a030', '#c62828'] as const;

export function Notice(props: { kind?: 'empty' | 'error' | 'loading'; title: string; children?: ComponentChildren }) {
  return (
    <div class={`notice notice-${props.kind ?? 'empty'}`} role={props.kind === 'error' ? 'alert' : 'status'}>
      <strong>{props.title}</strong>
      {props.children ? <div>{props.children}</div> : null}
    </div>
  );
}

/** Loading, error or the content. */
export function Show<T>(props: { value: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const v = props.value;
  if (v.state === 'loading') return <Notice kind="loading" title="Loading…" />;
  if (v.state === 'error') return <Notice kind="error" title="The server said no">{v.message}</Notice>;
  return <>{props.children(v.data)}</>;
}

export function EventTable(props: { events: readonly Event[]; compact?: boolean }) {
  return (
    <table class="events">
      <thead><tr><th>date</th><th>source</th><th>event</th><th>target</th><th>modality</th>{props.compact ? null : <th>place</th>}</tr></thead>
      <tbody>
        {props.events.map((e) => (
          <tr key={e.id}>
            <td class="nowrap">{dateLabel(e)}</td>
            <td>{actorLabel(e.source)}</td>
            <td>
              <a href={`#/event/${encodeURIComponent(e.id)}`} class="event-link">
                <span class="swatch" style={{ background: goldsteinColour(e.goldstein) }} />
                {e.cameo} {e.plover.type}
              </a>
            </td>
            <td>{actorLabel(e.target)}</td>
            <td><span class={`modality m-${e.modality}`}>{e.modality}</span></td>
            {props.compact ? null : <td>{e.place?.name ?? '—'}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
