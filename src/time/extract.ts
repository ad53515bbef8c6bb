/**
 * Date mentions of one frame: every parser, then every refiner, in order. Plus `resolveDates`,
 * the same without a Doc (for tests and other stages).
 */
import type { DateMention, Span } from '../core/doc.js';
import { ChronoParser } from './chrono-parser.js';
import { DayRangeParser } from './day-range-parser.js';
import { tenseDirection } from './direction.js';
import { toDayNumber } from './iso.js';
import { FalseDateFilter, OverlapRefiner, WeekdayDirectionRefiner, YearAnchorRefiner } from './refiners.js';
import { RelativePeriodParser } from './relative-period-parser.js';
import type { DateCandidate, DateFrame, DateParser, DateRefiner } from './types.js';
import { YearParser } from './year-parser.js';

export const DEFAULT_PARSERS: readonly DateParser[] = [
  new ChronoParser(),
  new RelativePeriodParser(),
  new DayRangeParser(),
  new YearParser(),
];

export const DEFAULT_REFINERS: readonly DateRefiner[] = [
  new FalseDateFilter(),
  new OverlapRefiner(),
  new YearAnchorRefiner(),
  new WeekdayDirectionRefiner(),
];

export function extractCandidates(
  frame: DateFrame,
  parsers: readonly DateParser[] = DEFAULT_PARSERS,
  refiners: readonly DateRefiner[] = DEFAULT_REFINERS,
): DateCandidate[] {
  let found: DateCandidate[] = parsers.flatMap((p) => p.parse(frame));
  for (const r of refiners) found = r.refine(found, frame);
  return found;
}

export function toDateMention(c: DateCandidate, sentence: number): DateMention {
  return { start: c.start, end: c.end, sentence, range: c.range };
}

/** Throws INPUT_DATE when a publication date is given but is not a real ISO date. */
export function checkPublished(published: string | null): string | null {
  if (published !== null) toDayNumber(published);
  return published;
}

/** Words whose final period does not end a sentence ("Nov. 21", "Sun. Nov. 21", "Mr. Xi"). */
const ABBREVIATION = /(?:^|[\s(])(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|mr|mrs|ms|dr|st|gen|col|lt|sgt|gov|sen|rep|jr|sr|no|vs|inc|corp|co|ltd|[a-z])$/i;

/** Sentence-like stretches for `resolveDates`: split after . ! ? followed by space. */
function roughSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]+["')\]]*\s+/g)) {
    const at = m.index ?? 0;
    if (m[0].startsWith('.') && ABBREVIATION.test(text.slice(Math.max(start, at - 8), at))) continue;
    const end = at + m[0].length;
    out.push({ start, end });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/**
 * Every date expression in `text`, resolved against `published` (ISO date; null: only absolute
 * dates resolve). Without event modality, ambiguous weekdays follow tense cues ("will" → future),
 * else the nearest day. Mentions carry sentence -1: they are not tied to a Doc's sentences.
 */
export function resolveDates(text: string, published: string | null): DateMention[] {
  const pub = checkPublished(published);
  return roughSentences(text).flatMap((s) => {
    const frame: DateFrame = {
      text,
      start: s.start,
      end: s.end,
      sentence: -1,
      published: pub,
      tokens: [],
      direction: (span) => tenseDirection(text, s, [], span),
    };
    return extractCandidates(frame).map((c) => toDateMention(c, -1));
  });
}
