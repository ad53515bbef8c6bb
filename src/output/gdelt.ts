/**
 * GDELT 2.0 event-table rows (tab-separated, GDELT's 61 columns in GDELT's order), empty where dyad
 * has no value. Deliberate gaps: Actor*Geo (dyad places the event, not each actor), Geo_CountryCode
 * and ADM codes (GDELT uses FIPS 10-4; dyad has ISO-3166 alpha-3 only), ethnic/religion/known-group
 * codes, IsRootEvent (needs the paragraph) and AvgTone.
 */
import type { ActorOut, CodedEvent, DocumentOut, PlaceOut } from '../core/event.js';

type Cell = string | number | null;

const ACTOR_COLUMNS = [
  'Code', 'Name', 'CountryCode', 'KnownGroupCode', 'EthnicCode', 'Religion1Code', 'Religion2Code',
  'Type1Code', 'Type2Code', 'Type3Code',
] as const;
const GEO_COLUMNS = ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'] as const;

export const GDELT_COLUMNS: readonly string[] = [
  'GlobalEventID', 'Day', 'MonthYear', 'Year', 'FractionDate',
  ...ACTOR_COLUMNS.map((c) => `Actor1${c}`),
  ...ACTOR_COLUMNS.map((c) => `Actor2${c}`),
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  ...GEO_COLUMNS.map((c) => `Actor1Geo_${c}`),
  ...GEO_COLUMNS.map((c) => `Actor2Geo_${c}`),
  ...GEO_COLUMNS.map((c) => `ActionGeo_${c}`),
  'DATEADDED', 'SOURCEURL',
];

function actorCells(a: ActorOut | null): Cell[] {
  if (!a) return ACTOR_COLUMNS.map(() => null);
  return [a.code, (a.name ?? a.text).toUpperCase(), a.country, null, null, null, null, a.sector, null, null];
}

function geoCells(p: PlaceOut | null): Cell[] {
  if (!p) return GEO_COLUMNS.map(() => null);
  return [null, p.name, null, null, null, p.lat, p.lon, null];
}

/** Day, MonthYear, Year, FractionDate (GDELT: YEAR + (MONTH * 30 + DAY) / 365) of an ISO date. */
function dateCells(iso: string | null): Cell[] {
  if (!iso) return [null, null, null, null];
  const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  const fraction = Number(y) + (Number(m) * 30 + Number(d)) / 365;
  return [`${y}${m}${d}`, `${y}${m}`, y, fraction.toFixed(4)];
}

/** YYYYMMDDHHMMSS in UTC. */
export function gdeltTimestamp(when: Date): string {
  return when.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** One event as GDELT cells; the date is the event's start, else the publication date. */
export function gdeltCells(e: CodedEvent, doc: DocumentOut, added: Date): Cell[] {
  return [
    e.id, ...dateCells(e.date?.start ?? doc.published),
    ...actorCells(e.source), ...actorCells(e.target),
    null, e.cameo, e.cameo.slice(0, 3), e.root, e.quadClass, e.goldstein,
    e.mentions.length, 1, 1, null,
    ...geoCells(null), ...geoCells(null), ...geoCells(e.place),
    gdeltTimestamp(added), doc.url ?? '',
  ];
}

/** A TSV field: no tabs or line breaks inside (they become spaces); null is empty. */
export function tsvField(value: Cell): string {
  return value === null ? '' : String(value).replace(/[\t\r\n]+/g, ' ');
}

export function tsvLine(cells: readonly Cell[]): string {
  return `${cells.map(tsvField).join('\t')}\n`;
}
