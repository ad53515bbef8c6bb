/**
 * Refiners, run in order over one frame's candidates:
 * - FalseDateFilter: drops "may" the modal verb, "march" the noun/verb, lone month names
 *   without a date lead word ("April Ryan said"), weekdays that are words or names ("he sat",
 *   "Good Friday"), and dates inside URLs.
 * - OverlapRefiner: where candidates overlap, keeps the highest priority (then the longest).
 * - YearAnchorRefiner: joins a year-less date to the year phrase after it ("March last year").
 * - WeekdayDirectionRefiner: reads bare weekdays and year-less month/days as past or future
 *   according to the frame's direction (event modality, else tense cues, else the nearest).
 */
import type { DateRange, Span } from '../core/doc.js';
import { addDays, addYears, daysBetween, weekdayOf } from './iso.js';
import { AMBIGUOUS_MONTHS, DATE_LEAD_WORDS, MONTH_PATTERN } from './cues.js';
import type { DateCandidate, DateFrame, DateRefiner, Direction } from './types.js';
import { wordsOf } from '../syntax/english.js';

const MONTH_WORD = new RegExp(`\\b(?:${MONTH_PATTERN})\\b`, 'gi');
const LONE_MONTH = new RegExp(`^(?:${MONTH_PATTERN})\\.?$`, 'i');
const PREVIOUS_WORD = /([A-Za-z]+)[\s-]*$/;

function tokenPosAt(frame: DateFrame, span: Span): string | null {
  const t = frame.tokens.find((tok) => tok.start < span.end && span.start < tok.end);
  return t ? t.pos : null;
}

function misreadMonth(frame: DateFrame, c: DateCandidate): boolean {
  const text = frame.text.slice(c.start, c.end);
  for (const m of text.matchAll(MONTH_WORD)) {
    const word = m[0];
    const at = c.start + (m.index ?? 0);
    const pos = tokenPosAt(frame, { start: at, end: at + word.length });
    if (pos === 'AUX' || pos === 'VERB') return true;
    if (AMBIGUOUS_MONTHS.has(word.toLowerCase()) && word === word.toLowerCase()) return true;
  }
  if (!LONE_MONTH.test(text.trim())) return false;
  const prev = PREVIOUS_WORD.exec(frame.text.slice(Math.max(frame.start, c.start - 24), c.start));
  return !prev || !DATE_LEAD_WORDS.has(prev[1].toLowerCase());
}

const WEEKDAY_ABBREVIATION = /^(?:sun|mon|tues?|wed|thu(?:rs?)?|fri|sat)\.?$/i;
const URL_LIKE = /(?:[a-z]+:\/\/|www\.|\.[a-z]{2,4}\/)/i;

/** "he sat down", "The Sun", "Good Friday", "Super Tuesday": a bare weekday that is no date. */
function misreadWeekday(frame: DateFrame, c: DateCandidate): boolean {
  if (!c.weekdays || c.parser !== 'chrono') return false;
  const text = frame.text.slice(c.start, c.end).trim();
  if (text === text.toLowerCase() || WEEKDAY_ABBREVIATION.test(text)) return true;
  const prev = PREVIOUS_WORD.exec(frame.text.slice(Math.max(frame.start, c.start - 24), c.start));
  return prev !== null && /^[A-Z]/.test(prev[1]) && !DATE_LEAD_WORDS.has(prev[1].toLowerCase());
}

/** Dates inside a URL or path ("news/2004/12/08/story"). */
function insideUrl(frame: DateFrame, c: DateCandidate): boolean {
  let from = c.start;
  while (from > frame.start && !/\s/.test(frame.text[from - 1])) from--;
  let to = c.end;
  while (to < frame.end && !/\s/.test(frame.text[to])) to++;
  return URL_LIKE.test(frame.text.slice(from, to));
}

export class FalseDateFilter implements DateRefiner {
  readonly name = 'false-date-filter';

  refine(candidates: readonly DateCandidate[], frame: DateFrame): DateCandidate[] {
    return candidates.filter((c) => !misreadMonth(frame, c) && !misreadWeekday(frame, c) && !insideUrl(frame, c));
  }
}

export class OverlapRefiner implements DateRefiner {
  readonly name = 'overlap';

  refine(candidates: readonly DateCandidate[]): DateCandidate[] {
    const ranked = [...candidates].sort(
      (a, b) => b.priority - a.priority || (b.end - b.start) - (a.end - a.start) || a.start - b.start,
    );
    const kept: DateCandidate[] = [];
    for (const c of ranked) {
      if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
    }
    return kept.sort((a, b) => a.start - b.start);
  }
}

/** "in March last year", "early April this year", "May 5 of next year": the year phrase anchors the date. */
function anchorYear(c: DateCandidate, y: DateCandidate, frame: DateFrame): DateCandidate | null {
  if (!c.yearImplied || y.range.precision !== 'year' || y.parser !== 'relative-period') return null;
  if (!/^[\s,]*(?:of\s+)?$/i.test(frame.text.slice(c.end, y.start))) return null;
  const shift = Number(y.range.start.slice(0, 4)) - Number(c.range.start.slice(0, 4));
  return { ...c, end: y.end, range: shiftYears(c.range, shift), yearImplied: false };
}

export class YearAnchorRefiner implements DateRefiner {
  readonly name = 'year-anchor';

  refine(candidates: readonly DateCandidate[], frame: DateFrame): DateCandidate[] {
    const out: DateCandidate[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const next = candidates[i + 1];
      const anchored = next ? anchorYear(candidates[i], next, frame) : null;
      out.push(anchored ?? candidates[i]);
      if (anchored) i++;
    }
    return out;
  }
}

/** A year-less date this many days on the wrong side of publication is left where it is. */
const YEAR_SHIFT_SLACK = 30;

/** The day with weekday `weekday` (0 = Sunday) nearest `published` in the given direction. */
export function resolveWeekday(published: string, weekday: number, direction: Direction): string {
  const back = (weekdayOf(published) - weekday + 7) % 7;
  const ahead = (weekday - weekdayOf(published) + 7) % 7;
  if (direction === 'past') return addDays(published, -back);
  if (direction === 'future') return addDays(published, ahead);
  return back <= ahead ? addDays(published, -back) : addDays(published, ahead);
}

function shiftYears(r: DateRange, years: number): DateRange {
  return years === 0 ? r : { start: addYears(r.start, years), end: addYears(r.end, years), precision: r.precision };
}

/** Days from `published` to the range (0 when it lies inside). */
function distance(r: DateRange, published: string): number {
  if (published < r.start) return daysBetween(published, r.start);
  if (published > r.end) return daysBetween(r.end, published);
  return 0;
}

/** A year-less date: first the year nearest publication, then the direction beyond some slack. */
function redirectYear(r: DateRange, published: string, direction: Direction): DateRange {
  const nearest = [0, -1, 1].map((y) => shiftYears(r, y))
    .reduce((best, c) => (distance(c, published) < distance(best, published) ? c : best));
  if (direction === 'future' && daysBetween(nearest.end, published) > YEAR_SHIFT_SLACK) return shiftYears(nearest, 1);
  if (direction === 'past' && daysBetween(published, nearest.start) > YEAR_SHIFT_SLACK) return shiftYears(nearest, -1);
  return nearest;
}

function redirect(c: DateCandidate, published: string, direction: Direction): DateRange {
  if (c.weekdays) {
    const start = resolveWeekday(published, c.weekdays.start, direction);
    const span = (c.weekdays.end - c.weekdays.start + 7) % 7;
    return { start, end: addDays(start, span), precision: 'day' };
  }
  return redirectYear(c.range, published, direction);
}

/** Lead words that look forward from the event: "postponed until April" is not last April. */
const FORWARD_LEADS = wordsOf('time.forward-lead');

function directionOf(c: DateCandidate, frame: DateFrame): Direction {
  const direction = frame.direction(c);
  if (direction !== 'past') return direction;
  const prev = PREVIOUS_WORD.exec(frame.text.slice(Math.max(frame.start, c.start - 24), c.start));
  return prev && FORWARD_LEADS.has(prev[1].toLowerCase()) ? 'nearest' : direction;
}

export class WeekdayDirectionRefiner implements DateRefiner {
  readonly name = 'weekday-direction';

  refine(candidates: readonly DateCandidate[], frame: DateFrame): DateCandidate[] {
    const published = frame.published;
    if (published === null) return [...candidates];
    return candidates.map((c) => {
      if (!c.weekdays && !c.yearImplied) return c;
      return { ...c, range: redirect(c, published, directionOf(c, frame)) };
    });
  }
}
