/**
 * Durations that belong to an event ("a two-day visit", "a three-day official visit",
 * "a week-long trip", "for three days") and the refiner that applies them to an event's date:
 * a single start day plus N days gives start..start+N-1; a week or vaguer range stays as it is.
 */
import type { DateRange, Span } from '../core/doc.js';
import { addDays } from './iso.js';
import type { DurationMention } from './types.js';

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};
const UNIT_DAYS: Readonly<Record<string, number>> = { day: 1, days: 1, week: 7, weeks: 7 };
const N = '(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})';

/** "two-day", "2-day", "three-week"; "week-long", "weeklong", "day-long"; "for three days". */
const SHAPES: readonly RegExp[] = [
  new RegExp(`\\b${N}[-\\s](day|week)(?:[-\\s]long)?\\b(?![-\\s]old)`, 'gi'),
  /\b(week|day)[-\s]?long\b/gi,
  new RegExp(`\\bfor\\s+${N}\\s+(days?|weeks?)\\b`, 'gi'),
];

function countOf(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower in NUMBER_WORDS) return NUMBER_WORDS[lower];
  const n = Number(lower);
  return Number.isInteger(n) && n > 0 ? n : null;
}

function daysOf(m: RegExpMatchArray): number | null {
  if (m.length === 2) return UNIT_DAYS[m[1].toLowerCase()] ?? null;
  const count = countOf(m[1]);
  const unit = UNIT_DAYS[m[2].toLowerCase()];
  return count === null || unit === undefined ? null : count * unit;
}

export class DurationParser {
  readonly name = 'duration';

  /** Durations in `text` within `frame`; "a day" alone (without "long"/"for") is not taken. */
  parse(text: string, frame: Span, sentence: number): DurationMention[] {
    const slice = text.slice(frame.start, frame.end);
    const out: DurationMention[] = [];
    for (const re of SHAPES) {
      for (const m of slice.matchAll(re)) {
        if (/^(?:a|an)\s/i.test(m[0]) && !/long|-/i.test(m[0])) continue;
        const days = daysOf(m);
        if (days === null || days > 366) continue;
        const start = frame.start + (m.index ?? 0);
        if (out.some((d) => d.start < start + m[0].length && start < d.end)) continue;
        out.push({ start, end: start + m[0].length, sentence, days });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }
}

/** Characters allowed between a duration and its event trigger ("a two-day official visit"). */
const BEFORE_TRIGGER = 40;
const AFTER_TRIGGER = 60;

/** The duration in the trigger's sentence that modifies it: just before it, or "for N days" after. */
export function durationFor(text: string, trigger: Span, durations: readonly DurationMention[]): DurationMention | null {
  let best: DurationMention | null = null;
  let bestGap = Infinity;
  for (const d of durations) {
    const between = d.end <= trigger.start ? text.slice(d.end, trigger.start) : text.slice(trigger.end, d.start);
    const limit = d.end <= trigger.start ? BEFORE_TRIGGER : AFTER_TRIGGER;
    if (d.start < trigger.end && trigger.start < d.end) return d;
    if (between.length > limit || /[,;:.!?()]/.test(between)) continue;
    if (between.length < bestGap) [best, bestGap] = [d, between.length];
  }
  return best;
}

export class DurationRefiner {
  readonly name = 'duration';

  /** A single day plus a duration of N days becomes a day range; anything else is left as is. */
  refine(range: DateRange, duration: DurationMention | null): DateRange {
    if (!duration || duration.days < 2) return range;
    if (range.precision !== 'day' || range.start !== range.end) return range;
    return { start: range.start, end: addDays(range.start, duration.days - 1), precision: 'day' };
  }
}
