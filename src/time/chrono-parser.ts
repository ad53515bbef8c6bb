/**
 * chrono-node as the primary date finder. It reports points; this parser turns its known
 * components into ranges with a precision (day | month | year) and drops what chrono over-reads:
 * times of day without a date, deadlines ("within a week"), vague counts ("in a few days").
 */
// The English locale only: the package's main entry loads every locale (~900 modules at start-up);
// its parse is this same English casual parser.
import * as chrono from 'chrono-node/en';
import type { ParsedComponents } from 'chrono-node';
import type { DatePrecision, DateRange } from '../core/doc.js';
import { dayRange, isoOf, monthRange, precisionRank, yearRange } from './iso.js';
import type { DateCandidate, DateFrame, DateParser } from './types.js';
import { alternationOf, LazyPattern } from '../syntax/english.js';

type Components = ParsedComponents;

/** Reference used when there is no publication date; only absolute dates survive then. */
const NO_REFERENCE = '2000-01-01';
const WEEKDAY_MODIFIER = new LazyPattern(() => new RegExp(`\\b(?:${alternationOf('time.weekday-modifier')})\\s*$`, 'i'));
const WEEKDAY_MODIFIER_FIRST = new LazyPattern(() => new RegExp(`^(?:${alternationOf('time.weekday-modifier')})\\b`, 'i'));
/** Deadlines, durations, vague spans, "now", times of day, and periods counted from another event. */
const VAGUE = /^(?:within|for|now$)|\b(?:after|before)$|\b(?:few|several|couple|later|earlier|hours?|minutes?|seconds?)\b/i;
/** A plural or counted unit ("next four years", "1986 year") is a period, unless counted back with "ago". */
const PLURAL_PERIOD = /(?:\b(?:days|weeks|months|years)|\d\s*(?:day|week|month|year))\b(?!\s*ago\b)/i;
const WRITTEN_YEAR = /\b\d{4}\b/;
const LEADING_PREPOSITION = /^(?:on|in|at)\s+/i;
/** "the year to March 2005", "the three months to December": only the end date is a date. */
const PERIOD_TO = /\b(?:in\s+)?(?:the|a)\s+(?:[a-z]+\s+)?(?:years?|months?|weeks?|quarters?)\s+(?:to|ending|ended)\b/gi;
/** A fraction or slash date without a year ("down 1/8"). */
const BARE_SLASH = /^\d{1,2}\/\d{1,2}(?![/\d])/;
/** A number that goes on as a quantity ("Feb 48.7", "Sept at 1,870"). */
const QUANTITY_AFTER = /^[.,]\d/;
const TRAILING_PUNCTUATION = /[\s,;:]+$/;

interface Piece {
  readonly range: DateRange;
  readonly weekday: number | null;
}

function pieceOf(c: Components): Piece | null {
  const y = c.get('year');
  const m = c.get('month');
  const d = c.get('day');
  if (y === null || m === null || d === null) return null;
  if (c.isCertain('day') || c.isCertain('weekday')) {
    const iso = isoOf(y, m, d);
    if (!iso) return null;
    const weekday = c.isCertain('day') ? null : c.get('weekday');
    return { range: dayRange(iso), weekday };
  }
  if (c.isCertain('month')) return { range: monthRange(y, m), weekday: null };
  if (c.isCertain('year')) return { range: yearRange(y), weekday: null };
  return null;
}

function joinPieces(a: Piece, b: Piece | null): DateRange {
  if (!b || b.range.end < a.range.start) return a.range;
  const precision: DatePrecision = precisionRank(a.range.precision) <= precisionRank(b.range.precision)
    ? a.range.precision : b.range.precision;
  return { start: a.range.start, end: b.range.end, precision };
}

export class ChronoParser implements DateParser {
  readonly name = 'chrono';

  parse(frame: DateFrame): DateCandidate[] {
    const text = frame.text.slice(frame.start, frame.end).replace(PERIOD_TO, (m) => ' '.repeat(m.length));
    const ref = `${frame.published ?? NO_REFERENCE}T12:00:00Z`;
    const results = chrono.parse(text, { instant: new Date(ref), timezone: 'UTC' });
    const out: DateCandidate[] = [];
    for (const r of results) {
      const c = this.toCandidate(r, frame, text);
      if (c) out.push(c);
    }
    return out;
  }

  private toCandidate(r: chrono.ParsedResult, frame: DateFrame, text: string): DateCandidate | null {
    if (VAGUE.test(r.text) || PLURAL_PERIOD.test(r.text) || BARE_SLASH.test(r.text)) return null;
    if (/\d$/.test(r.text) && QUANTITY_AFTER.test(text.slice(r.index + r.text.length))) return null;
    if (frame.published === null && !WRITTEN_YEAR.test(r.text)) return null;
    const a = pieceOf(r.start);
    if (!a) return null;
    const b = r.end ? pieceOf(r.end) : null;
    const before = text.slice(0, r.index);
    const bare = a.weekday !== null && !WEEKDAY_MODIFIER.test(before) && !WEEKDAY_MODIFIER_FIRST.test(r.text);
    const lead = LEADING_PREPOSITION.exec(r.text)?.[0].length ?? 0;
    const start = frame.start + r.index + lead;
    return {
      start,
      end: frame.start + r.index + r.text.replace(TRAILING_PUNCTUATION, '').length,
      range: joinPieces(a, b),
      parser: this.name,
      priority: 2,
      weekdays: bare && a.weekday !== null ? { start: a.weekday, end: b?.weekday ?? a.weekday } : null,
      yearImplied: r.start.isCertain('month') && !r.start.isCertain('year'),
    };
  }
}
