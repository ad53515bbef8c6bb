/**
 * Stored events as export rows: CSV (one row per merged event), GDELT 2.0 event-table TSV (GDELT's
 * 61 columns in GDELT's order, as `dyad code --format tsv`) and PLOVER JSON Lines. Codes stay
 * strings ("042"). GDELT's NumMentions/NumSources/NumArticles come from the merged event row.
 */
import { gdeltTimestamp } from '../output/gdelt.js';
import { ploverActor, type PloverRecord } from '../output/plover.js';
import type { PrimaryMention, QueryActor, QueryEvent } from './events.js';

export type Cell = string | number | null;

const ACTOR_FIELDS = ['code', 'country', 'sector', 'name', 'role'] as const;

/** CSV header of `dyad export --format csv` and `dyad query --format csv`, in order. Keep it stable. */
export const EVENT_CSV_COLUMNS: readonly string[] = [
  'id', 'story_id', 'date_start', 'date_end', 'date_precision', 'date_basis',
  ...ACTOR_FIELDS.map((f) => `source_${f}`), ...ACTOR_FIELDS.map((f) => `target_${f}`),
  'cameo', 'root', 'quad_class', 'goldstein', 'plover_type', 'plover_mode', 'plover_contexts', 'topics', 'modality',
  'place_name', 'place_country', 'lat', 'lon', 'attribution',
  'num_mentions', 'num_articles', 'num_sources', 'first_document_id', 'url', 'published',
  'rule', 'confidence', 'knowledge',
];

const actorCells = (a: QueryActor | null): Cell[] => ACTOR_FIELDS.map((f) => (a ? a[f] : null));

export function eventCsvCells(e: QueryEvent): Cell[] {
  return [
    e.id, e.storyId, e.date?.start ?? null, e.date?.end ?? null, e.date?.precision ?? null, e.date?.basis ?? null,
    ...actorCells(e.source), ...actorCells(e.target),
    e.cameo, e.root, e.quadClass, e.goldstein, e.plover.type, e.plover.mode, e.plover.contexts.join(';'), e.topics.join(';'), e.modality,
    e.place?.name ?? null, e.place?.country ?? null, e.place?.lat ?? null, e.place?.lon ?? null, e.attribution,
    e.numMentions, e.numArticles, e.numSources, e.firstDocument.id, e.firstDocument.url, e.firstDocument.published,
    e.rule, e.confidence, e.knowledge,
  ];
}

function gdeltActor(a: QueryActor | null, text: string | null): Cell[] {
  if (!a) return Array.from({ length: 10 }, () => null);
  return [a.code, (a.name ?? text)?.toUpperCase() ?? null, a.country, null, null, null, null, a.sector, null, null];
}

/** Day, MonthYear, Year, FractionDate (GDELT: YEAR + (MONTH * 30 + DAY) / 365). */
function gdeltDate(iso: string | null): Cell[] {
  if (!iso) return [null, null, null, null];
  const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  return [`${y}${m}${d}`, `${y}${m}`, y, (Number(y) + (Number(m) * 30 + Number(d)) / 365).toFixed(4)];
}

const emptyGeo = (): Cell[] => Array.from({ length: 8 }, () => null);

/**
 * One stored event as GDELT 2.0 cells (GDELT_COLUMNS order); the date is the event's, else the first
 * document's; actor names are the person's name, else the words of the primary mention.
 */
export function eventGdeltCells(e: QueryEvent, added: Date, m?: PrimaryMention): Cell[] {
  const published = e.firstDocument.published?.slice(0, 10) ?? null;
  const geo = e.place ? [null, e.place.name ?? e.place.country, null, null, null, e.place.lat, e.place.lon, null] : emptyGeo();
  return [
    e.id, ...gdeltDate(e.date?.start ?? published),
    ...gdeltActor(e.source, m?.sourceText ?? null), ...gdeltActor(e.target, m?.targetText ?? null),
    null, e.cameo, e.cameo.slice(0, 3), e.root, e.quadClass, e.goldstein,
    e.numMentions, e.numSources, e.numArticles, null,
    ...emptyGeo(), ...emptyGeo(), ...geo,
    gdeltTimestamp(added), e.firstDocument.url ?? '',
  ];
}

/**
 * A PLOVER record for a stored event: the fields of `dyad code --format plover` (one field list, in
 * src/output/plover.ts), where the evidence may be missing, plus the story and the merge counts.
 */
type Loose = 'event_text' | 'sentence' | 'start' | 'end' | 'date_precision' | 'modality' | 'location';
export type StoredPloverRecord = Omit<PloverRecord, Loose> & {
  readonly event_text: string | null;
  readonly sentence: number | null;
  readonly start: number | null;
  readonly end: number | null;
  /** As stored: the text of the coded value. */
  readonly date_precision: string | null;
  readonly modality: string;
  readonly location: { readonly name: string | null; readonly country: string | null; readonly lat: number | null; readonly lon: number | null } | null;
  readonly story: string;
  readonly num_mentions: number;
  readonly num_articles: number;
  readonly num_sources: number;
};

export function storedPloverRecord(e: QueryEvent, m: PrimaryMention | undefined): StoredPloverRecord {
  const s = ploverActor(e.source);
  const t = ploverActor(e.target);
  return {
    id: e.id,
    date: e.date?.start ?? e.firstDocument.published?.slice(0, 10) ?? null,
    date_end: e.date?.end ?? null,
    date_precision: e.date?.precision ?? null,
    event_type: e.plover.type, mode: e.plover.mode, context: e.plover.contexts,
    source_actor: s.actor, source_agent: s.agent, source_name: s.name, source_text: m?.sourceText ?? null,
    target_actor: t.actor, target_agent: t.agent, target_name: t.name, target_text: m?.targetText ?? null,
    event_text: m?.trigger.text ?? null,
    location: e.place,
    cameo: e.cameo, goldstein: e.goldstein, modality: e.modality, modality_cue: m?.cueText ?? null,
    doc: e.firstDocument.id, url: e.firstDocument.url,
    sentence: m?.sentence ?? null, start: m?.trigger.start ?? null, end: m?.trigger.end ?? null,
    rule: e.rule, confidence: e.confidence, knowledge: e.knowledge,
    story: e.storyId, num_mentions: e.numMentions, num_articles: e.numArticles, num_sources: e.numSources,
  };
}
