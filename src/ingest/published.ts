/**
 * Publication dates as pages and feeds write them ("2018-04-05T06:00", "Wed, 03 Jan 2018 13:47:00 GMT",
 * "03 Apr 02 1500 GMT") to the ISO day (YYYY-MM-DD) they name. The day is the one written, in the
 * publisher's own time zone, not shifted to UTC.
 */
import { isoOf } from '../time/iso.js';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?![\d])/;
/** "3 Jan 2018", "03 Apr 02", "Jan 3, 2018" (RFC 822 and the forms feeds write instead). */
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}|\d{2})\b/;
const MONTH_DAY_YEAR = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/;

const MONTHS: readonly string[] = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The ISO day a written date names, or null when it names none. */
export function writtenDay(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.trim();
  if (value === '') return null;
  const iso = ISO_DAY.exec(value);
  if (iso) return checkedDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = DAY_MONTH_YEAR.exec(value);
  if (dmy) {
    const day = fromParts(dmy[3], dmy[2], dmy[1]);
    if (day) return day;
  }
  const mdy = MONTH_DAY_YEAR.exec(value);
  if (mdy) {
    const day = fromParts(mdy[3], mdy[1], mdy[2]);
    if (day) return day;
  }
  return null;
}

/** The UTC day of a Date, or null for an invalid one. */
export function utcDay(date: Date | null | undefined): string | null {
  if (!date || Number.isNaN(date.valueOf())) return null;
  return date.toISOString().slice(0, 10);
}

function fromParts(yearText: string, monthName: string, dayText: string): string | null {
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  let year = Number(yearText);
  if (yearText.length === 2) year += year < 50 ? 2000 : 1900;
  return checkedDay(year, month, Number(dayText));
}

function checkedDay(year: number, month: number, day: number): string | null {
  return year >= 1000 ? isoOf(year, month, day) : null;
}
