/**
 * Which way to read an ambiguous date: from the modality of the event it belongs to when known,
 * else from tense cues in its sentence ("will" → future; "met", "was" → past), else the nearest.
 */
import type { ModalityValue, Span, Token } from '../core/doc.js';
import { FUTURE_CUES, IRREGULAR_PAST, REPORTING_VERBS } from './cues.js';
import type { Direction } from './types.js';
import { wordsOf } from '../syntax/english.js';

/** Modality classes that fix a direction; the others leave it to tense cues. */
export function modalityDirection(value: ModalityValue | null): Direction | null {
  if (value === 'occurred') return 'past';
  if (value === 'planned' || value === 'expected' || value === 'hypothetical') return 'future';
  return null;
}

const WORD = /[A-Za-z']+/g;
/** Tense cues further than this many characters from a date do not decide its direction. */
const CUE_REACH = 60;
/** At most this many words may sit between a reporting verb and its date ("said in a statement on"). */
const REPORTING_REACH = 5;

/**
 * The span of a reporting verb ("said", "told") a few words before `at`, with no clause break in
 * between: the date at `at` then dates the saying ("said on Tuesday that ...").
 */
export function reportingVerbBefore(text: string, from: number, at: number): Span | null {
  const before = text.slice(from, at);
  if (/[,;:.!?]\s*$/.test(before)) return null;
  const words = [...before.matchAll(WORD)].slice(-REPORTING_REACH - 1);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    const tail = before.slice((w.index ?? 0) + w[0].length);
    if (/[,;:.!?]/.test(tail)) return null;
    if (REPORTING_VERBS.has(w[0].toLowerCase())) {
      const start = from + (w.index ?? 0);
      return { start, end: start + w[0].length };
    }
  }
  return null;
}

function looksPastToken(t: Token): boolean {
  if (IRREGULAR_PAST.has(t.normal)) return true;
  if (t.pos !== 'VERB' && t.pos !== 'AUX') return false;
  return t.normal !== t.lemma && /ed$/.test(t.normal);
}

function looksPastWord(word: string): boolean {
  return IRREGULAR_PAST.has(word) || /^[a-z]{3,}ed$/.test(word);
}

interface Cue extends Span {
  readonly direction: Direction;
}

/** Before a participle these make it present or future passive, not past: "is passed", "must be held". */
const PARTICIPLE_AUX = wordsOf('auxiliary.participle-passive');

function afterAux(words: readonly string[], i: number): boolean {
  return (i > 0 && PARTICIPLE_AUX.has(words[i - 1])) || (i > 1 && words[i - 1] === 'not' && PARTICIPLE_AUX.has(words[i - 2]));
}

function cuesOf(text: string, frame: Span, tokens: readonly Token[]): Cue[] {
  const items = tokens.length > 0
    ? tokens.map((t) => ({ span: { start: t.start, end: t.end }, normal: t.normal, past: looksPastToken(t) }))
    : [...text.slice(frame.start, frame.end).matchAll(WORD)].map((m) => {
      const w = m[0];
      const start = frame.start + (m.index ?? 0);
      return { span: { start, end: start + w.length }, normal: w.toLowerCase(), past: w === w.toLowerCase() && looksPastWord(w) };
    });
  const words = items.map((w) => w.normal);
  const out: Cue[] = [];
  items.forEach((w, i) => {
    if (REPORTING_VERBS.has(w.normal)) return; // "said it is launching in May": the saying's tense
    if (FUTURE_CUES.has(w.normal)) out.push({ ...w.span, direction: 'future' });
    else if (w.past && !afterAux(words, i)) out.push({ ...w.span, direction: 'past' });
  });
  return out;
}

/**
 * Tense cues of a sentence (tokens when there are any, else its words): the cue word nearest the
 * date, within CUE_REACH, decides ("met on Monday and will meet next Tuesday": Monday is past).
 */
export function tenseDirection(text: string, frame: Span, tokens: readonly Token[], span: Span): Direction {
  if (reportingVerbBefore(text, frame.start, span.start)) return 'past';
  let best: Direction = 'nearest';
  let bestGap = Infinity;
  for (const c of cuesOf(text, frame, tokens)) {
    if (c.start < span.end && span.start < c.end) continue;
    const gap = c.end <= span.start ? span.start - c.end : c.start - span.end;
    if (gap <= CUE_REACH && gap < bestGap) [best, bestGap] = [c.direction, gap];
  }
  return best;
}
