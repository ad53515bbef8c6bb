/**
 * Calendar periods relative to the publication date, as ranges (chrono gives points for these):
 * "this week" (Monday..Sunday of the publication week), "next week", "last week", "the past week",
 * "this/next/last month", "this/next/last year", "this/next/last weekend" ("this weekend" is
 * read as past or future by the WeekdayDirectionRefiner).
 */
import type { DateRange } from '../core/doc.js';
import { addDays, monthOf, monthRange, weekRange, yearOf, yearRange } from './iso.js';
import type { DateCandidate, DateFrame, DateParser } from './types.js';
import { alternationOf, LazyPattern, wordsOf } from '../syntax/english.js';

const RELATIVE = ['time.relative-this', 'time.relative-next', 'time.relative-last', 'time.relative-rolling'] as const;
const PERIOD = new LazyPattern(() => new RegExp(`\\b(${alternationOf(...RELATIVE)})\\s+(week|weekend|month|year)\\b`, 'gi'));
const NEXT = wordsOf('time.relative-next');
const LAST = wordsOf('time.relative-last');
const ROLLING = wordsOf('time.relative-rolling');

type Unit = 'week' | 'weekend' | 'month' | 'year';

function offsetOf(word: string): number | 'rolling' {
  if (NEXT.has(word)) return 1;
  if (LAST.has(word)) return -1;
  return ROLLING.has(word) ? 'rolling' : 0;
}

/** The period `offset` units away from the publication date, or the rolling one ending on it. */
export function relativePeriod(published: string, unit: Unit, offset: number | 'rolling'): DateRange {
  if (offset === 'rolling') {
    const back = unit === 'year' ? 364 : unit === 'month' ? 29 : 6;
    const precision = unit === 'weekend' ? 'week' : unit;
    return { start: addDays(published, -back), end: published, precision };
  }
  if (unit === 'week') return weekRange(published, offset);
  if (unit === 'weekend') {
    const week = weekRange(published, offset);
    return { start: addDays(week.start, 5), end: week.end, precision: 'day' };
  }
  if (unit === 'month') return monthRange(yearOf(published), monthOf(published) + offset);
  return yearRange(yearOf(published) + offset);
}

export class RelativePeriodParser implements DateParser {
  readonly name = 'relative-period';

  parse(frame: DateFrame): DateCandidate[] {
    const published = frame.published;
    if (published === null) return [];
    const text = frame.text.slice(frame.start, frame.end);
    const out: DateCandidate[] = [];
    for (const m of text.matchAll(PERIOD.regex)) {
      const offset = offsetOf(m[1].toLowerCase());
      const unit = m[2].toLowerCase() as Unit;
      const start = frame.start + (m.index ?? 0);
      out.push({
        start,
        end: start + m[0].length,
        range: relativePeriod(published, unit, offset),
        parser: this.name,
        priority: 3,
        // "this weekend" may be the one just past or the one coming: the direction refiner decides.
        weekdays: unit === 'weekend' && offset === 0 ? { start: 6, end: 0 } : null,
        yearImplied: false,
      });
    }
    return out;
  }
}
