/**
 * Places below the country as the country of an actor: "rebels in Darfur" SDNREB, "the government of
 * Sindh province" PAKGOV, "Punjab police" PAKCOP. Cities and regions the gazetteer knows become
 * country matches marked as places; a place alone is no actor ("Sindh" names a place), and a title
 * of a place names no national office holder ("the governor of Punjab" is not the president).
 */
import type { Token } from '../core/doc.js';
import type { Gazetteer } from '../place/gazetteer.js';
import type { Phrase, PhraseTarget } from './dictionary.js';
import type { PhraseMatch } from './matcher.js';
import { wordsOf } from '../syntax/english.js';

/** The words between an agent and a place it is in: "rebels in the Ivory Coast" (data/grammar/english.yaml). */
export const LOCATED = wordsOf('preposition.located');

const PLACE_ID = 'place.';

/** True for a country match that comes from a city or region, not from the country's own names. */
export function isPlaceTarget(t: PhraseTarget): boolean {
  return t.kind === 'country' && t.id.startsWith(PLACE_ID);
}

function placePhrase(tokens: readonly Token[], first: number, end: number, name: string, country: string): Phrase {
  const words = tokens.slice(first, end);
  const id = PLACE_ID + name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-');
  return { tokens: words.map((t) => t.normal), surface: words.map((t) => t.text), caseRule: 'capital', target: { kind: 'country', id, country, demonym: false } };
}

/**
 * "the Niger Delta", "the Congo Basin": a country's name that begins a longer place the gazetteer knows
 * is part of that place's name, not the country; the place (and its country) replaces it.
 */
function countryInsidePlace(places: Gazetteer, tokens: readonly Token[], to: number, m: PhraseMatch): boolean {
  if (m.phrase.target.kind !== 'country' || isPlaceTarget(m.phrase.target)) return false;
  const p = places.matchAt(tokens, m.first);
  return p !== null && p.start === m.first && p.end > m.end && p.end <= to && p.place.kind !== 'country';
}

/**
 * "protesters in Seoul", "police in Nairobi": a capital after an agent and "in" is where the agent is,
 * a city of its country, not the country's government acting.
 */
function capitalAsPlace(tokens: readonly Token[], all: readonly PhraseMatch[], m: PhraseMatch): PhraseMatch {
  const t = m.phrase.target;
  // "in San Jose, California": a capital's name qualified after a comma may be a town elsewhere (actor-stage).
  if (t.kind !== 'seat' || !t.capital || tokens[m.end]?.normal === ',') return m;
  const located = (x: PhraseMatch): boolean => x.end < m.first && LOCATED.has(tokens.slice(x.end, m.first).map((w) => w.normal).join(' '));
  if (all.find(located)?.phrase.target.kind !== 'agent') return m;
  const phrase = placePhrase(tokens, m.first, m.end, m.phrase.surface.join(' '), t.country);
  return { ...m, phrase, alternatives: [phrase] };
}

/** Adds the cities and regions in tokens[from, to) that no dictionary match covers, in order. */
export function withPlaceMatches(places: Gazetteer, tokens: readonly Token[], from: number, to: number, all: readonly PhraseMatch[]): PhraseMatch[] {
  const found = all.filter((m) => !countryInsidePlace(places, tokens, to, m)).map((m) => capitalAsPlace(tokens, all, m));
  const covered = (i: number): boolean => found.some((m) => m.first <= i && i < m.end);
  const out = [...found];
  for (let i = from; i < to; i++) {
    if (covered(i)) continue;
    const m = places.matchAt(tokens, i);
    if (!m || m.end > to || m.place.kind === 'country') continue;
    let overlaps = false;
    for (let k = m.start; k < m.end; k++) overlaps ||= covered(k);
    if (overlaps) continue;
    const phrase = placePhrase(tokens, m.start, m.end, m.place.name, m.place.country);
    out.push({ first: m.start, end: m.end, phrase, alternatives: [phrase] });
    i = m.end - 1;
  }
  return out.sort((a, b) => a.first - b.first);
}
