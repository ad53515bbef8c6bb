/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), always in UTC. The only place in src/time that
 * touches `Date`, so no local timezone can shift a day.
 */
import { DyadError } from '../core/errors.js';
import type { DatePrecision, DateRange } from '../core/doc.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date; throws INPUT_DATE when it is not a real date. */
export function toDayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new DyadError('INPUT_DATE', `not an ISO date (YYYY-MM-DD): "${iso}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new DyadError('INPUT_DATE', `no such day: "${iso}"`);
  }
  return Math.round(ms / DAY_MS);
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** ISO date of year/month/day (month 1-12); null when that day does not exist. */
export function isoOf(year: number, month: number, day: number): string | null {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return new Date(toDayNumber(iso) * DAY_MS).getUTCDay();
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

export function monthOf(iso: string): number {
  return Number(iso.slice(5, 7));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Monday..Sunday of the ISO week containing `iso`, shifted by `offsetWeeks`. */
export function weekRange(iso: string, offsetWeeks = 0): DateRange {
  const sinceMonday = (weekdayOf(iso) + 6) % 7;
  const monday = addDays(iso, -sinceMonday + 7 * offsetWeeks);
  return { start: monday, end: addDays(monday, 6), precision: 'week' };
}

/** First..last day of a month (month 1-12; out-of-range months roll over years). */
export function monthRange(year: number, month: number): DateRange {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  const mm = String(m).padStart(2, '0');
  return { start: `${y}-${mm}-01`, end: `${y}-${mm}-${String(daysInMonth(y, m)).padStart(2, '0')}`, precision: 'month' };
}

export function yearRange(year: number): DateRange {
  return { start: `${year}-01-01`, end: `${year}-12-31`, precision: 'year' };
}

export function dayRange(start: string, end: string = start): DateRange {
  return { start, end, precision: 'day' };
}

/** Shifts a month/day date by whole years, keeping month and day (Feb 29 falls back to Feb 28). */
export function addYears(iso: string, years: number): string {
  const y = yearOf(iso) + years;
  const m = monthOf(iso);
  const d = Math.min(Number(iso.slice(8, 10)), daysInMonth(y, m));
  return isoOf(y, m, d) ?? iso;
}

const PRECISION_RANK: Readonly<Record<DatePrecision, number>> = { day: 3, week: 2, month: 1, year: 0 };

/** Higher is more precise. */
export function precisionRank(p: DatePrecision): number {
  return PRECISION_RANK[p];
}

/** True when `inner` lies within `outer` (ISO strings compare in calendar order). */
export function rangeWithin(inner: DateRange, outer: DateRange): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

export function rangeLength(r: DateRange): number {
  return daysBetween(r.start, r.end) + 1;
}
