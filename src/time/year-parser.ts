/**
 * Bare years, which chrono ignores: "in 2023", "since 2014", "the 1962 blockade", "late 2023",
 * "from 2019 to 2021", "2019-2021". A year needs a lead word ("in", "since", ...) or a determiner
 * with a lower-case noun after it, so names ("Agenda 2030", "Euro 2024"), counts and decades
 * ("the 1990s") stay out.
 */
import { yearRange } from './iso.js';
import { DATE_LEAD_WORDS, STRONG_YEAR_LEADS, YEAR_DETERMINERS } from './cues.js';
import type { DateCandidate, DateFrame, DateParser } from './types.js';

const YEAR = /\b(1\d{3}|20\d{2})(?:\s*(?:-|\u2013|to|and|until|through)\s*(1\d{3}|20\d{2}|\d{2}))?\b(?!['\u2019]?s\b|%|[.,]\d|-\d|\/\d)/g;
const PREVIOUS_WORD = /([A-Za-z]+)[\s-]*$/;
const NEXT_WORD = /^\s+([a-z]+)/;
/** "by 1200 GMT": a clock time, not a year. */
const CLOCK_AFTER = /^\s*(?:gmt|utc|bst|cet|cest|est|edt|pst|pdt|hrs|hours|h\b|local\s+time)/i;

function previousWord(text: string, at: number): string | null {
  const m = PREVIOUS_WORD.exec(text.slice(Math.max(0, at - 24), at));
  return m ? m[1] : null;
}

function hasLead(text: string, at: number, afterEnd: number, year: number): boolean {
  const prev = previousWord(text, at);
  if (prev === null || CLOCK_AFTER.test(text.slice(afterEnd, afterEnd + 12))) return false;
  const lower = prev.toLowerCase();
  if (year < 1900) return STRONG_YEAR_LEADS.has(lower);
  if (DATE_LEAD_WORDS.has(lower)) return true;
  // "the 1962 blockade": determiner + year + lower-case noun.
  return YEAR_DETERMINERS.has(lower) && NEXT_WORD.test(text.slice(afterEnd, afterEnd + 30));
}

function secondYear(first: number, written: string | undefined): number | null {
  if (written === undefined) return null;
  if (written.length === 2) return Math.floor(first / 100) * 100 + Number(written);
  return Number(written);
}

export class YearParser implements DateParser {
  readonly name = 'year';

  parse(frame: DateFrame): DateCandidate[] {
    const text = frame.text.slice(frame.start, frame.end);
    const out: DateCandidate[] = [];
    for (const m of text.matchAll(YEAR)) {
      const at = m.index ?? 0;
      const first = Number(m[1]);
      let second = secondYear(first, m[2]);
      let length = m[0].length;
      if (second !== null && second <= first) {
        second = null;
        length = m[1].length;
      }
      if (!hasLead(text, at, at + length, first)) continue;
      const start = frame.start + at;
      out.push({
        start,
        end: start + length,
        range: { start: yearRange(first).start, end: yearRange(second ?? first).end, precision: 'year' },
        parser: this.name,
        priority: 1,
        weekdays: null,
        yearImplied: false,
      });
    }
    return out;
  }
}
