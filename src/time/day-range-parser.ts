/**
 * Day ranges chrono misses or misreads: "between 16 and 17 May" (chrono: only 17 May),
 * "from 16 to 17 May" (chrono: 4 pm to 5 pm), "May 16–17" with a dash (chrono: only May 16),
 * "between May 16 and 17", "between 30 May and 2 June".
 */
import type { DateRange } from '../core/doc.js';
import { addYears, daysBetween, isoOf, yearOf } from './iso.js';
import { MONTH_PATTERN, monthNumber } from './cues.js';
import type { DateCandidate, DateFrame, DateParser } from './types.js';

const D = '(\\d{1,2})(?:st|nd|rd|th)?';
const MON = `(${MONTH_PATTERN})\\.?`;
const Y = '(?:,?\\s+(\\d{4}))?';
const SEP = '\\s*(?:-|\u2013|\u2014|to|and|until|till|through)\\s*';
const LEAD = '(?:(?:between|from)\\s+)?';

interface Shape {
  readonly re: RegExp;
  /** Match groups → [day1, month1, day2, month2, year1, year2] (year1 may be absent). */
  readonly read: (m: RegExpMatchArray) => readonly (string | undefined)[];
}

const SHAPES: readonly Shape[] = [
  // between 30 May and 2 June [2024] / from 30 May 2024 to 2 June 2024
  { re: new RegExp(`\\b(?:between|from)\\s+${D}\\s+${MON}${Y}${SEP}${D}\\s+${MON}${Y}\\b`, 'gi'),
    read: (m) => [m[1], m[2], m[4], m[5], m[3], m[6]] },
  // between May 30 and June 2 [, 2024]
  { re: new RegExp(`\\b(?:between|from)\\s+${MON}\\s+${D}${SEP}${MON}\\s+${D}${Y}\\b`, 'gi'),
    read: (m) => [m[2], m[1], m[4], m[3], undefined, m[5]] },
  // [between|from] 16 and 17 May [2024]
  { re: new RegExp(`\\b${LEAD}${D}${SEP}${D}(?:\\s+of)?\\s+${MON}${Y}\\b`, 'gi'),
    read: (m) => [m[1], m[3], m[2], m[3], undefined, m[4]] },
  // [between|from] May 16-17 [, 2024]
  { re: new RegExp(`\\b${LEAD}${MON}\\s+${D}${SEP}${D}${Y}\\b`, 'gi'),
    read: (m) => [m[2], m[1], m[3], m[1], undefined, m[4]] },
];

/** The year for a month/day range written without one: nearest to the publication date. */
function nearestYear(published: string, month: number, day: number): number {
  const y = yearOf(published);
  const candidates = [y - 1, y, y + 1].filter((c) => isoOf(c, month, day) !== null);
  let best = y;
  let bestGap = Infinity;
  for (const c of candidates) {
    const gap = Math.abs(daysBetween(published, isoOf(c, month, day) ?? published));
    if (gap < bestGap) [best, bestGap] = [c, gap];
  }
  return best;
}

function rangeOf(parts: readonly (string | undefined)[], published: string | null): { range: DateRange; implied: boolean } | null {
  const [d1, m1, d2, m2, y1, y2] = parts;
  const month1 = monthNumber(m1 ?? '');
  const month2 = monthNumber(m2 ?? '');
  if (month1 === null || month2 === null) return null;
  const written = y2 ?? y1;
  if (written === undefined && published === null) return null;
  const year2 = written ? Number(written) : nearestYear(published ?? '', month2, Number(d2));
  const end = isoOf(year2, month2, Number(d2));
  let start = isoOf(y1 ? Number(y1) : year2, month1, Number(d1));
  if (!start || !end) return null;
  if (!y1 && start > end) start = addYears(start, -1);
  if (start > end || daysBetween(start, end) > 62) return null;
  return { range: { start, end, precision: 'day' }, implied: written === undefined };
}

export class DayRangeParser implements DateParser {
  readonly name = 'day-range';

  parse(frame: DateFrame): DateCandidate[] {
    const text = frame.text.slice(frame.start, frame.end);
    const out: DateCandidate[] = [];
    for (const shape of SHAPES) {
      for (const m of text.matchAll(shape.re)) {
        const found = rangeOf(shape.read(m), frame.published);
        if (!found) continue;
        const start = frame.start + (m.index ?? 0);
        out.push({
          start,
          end: start + m[0].length,
          range: found.range,
          parser: this.name,
          priority: 3,
          weekdays: null,
          yearImplied: found.implied,
        });
      }
    }
    return out;
  }
}
