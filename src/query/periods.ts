/** Calendar periods of ISO days ('YYYY-MM-DD'), computed in UTC: days, ISO weeks (Monday first), months. */

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export interface Period {
  /** '2024-05-14', '2024-W20' (ISO week), '2024-05'. */
  readonly label: string;
  /** First and last day, inclusive. */
  readonly start: string;
  readonly end: string;
}

const DAY_MS = 86_400_000;

const toDate = (day: string): Date => new Date(`${day.slice(0, 10)}T00:00:00Z`);
const toDay = (d: Date): string => d.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  return toDay(new Date(toDate(day).getTime() + n * DAY_MS));
}

/** The ISO week label of a day: the year of its week's Thursday, and the week number. */
export function isoWeek(day: string): string {
  const d = toDate(day);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * DAY_MS);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The period that contains `day`. */
export function periodOf(day: string, by: Granularity): Period {
  const d = day.slice(0, 10);
  if (by === 'day') return { label: d, start: d, end: d };
  if (by === 'week') {
    const start = addDays(d, -((toDate(d).getUTCDay() + 6) % 7));
    return { label: isoWeek(d), start, end: addDays(start, 6) };
  }
  const start = `${d.slice(0, 7)}-01`;
  const next = toDate(start);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { label: d.slice(0, 7), start, end: addDays(toDay(next), -1) };
}

/** Every period from the one containing `first` to the one containing `last`, in order. */
export function periodsBetween(first: string, last: string, by: Granularity): Period[] {
  const out: Period[] = [];
  for (let p = periodOf(first, by); p.start <= last; p = periodOf(addDays(p.end, 1), by)) out.push(p);
  return out;
}
