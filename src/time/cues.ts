/**
 * The time rules' cues: the word lists come from data/grammar/english.yaml (src/syntax/english.ts);
 * the regular expressions that read months, clause breaks and the past perfect stay here.
 */
import { alternationOf, englishWords, LazyPattern, wordsOf } from '../syntax/english.js';

/** Month names and abbreviations as a regex alternation (case-insensitive use). */
export const MONTH_PATTERN =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** Month number (1-12) of a month name or abbreviation, or null. */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '').slice(0, 3);
  const i = englishWords().list('name.month').findIndex((m) => m.slice(0, 3) === w);
  return i < 0 ? null : i + 1;
}

/** Month names that are also common English words ("may" visit, a protest "march"). */
export const AMBIGUOUS_MONTHS = wordsOf('name.ambiguous-month');

/** Words that, right before a month or a bare year, show it is a date: "in May", "since 2014". */
export const DATE_LEAD_WORDS = wordsOf('time.date-lead');

/** Stronger subset for old years (1000-1899), where counts are more likely than dates. */
export const STRONG_YEAR_LEADS = wordsOf('time.strong-year-lead');

/** Determiners before a year used as a modifier: "the 1962 blockade". */
export const YEAR_DETERMINERS = wordsOf('time.year-determiner');

/** Reporting verbs: a date right after them dates the saying, not the event reported. */
export const REPORTING_VERBS = wordsOf('verb.reporting-form');

/** Words that mark a sentence as about the future. */
export const FUTURE_CUES = wordsOf('time.future-word');

/** Past-tense words that the suffix test in `looksPast` misses. */
export const IRREGULAR_PAST = wordsOf('time.past-word');

/** Punctuation or a subordinator that separates two clauses (a date and a trigger on both sides). */
export const CLAUSE_BREAK = new LazyPattern(() => new RegExp(`[;:()\\u2014]|,\\s+(?:${alternationOf('time.clause-opener')})\\b`));

/**
 * The past perfect right before a trigger: "had invaded", "had already been attacked", "'d agreed".
 * Words allowed between the auxiliary and the participle: adverbs and "been".
 */
export const PAST_PERFECT_BEFORE = new LazyPattern(() => new RegExp(`\\b(?:had|'d)\\s+(?:(?:${alternationOf('time.perfect-adverb')}|\\w+ly)\\s+)*$`, 'i'));
