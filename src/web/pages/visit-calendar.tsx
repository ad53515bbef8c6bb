/**
 * Visits on a month calendar: each day lists the visits under way (planned, occurred, cancelled), a day
 * opens its visits with their meetings and outcomes. Keyboard: the days are one grid with one tab stop;
 * arrows move by day and week, Home/End to the week's ends, PageUp/PageDown by month, Enter or Space
 * opens the day.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Visit } from '../api.js';

const DAY = 86_400_000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const ms = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const addDays = (day: string, n: number): string => iso(ms(day) + n * DAY);

/** The same day of the month `n` months on, kept inside the month ("03-31" + 1 month → "04-30"). */
export function addMonths(day: string, n: number): string {
  const d = new Date(ms(day));
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return iso(target.getTime());
}

export const monthName = (month: string): string =>
  new Date(ms(`${month}-01`)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayName = (day: string): string =>
  new Date(ms(day)).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The visits under way on `day` (from start to end, both included). */
export function visitsOn(visits: readonly Visit[], day: string): Visit[] {
  return visits.filter((v) => v.start !== null && v.start <= day && day <= (v.end ?? v.start));
}

/** The weeks (Monday first) that cover the month. */
function weeks(month: string): string[][] {
  const first = `${month}-01`;
  const back = (new Date(ms(first)).getUTCDay() + 6) % 7;
  const out: string[][] = [];
  for (let start = addDays(first, -back); start.slice(0, 7) <= month; start = addDays(start, 7)) {
    out.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return out;
}

export const visitLabel = (v: Visit): string => `${v.guest.name ?? v.guest.country ?? 'someone'} → ${v.host.country}`;

/** Where a key moves the focused day, or null for keys the grid does not take. */
function moved(key: string, day: string): string | null {
  const weekday = (new Date(ms(day)).getUTCDay() + 6) % 7;
  const steps: Readonly<Record<string, () => string>> = {
    ArrowLeft: () => addDays(day, -1), ArrowRight: () => addDays(day, 1), ArrowUp: () => addDays(day, -7), ArrowDown: () => addDays(day, 7),
    Home: () => addDays(day, -weekday), End: () => addDays(day, 6 - weekday), PageUp: () => addMonths(day, -1), PageDown: () => addMonths(day, 1),
  };
  return steps[key]?.() ?? null;
}

export interface CalendarProps {
  readonly visits: readonly Visit[];
  /** YYYY-MM shown. */
  readonly month: string;
  /** The day whose visits are open, if any. */
  readonly selected: string | null;
  readonly onMonth: (month: string) => void;
  readonly onSelect: (day: string) => void;
  /** The open day's visits, shown under the grid. */
  readonly children?: ComponentChildren;
}

function DayCell({ day, month, visits, focused, selected, onSelect }: { day: string; month: string; visits: readonly Visit[]; focused: boolean; selected: boolean; onSelect: (d: string) => void }) {
  const here = visitsOn(visits, day);
  const label = `${dayName(day)}: ${here.length ? here.map((v) => `${visitLabel(v)}, ${v.status}`).join('; ') : 'no visits'}`;
  return (
    <td role="gridcell" data-day={day} tabIndex={focused ? 0 : -1} aria-selected={selected} aria-label={label}
      class={`cal-day${day.slice(0, 7) === month ? '' : ' cal-other'}${here.length ? ' cal-busy' : ''}${selected ? ' cal-selected' : ''}`}
      onClick={() => onSelect(day)}>
      <span class="cal-date" aria-hidden="true">{Number(day.slice(8))}</span>
      {here.slice(0, 3).map((v) => (
        <span key={v.id} class={`cal-visit status-${v.status}${v.start === day ? ' cal-start' : ''}`} aria-hidden="true" title={`${visitLabel(v)} (${v.kind}, ${v.status})`}>
          {v.start === day || day.endsWith('-01') || (new Date(ms(day)).getUTCDay() === 1) ? visitLabel(v) : '\u00a0'}
        </span>
      ))}
      {here.length > 3 ? <span class="cal-more" aria-hidden="true">+{here.length - 3} more</span> : null}
    </td>
  );
}

export function VisitCalendar({ visits, month, selected, onMonth, onSelect, children }: CalendarProps) {
  const [focus, setFocus] = useState(selected && selected.startsWith(month) ? selected : `${month}-01`);
  const moving = useRef(false);
  // The focused day as keys move it, ahead of the render (keys can come faster than renders).
  const current = useRef(focus);
  current.current = focus;
  const grid = useRef<HTMLTableElement>(null);
  const shown = focus.startsWith(month) ? focus : `${month}-01`;
  // After a key moved the focus: focus the new day once its month is shown (the route changes the month),
  // at once after the render (a layout effect), so a key pressed meanwhile does not land on the page.
  useLayoutEffect(() => {
    if (!moving.current || !focus.startsWith(month)) return;
    moving.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-day="${focus}"]`)?.focus();
  });
  const onKey = (e: KeyboardEvent): void => {
    const from = current.current.startsWith(month) || moving.current ? current.current : shown;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(from);
      return;
    }
    const to = moved(e.key, from);
    if (!to) return;
    e.preventDefault();
    moving.current = true;
    current.current = to;
    setFocus(to);
    if (!to.startsWith(month)) onMonth(to.slice(0, 7));
  };
  const turn = (n: number): void => {
    const to = addMonths(`${month}-01`, n);
    setFocus(to);
    onMonth(to.slice(0, 7));
  };
  return (
    <div class="calendar">
      <div class="cal-head">
        <button type="button" class="cal-prev" onClick={() => turn(-1)} aria-label={`previous month, ${monthName(addMonths(`${month}-01`, -1).slice(0, 7))}`}>‹</button>
        <h2 class="cal-title" id="cal-title" aria-live="polite">{monthName(month)}</h2>
        <button type="button" class="cal-next" onClick={() => turn(1)} aria-label={`next month, ${monthName(addMonths(`${month}-01`, 1).slice(0, 7))}`}>›</button>
        <span class="muted cal-help">arrows move by day · PageUp/PageDown by month · Enter opens a day</span>
      </div>
      <table class="cal-grid" role="grid" aria-labelledby="cal-title" ref={grid} onKeyDown={onKey}>
        <thead><tr>{WEEKDAYS.map((d) => <th key={d} scope="col">{d}</th>)}</tr></thead>
        <tbody>
          {weeks(month).map((w) => (
            <tr key={w[0]}>{w.map((day) => <DayCell key={day} day={day} month={month} visits={visits} focused={day === shown} selected={day === selected} onSelect={(d) => { setFocus(d); onSelect(d); }} />)}</tr>
          ))}
        </tbody>
      </table>
      {children}
    </div>
  );
}
