/**
 * Small closed-class cue lists used by the time rules (grammar words, not knowledge about the
 * world). Kept here because they are tied to the rules' regular expressions.
 */

/** Month names and abbreviations as a regex alternation (case-insensitive use). */
export const MONTH_PATTERN =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** Month number (1-12) of a month name or abbreviation, or null. */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '').slice(0, 3);
  const i = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(w);
  return i < 0 ? null : i + 1;
}

/** Month names that are also common English words ("may" visit, a protest "march"). */
export const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['may', 'march']);

/** Words that, right before a month or a bare year, show it is a date: "in May", "since 2014". */
export const DATE_LEAD_WORDS: ReadonlySet<string> = new Set([
  'in', 'since', 'until', 'till', 'by', 'during', 'of', 'from', 'to', 'through', 'throughout',
  'before', 'after', 'between', 'and', 'or', 'early', 'late', 'mid', 'this', 'last', 'next',
  'each', 'every', 'around', 'circa', 'for', 'on', 'spring', 'summer', 'autumn', 'fall', 'winter',
]);

/** Stronger subset for old years (1000-1899), where counts are more likely than dates. */
export const STRONG_YEAR_LEADS: ReadonlySet<string> = new Set([
  'in', 'since', 'until', 'till', 'during', 'early', 'late', 'mid', 'circa', 'before', 'after',
]);

/** Determiners before a year used as a modifier: "the 1962 blockade". */
export const YEAR_DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'its', 'their', 'his', 'her', 'that']);

/** Reporting verbs: a date right after them dates the saying, not the event reported. */
export const REPORTING_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'told', 'tells', 'announced', 'announces', 'stated', 'states', 'declared',
  'reported', 'added', 'confirmed', 'noted', 'claimed', 'revealed', 'disclosed', 'insisted',
  'warned', 'wrote', 'tweeted', 'posted', 'explained', 'argued', 'replied',
]);

/** Words that mark a sentence as about the future. */
export const FUTURE_CUES: ReadonlySet<string> = new Set([
  'will', 'shall', "'ll", 'scheduled', 'expected', 'planned', 'plans', 'plan', 'due', 'upcoming',
  'set', 'forthcoming', 'intends', 'tomorrow', 'next', 'must',
]);

/** Past-tense words that the suffix test in `looksPast` misses. */
export const IRREGULAR_PAST: ReadonlySet<string> = new Set([
  'was', 'were', 'had', 'did', 'met', 'held', 'said', 'told', 'took', 'made', 'went', 'came', 'began',
  'left', 'saw', 'gave', 'spoke', 'won', 'lost', 'fought', 'struck', 'led', 'sent', 'brought',
  'became', 'kept', 'paid', 'sought', 'ran', 'fell', 'hit', 'shot', 'ago', 'yesterday', 'last',
]);

/** Punctuation or a subordinator that separates two clauses (a date and a trigger on both sides). */
export const CLAUSE_BREAK = /[;:()\u2014]|,\s+(?:which|who|whom|while|whereas|but|although|though|after|before|when|as)\b/;

/**
 * The past perfect right before a trigger: "had invaded", "had already been attacked", "'d agreed".
 * Words allowed between the auxiliary and the participle: adverbs and "been".
 */
export const PAST_PERFECT_BEFORE = /\b(?:had|'d)\s+(?:(?:not|never|already|just|also|long|earlier|previously|once|first|been|\w+ly)\s+)*$/i;
