/**
 * The place stage: where each event happens.
 *
 * In order of preference, for each event:
 *  1. visits (CAMEO 042/043, or a travel trigger): the destination, "a visit to China", "arrived
 *     in Beijing", "visited Moscow";
 *  2. a locative phrase in the event's sentence, "talks in Geneva", "clashes near Kharkiv": the
 *     closest after the trigger, else the closest before it;
 *  3. a visit with no place in the sentence: the host's country (042: the target's, 043: the
 *     source's), at its centroid, with the actor mention as evidence;
 *  4. an event referring back to another ("the visit"): that event's place;
 *  5. an occurred event in an article with a dateline ("MOSCOW (Reuters) -"): the dateline city;
 *  6. else null.
 */
import type { ActorMention, Doc, EventMention, Place, Span, Token } from '../core/doc.js';
import { layer } from '../core/doc.js';
import type { Stage, StageContext } from '../core/stage.js';
import type { Gazetteer, GazetteerPlace, PlaceMatch } from './gazetteer.js';
import { findDateline } from './dateline.js';
import { isCameo } from '../knowledge/cameo-categories.js';
import { wordsOf } from '../syntax/english.js';

const LOCATIVE = wordsOf('preposition.locative');
const SKIPPABLE = wordsOf('place.lead');
const TRAVEL_LEMMAS = wordsOf('verb.travel');

/** A place name in a sentence and the word that introduces it ("in", "to", or the trigger itself). */
interface SentencePlace extends PlaceMatch {
  readonly cue: string | null;
  readonly cueIndex: number | null;
}

/** "near the town of Samarra", "in the province of Aceh": a place noun and "of" stand between cue and name. */
const PLACE_NOUNS = wordsOf('place.noun');

function cueBefore(tokens: readonly Token[], m: PlaceMatch, sentenceStart: number): { cue: string | null; cueIndex: number | null } {
  for (let j = m.start - 1; j >= sentenceStart; j--) {
    const word = tokens[j].normal;
    if (SKIPPABLE.has(word) || PLACE_NOUNS.has(word)) continue;
    if (word === 'of' && PLACE_NOUNS.has(tokens[j - 1]?.normal ?? '')) continue;
    return { cue: word, cueIndex: j };
  }
  return { cue: null, cueIndex: null };
}

function placesInSentence(doc: Doc, gaz: Gazetteer, sentence: number): SentencePlace[] {
  const tokens = layer(doc, 'tokens');
  const s = layer(doc, 'sentences')[sentence];
  const out: SentencePlace[] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const m = gaz.matchAt(tokens, i);
    if (!m || m.end > s.tokenEnd) continue;
    out.push({ ...m, ...cueBefore(tokens, m, s.tokenStart) });
    i = m.end - 1;
  }
  return out;
}

function toPlace(p: GazetteerPlace, evidence: Span | null): Place {
  return { name: p.name, country: p.country, lat: p.lat, lon: p.lon, evidence };
}

function matchSpan(tokens: readonly Token[], m: PlaceMatch): Span {
  return { start: tokens[m.start].start, end: tokens[m.end - 1].end };
}

function triggerRange(e: EventMention, tokens: readonly Token[]): { first: number; last: number } {
  if (e.triggerTokens.length) return { first: Math.min(...e.triggerTokens), last: Math.max(...e.triggerTokens) };
  const inside = tokens.filter((t) => t.start >= e.trigger.start && t.end <= e.trigger.end).map((t) => t.index);
  return inside.length ? { first: inside[0], last: inside[inside.length - 1] } : { first: -1, last: -1 };
}

/** A visit made or hosted (data/cameo/categories.yaml). */
function isCameoVisit(cameo: string): boolean {
  return isCameo('visit', cameo) || isCameo('host', cameo);
}

function isVisit(e: EventMention, tokens: readonly Token[]): boolean {
  return isCameoVisit(e.cameo)
    || e.triggerTokens.some((i) => TRAVEL_LEMMAS.has(tokens[i]?.lemma ?? ''));
}

/** "visit to China", "visited China", "arrived in Beijing": the first such place after the trigger. */
function destination(places: readonly SentencePlace[], last: number): SentencePlace | null {
  return places.find((p) => p.start > last && (p.cue === 'to' || p.cue === 'in' || p.cueIndex === last)) ?? null;
}

/** The closest locative place after the trigger, else the closest before it. */
function locative(places: readonly SentencePlace[], first: number, last: number): SentencePlace | null {
  const loc = places.filter((p) => p.cue !== null && LOCATIVE.has(p.cue));
  const after = loc.filter((p) => p.start > last);
  if (after.length) return after[0];
  const before = loc.filter((p) => p.end <= first);
  return before.length ? before[before.length - 1] : null;
}

function hostCountry(e: EventMention, mentions: readonly ActorMention[], gaz: Gazetteer): Place | null {
  const host = isCameo('host', e.cameo) ? e.sources[0] : e.targets[0];
  const mention = host === undefined ? undefined : mentions[host];
  const code = mention?.actors[0]?.country;
  const place = code ? gaz.country(code) : null;
  return place && mention ? toPlace(place, { start: mention.start, end: mention.end }) : null;
}

function ownPlace(doc: Doc, e: EventMention, gaz: Gazetteer, places: readonly SentencePlace[]): Place | null {
  const tokens = layer(doc, 'tokens');
  const { first, last } = triggerRange(e, tokens);
  const visit = isVisit(e, tokens);
  const found = (visit ? destination(places, last) : null) ?? locative(places, first, last);
  if (found) return toPlace(found.place, matchSpan(tokens, found));
  return isCameoVisit(e.cameo) ? hostCountry(e, layer(doc, 'mentions'), gaz) : null;
}

function followAntecedents(events: readonly EventMention[], own: readonly (Place | null)[]): (Place | null)[] {
  return events.map((e, k) => {
    let place = own[k];
    let next = e.antecedent;
    const seen = new Set<number>([k]);
    while (!place && next !== null && next >= 0 && next < events.length && !seen.has(next)) {
      seen.add(next);
      place = own[next];
      next = events[next].antecedent;
    }
    return place;
  });
}

export class PlaceStage implements Stage {
  readonly name = 'place';
  readonly requires = ['sentences', 'tokens', 'mentions', 'events'] as const;
  readonly provides = ['places'] as const;

  run(doc: Doc, ctx: StageContext): Doc {
    const gaz = ctx.knowledge.places;
    const events = layer(doc, 'events');
    const bySentence = new Map<number, SentencePlace[]>();
    const placesOf = (s: number): SentencePlace[] => {
      let found = bySentence.get(s);
      if (!found) bySentence.set(s, (found = placesInSentence(doc, gaz, s)));
      return found;
    };
    const own = events.map((e) => ownPlace(doc, e, gaz, placesOf(e.sentence)));
    const withAntecedents = followAntecedents(events, own);
    const dateline = findDateline(doc, gaz);
    const places = withAntecedents.map((p, k) => {
      if (p || !dateline) return p;
      const modality = doc.modality?.[k]?.value;
      return modality === undefined || modality === 'occurred' ? dateline : null;
    });
    return { ...doc, places };
  }
}
