/**
 * When does a coded event match an expected one? (../shared/eval/README.md, "Scoring rules")
 *
 * Three levels, each a stricter test:
 *  - typeOnly: the event type agrees, actors are not looked at. PLOVER: the coded PLOVER type is
 *    one of the expected types. CAMEO: the coded root is the root of a listed code.
 *  - lenient:  typeOnly, and source and target countries agree ("type-plus-actors" for PLOVER).
 *  - strict:   lenient, and for CAMEO the full code is a listed code; for PLOVER the sectors
 *    agree too, where the gold gives one (compared on three letters).
 */
import type { ActorOut, CodedEvent } from '../core/event.js';
import { normaliseCountry } from './plover-gold.js';
import type { GoldActor, GoldEvent, GoldScheme } from './types.js';

export type Level = 'typeOnly' | 'lenient' | 'strict';
export const levels: readonly Level[] = ['typeOnly', 'lenient', 'strict'];

/** The type given to coded events that PLOVER does not code (see data/cameo/README.md). */
const NOT_PLOVER = new Set(['', 'NONE']);

export interface MatchOptions {
  /** PLOVER type for a CAMEO code, used when a coded event carries no PLOVER type. */
  readonly ploverOf?: (cameo: string) => string;
}

/** The coded event's type at a level, or null when it has none in the scheme. */
export function codedType(ev: CodedEvent, scheme: GoldScheme, level: Level, opts: MatchOptions = {}): string | null {
  if (scheme === 'plover') {
    const type = ev.plover.type !== '' ? ev.plover.type : (opts.ploverOf?.(ev.cameo) ?? '');
    return NOT_PLOVER.has(type) ? null : type;
  }
  if (level === 'strict') return ev.cameo;
  return ev.root !== '' ? ev.root : ev.cameo.slice(0, 2);
}

/** The expected event's accepted types at a level. */
export function goldTypes(g: GoldEvent, scheme: GoldScheme, level: Level): readonly string[] {
  if (scheme === 'plover') return g.plover;
  if (level === 'strict') return g.cameo;
  return [...new Set(g.cameo.map((c) => c.slice(0, 2)))];
}

/** Category for per-type counts: the lenient type(s), e.g. "CONSULT" or "04|03". */
export function goldCategory(g: GoldEvent, scheme: GoldScheme): string {
  const types = goldTypes(g, scheme, 'lenient');
  return types.length ? types.join('|') : '(none)';
}

export function isIgo(actor: ActorOut): boolean {
  return actor.country === 'IGO' || actor.code.startsWith('IGO');
}

function countryMatches(alternatives: readonly string[], actor: ActorOut): boolean {
  const country = actor.country === null ? null : normaliseCountry(actor.country);
  return alternatives.some((alt) => alt === country || alt === actor.code || (alt === 'IGO' && isIgo(actor)));
}

/**
 * An unknown gold actor matches anything; `null` (no target) matches no target, or, when countries
 * alone are compared, a coded actor with no country.
 * With `sectors`, a gold sector must equal the first three letters of the coded sector.
 */
export function actorMatches(gold: GoldActor | null, coded: ActorOut | null, sectors: boolean): boolean {
  // Countries are compared: a coded actor with no country ("refugees") has the same country as no actor.
  if (gold === null) return coded === null || (!sectors && coded.country === null);
  if (gold.countries.length === 0 && (!sectors || gold.sector === null)) return true;
  if (coded === null) return false;
  if (gold.countries.length > 0 && !countryMatches(gold.countries, coded)) return false;
  if (sectors && gold.sector !== null) return (coded.sector ?? '').slice(0, 3).toUpperCase() === gold.sector;
  return true;
}

export function actorsMatch(g: GoldEvent, ev: CodedEvent, scheme: GoldScheme, level: Level): boolean {
  if (level === 'typeOnly') return true;
  const sectors = level === 'strict' && scheme === 'plover';
  if (actorMatches(g.source, ev.source, sectors) && actorMatches(g.target, ev.target, sectors)) return true;
  return g.symmetric && g.target !== null
    && actorMatches(g.source, ev.target, sectors) && actorMatches(g.target, ev.source, sectors);
}

export function typeMatches(g: GoldEvent, ev: CodedEvent, scheme: GoldScheme, level: Level, opts: MatchOptions = {}): boolean {
  const type = codedType(ev, scheme, level, opts);
  return type !== null && goldTypes(g, scheme, level).includes(type);
}

export function eventMatches(g: GoldEvent, ev: CodedEvent, scheme: GoldScheme, level: Level, opts: MatchOptions = {}): boolean {
  return typeMatches(g, ev, scheme, level, opts) && actorsMatch(g, ev, scheme, level);
}

function actorKey(a: GoldActor | null, sectors: boolean): string {
  if (a === null) return '-';
  return [...a.countries].sort().join('|') + (sectors && a.sector ? `/${a.sector}` : '');
}

/** Expected events that no coded event could tell apart at this level share a key. */
export function goldKey(g: GoldEvent, scheme: GoldScheme, level: Level): string {
  const types = [...goldTypes(g, scheme, level)].sort().join('|');
  if (level === 'typeOnly') return types;
  const sectors = level === 'strict' && scheme === 'plover';
  let pair = [actorKey(g.source, sectors), actorKey(g.target, sectors)];
  if (g.symmetric) pair = pair.sort();
  return JSON.stringify([types, pair, g.symmetric]);
}

/**
 * Maximum bipartite matching (augmenting paths): each expected event matched at most once,
 * each coded event at most once. Returns, per expected event, the coded index or -1.
 */
export function maxMatching(goldCount: number, codedCount: number, edge: (g: number, c: number) => boolean): number[] {
  const adj = Array.from({ length: goldCount }, (_, g) => Array.from({ length: codedCount }, (_, c) => c).filter((c) => edge(g, c)));
  const codedTo = new Array<number>(codedCount).fill(-1);
  const augment = (g: number, seen: boolean[]): boolean => {
    for (const c of adj[g]) {
      if (seen[c]) continue;
      seen[c] = true;
      if (codedTo[c] === -1 || augment(codedTo[c], seen)) {
        codedTo[c] = g;
        return true;
      }
    }
    return false;
  };
  for (let g = 0; g < goldCount; g++) augment(g, new Array<boolean>(codedCount).fill(false));
  const goldTo = new Array<number>(goldCount).fill(-1);
  codedTo.forEach((g, c) => { if (g >= 0) goldTo[g] = c; });
  return goldTo;
}
