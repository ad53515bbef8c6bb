/**
 * The PLOVER gold-standard records (JSON Lines, one coded sentence per line) and their quirks:
 * 2016 draft type names, a few CAMEO country codes, sector suffixes, `***` for unknown, and
 * compound actors expanded pair by pair.
 */
import { z } from 'zod';
import type { GoldActor, GoldEvent, GoldItem } from './types.js';
import { parseJsonLines } from './jsonl.js';

/** 2016 draft types renamed in the 2021 manual; the others keep their names. */
const TYPE_RENAMES: Readonly<Record<string, string>> = {
  DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', DEMAND: 'REQUEST', FIGHT: 'ASSAULT',
};

/** CAMEO country codes that are not ISO-3166 alpha-3. */
const COUNTRY_FIXES: Readonly<Record<string, string>> = { JAP: 'JPN', ITL: 'ITA' };

const UNKNOWN = '***';

export function ploverType2021(type: string): string {
  const upper = type.trim().toUpperCase();
  return TYPE_RENAMES[upper] ?? upper;
}

export function normaliseCountry(code: string): string {
  const upper = code.trim().toUpperCase();
  return COUNTRY_FIXES[upper] ?? upper;
}

/** First three letters, upper-cased (`CVLkur` -> `CVL`); null for none or `***`. */
export function normaliseSector(sector: string | null | undefined): string | null {
  if (!sector || sector.trim() === '' || sector.includes(UNKNOWN)) return null;
  return sector.trim().slice(0, 3).toUpperCase();
}

export const UNKNOWN_ACTOR: GoldActor = { countries: [], sector: null, name: null };

const actorSchema = z.looseObject({
  code: z.string(),
  sector: z.string().nullable().optional(),
  actorText: z.string().optional(),
});

const recordSchema = z.looseObject({
  id: z.string().min(1),
  text: z.string().min(1),
  event: z.string().min(1),
  source_actors: z.array(actorSchema),
  /** A list, or (a data error in one record) a string meaning no target. */
  target_actors: z.union([z.array(actorSchema), z.string()]),
  date: z.string().optional(),
});
type PloverRecord = z.infer<typeof recordSchema>;

function toActor(a: z.infer<typeof actorSchema>): GoldActor {
  const code = a.code.trim();
  return {
    countries: code === '' || code.includes(UNKNOWN) ? [] : [normaliseCountry(code)],
    sector: normaliseSector(a.sector),
    name: a.actorText ?? null,
  };
}

export interface ActorPair {
  readonly source: GoldActor;
  readonly target: GoldActor | null;
  readonly symmetric: boolean;
}

/**
 * Compound actors, expanded as the coder does: several sources and no target give each
 * unordered pair among the sources once, symmetric ("Hungarian and Romanian officials
 * agreed"); otherwise every source is paired with every target. No source: unknown.
 */
export function expandActors(sources: readonly GoldActor[], targets: readonly GoldActor[]): ActorPair[] {
  if (targets.length === 0) {
    if (sources.length <= 1) return [{ source: sources[0] ?? UNKNOWN_ACTOR, target: null, symmetric: false }];
    const pairs: ActorPair[] = [];
    sources.forEach((s, i) => sources.slice(i + 1).forEach((t) => pairs.push({ source: s, target: t, symmetric: true })));
    return pairs;
  }
  const from = sources.length ? sources : [UNKNOWN_ACTOR];
  return from.flatMap((s) => targets.map((t) => ({ source: s, target: t, symmetric: false })));
}

function toItem(r: PloverRecord): GoldItem {
  const targets = Array.isArray(r.target_actors) ? r.target_actors.map(toActor) : [];
  const pairs = expandActors(r.source_actors.map(toActor), targets);
  const type = ploverType2021(r.event);
  const events: GoldEvent[] = pairs.map((p, i) => ({
    id: pairs.length > 1 ? `${r.id}#${i + 1}` : r.id,
    group: r.id,
    source: p.source,
    target: p.target,
    symmetric: p.symmetric,
    cameo: [],
    plover: [type],
    modality: null,
    cue: typeof r.eventText === 'string' ? r.eventText : null,
  }));
  return { id: r.id, text: r.text, date: r.date ?? null, scheme: 'plover', required: events, acceptable: [], forbidden: null };
}

/** Parses PLOVER gold JSON Lines; `file` names the input in errors (file:line). */
export function parsePloverGold(source: string, file: string): GoldItem[] {
  return parseJsonLines(source, file, recordSchema).map(toItem);
}
