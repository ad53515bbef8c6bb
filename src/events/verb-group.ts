/**
 * The verb group and the noun phrase's determiners, read from tokens: participles, the passive voice,
 * definite noun phrases. Shared by the clause reading (clause.ts) and the stages that use it.
 */
import type { Token } from '../core/doc.js';
import type { SentenceView } from './clause.js';
import { wordsOf } from '../syntax/english.js';

/** Words that may stand before a noun inside its phrase. */
export const MODIFIER_POS: ReadonlySet<string> = new Set(['DET', 'ADJ', 'NUM', 'ADV']);

/** A past participle: "attacked", "taken", "thrown" (its form differs from its lemma). */
export function isParticiple(t: Token): boolean {
  return t.normal !== t.lemma && /(ed|en|wn)$/.test(t.normal);
}

/** Passive voice at token i: "was attacked", "were invited". */
export function isPassive(view: SentenceView, i: number): boolean {
  const t = view.tokens[i];
  // "is demanding" is progressive: a passive needs a participle.
  if (t.pos !== 'VERB' || t.normal === t.lemma || t.normal.endsWith('ing')) return false;
  for (let k = i - 1; k >= Math.max(view.from, i - 3); k--) {
    const w = view.tokens[k];
    if (w.lemma === 'be' || w.lemma === 'get') return true;
    if (w.pos !== 'ADV') return false;
  }
  return false;
}

const DEFINITE = wordsOf('determiner.definite');
const INDEFINITE = wordsOf('determiner.indefinite');

/** Determiners that make a noun refer back to an event already told ("the visit", "this meeting"). */
export function isDefinite(view: SentenceView, i: number): boolean {
  for (let k = i - 1; k >= Math.max(view.from, i - 4); k--) {
    const w = view.tokens[k].normal;
    if (DEFINITE.has(w)) return true;
    if (INDEFINITE.has(w)) return false;
    const t = view.tokens[k];
    if (!MODIFIER_POS.has(t.pos) && t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.text !== '-') return false;
  }
  return false;
}
