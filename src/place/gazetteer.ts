/**
 * The gazetteer: countries (centroids), capitals, cities of 100,000 people or more, and regions
 * (first-level divisions and well-known informal regions, without coordinates), looked up by name
 * or matched over a document's tokens.
 *
 * Names are compared as normalised strings (lower case, curly quotes folded, single spaces), and
 * a token sequence is turned into the same form by joining the tokens' `normal` text with a space
 * where the document has one. So "People's Republic of China" matches however the tokenizer
 * splits "People's", and the gazetteer does not depend on the tokenizer.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { Token } from '../core/doc.js';
import type { KnowledgeSource } from '../knowledge/knowledge.js';
import { loadDataFile } from '../knowledge/data-file.js';
import { loadCountries } from '../knowledge/countries.js';
import { loadPlaceFile, type PlaceEntry } from './place-data.js';
import { loadRegionExtras, loadRegionFile } from './region-data.js';
import { wordsOf } from '../syntax/english.js';

export type PlaceKind = 'country' | 'city' | 'region';

export interface GazetteerPlace {
  /** Canonical name: the country's common name, the city's or the region's English name. */
  readonly name: string;
  /** ISO-3166 alpha-3. */
  readonly country: string;
  /** Null for regions, which have no coordinates in the data. */
  readonly lat: number | null;
  readonly lon: number | null;
  readonly kind: PlaceKind;
  readonly capital: boolean;
  readonly population: number | null;
}

export interface PlaceMatch {
  /** Token indices: first (inclusive) and last (exclusive). */
  readonly start: number;
  readonly end: number;
  readonly place: GazetteerPlace;
}

export interface Gazetteer {
  /** cities, regions and the ambiguity lists; the countries table's own sources are listed by CountryTable. */
  readonly sources: readonly KnowledgeSource[];
  /** A place by name ("China", "the United States", "Beijing"), or null. */
  lookup(name: string): GazetteerPlace | null;
  /** The country's centroid as a place, by ISO alpha-3 code. */
  country(code: string): GazetteerPlace | null;
  /**
   * The longest place name starting at token `i` (within its sentence), or null. The first token
   * must be capitalised; city and region names on the ambiguity lists are never matched.
   */
  matchAt(tokens: readonly Token[], i: number): PlaceMatch | null;
}

const ambiguousSchema = z.object({ id: z.string().min(1), why: z.string().optional() }).strict();

/** Lower case, curly quotes folded, whitespace collapsed. */
export function normalisePlaceName(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ').trim();
}

/** Division words a region's name may be followed by: "Sindh province", "West Darfur State". */
const REGION_WORDS = wordsOf('place.division');

/** True when token `last + 1` is a division word in the same sentence, after a space. */
function regionWordAt(tokens: readonly Token[], last: number): boolean {
  const next = tokens[last + 1];
  return next !== undefined && next.sentence === tokens[last].sentence && REGION_WORDS.has(next.normal) && next.start > tokens[last].end;
}

/** Extends a region's match over a division word right after it. */
function withRegionWord(tokens: readonly Token[], m: PlaceMatch): PlaceMatch {
  return m.place.kind === 'region' && regionWordAt(tokens, m.end - 1) ? { ...m, end: m.end + 1 } : m;
}

function firstWord(key: string): string {
  return key.split(/[^\p{L}\p{N}]/u)[0];
}

export class IndexedGazetteer implements Gazetteer {
  readonly sources: readonly KnowledgeSource[];
  private readonly byName = new Map<string, GazetteerPlace>();
  private readonly byCountry = new Map<string, GazetteerPlace>();
  /** Regions whose bare name is ambiguous: they match only with a division word ("Delta State"). */
  private readonly withWordOnly = new Map<string, GazetteerPlace>();
  private readonly firstWords = new Set<string>();
  private maxKeyLength = 0;

  constructor(sources: readonly KnowledgeSource[]) {
    this.sources = sources;
  }

  /** Countries first, then capitals, then cities by population: the first holder of a name keeps it. */
  add(name: string, place: GazetteerPlace): void {
    const key = normalisePlaceName(name);
    if (key === '' || this.byName.has(key)) return;
    this.byName.set(key, place);
    this.firstWords.add(firstWord(key));
    this.maxKeyLength = Math.max(this.maxKeyLength, key.length);
  }

  addWithWordOnly(name: string, place: GazetteerPlace): void {
    const key = normalisePlaceName(name);
    if (key === '' || this.byName.has(key) || this.withWordOnly.has(key)) return;
    this.withWordOnly.set(key, place);
    this.firstWords.add(firstWord(key));
  }

  addCountry(place: GazetteerPlace): void {
    this.byCountry.set(place.country, place);
  }

  lookup(name: string): GazetteerPlace | null {
    const key = normalisePlaceName(name);
    const found = this.byName.get(key) ?? (key.startsWith('the ') ? this.byName.get(key.slice(4)) : undefined);
    if (found) return found;
    // "Sindh province", "West Darfur State": a region's name and its division word.
    const space = key.lastIndexOf(' ');
    const bare = space >= 0 && REGION_WORDS.has(key.slice(space + 1)) ? key.slice(0, space) : '';
    const region = this.byName.get(bare) ?? this.withWordOnly.get(bare);
    return region?.kind === 'region' ? region : null;
  }

  country(code: string): GazetteerPlace | null {
    return this.byCountry.get(code.toUpperCase()) ?? null;
  }

  matchAt(tokens: readonly Token[], i: number): PlaceMatch | null {
    const first = tokens[i];
    if (!first || !/^\p{Lu}/u.test(first.text) || !this.firstWords.has(firstWord(first.normal))) return null;
    let key = first.normal;
    let best: PlaceMatch | null = null;
    for (let j = i; j < tokens.length; j++) {
      const tok = tokens[j];
      if (j > i) {
        if (tok.sentence !== first.sentence) break;
        key += (tok.start > tokens[j - 1].end ? ' ' : '') + tok.normal;
      }
      if (key.length > this.maxKeyLength) break;
      const place = this.byName.get(key);
      if (place) best = { start: i, end: j + 1, place };
      const needsWord = this.withWordOnly.get(key);
      if (needsWord && regionWordAt(tokens, j)) best = { start: i, end: j + 1, place: needsWord };
    }
    return best && withRegionWord(tokens, best);
  }
}

function cityPlace(e: PlaceEntry, name: string): GazetteerPlace {
  return { name, country: e.country, lat: e.lat, lon: e.lon, kind: 'city', capital: e.capital, population: e.population };
}

function loadAmbiguous(file: string): { readonly source: KnowledgeSource; readonly names: Set<string> } {
  const data = loadDataFile(file, 'places-ambiguous', ambiguousSchema);
  return { source: { file: data.file, version: data.version }, names: new Set(data.entries.map((e) => normalisePlaceName(e.value.id))) };
}

/**
 * Loads countries, data/places/capitals.yaml, cities.yaml, regions.yaml, region-extras.yaml and the
 * ambiguity lists (ambiguous.yaml by hand, ambiguous-words.yaml generated) from `dataDir` (data/).
 * Countries come first, then capitals and cities of 250,000 people or more, then first-level regions, then
 * the other cities by population, then the hand-kept informal regions: the first holder of a name keeps it. The generated list never hides a capital.
 */
const MAJOR_CITY = 250_000;

export function loadGazetteer(dataDir: string): Gazetteer {
  const dir = join(dataDir, 'places');
  const countries = loadCountries(dataDir);
  const capitals = loadPlaceFile(join(dir, 'capitals.yaml'));
  const cities = loadPlaceFile(join(dir, 'cities.yaml'));
  const regions = loadRegionFile(join(dir, 'regions.yaml'));
  const extras = loadRegionExtras(join(dir, 'region-extras.yaml'));
  const byHand = loadAmbiguous(join(dir, 'ambiguous.yaml'));
  const byRule = loadAmbiguous(join(dir, 'ambiguous-words.yaml'));
  // The countries table reports its own files (world-countries, country-names, capitals).
  const gaz = new IndexedGazetteer([
    { file: cities.file, version: cities.version },
    { file: regions.file, version: regions.version },
    { file: extras.file, version: extras.version },
    byHand.source,
    byRule.source,
  ]);
  for (const c of countries.all()) {
    const place: GazetteerPlace = { name: c.name, country: c.code, lat: c.lat, lon: c.lon, kind: 'country', capital: false, population: null };
    gaz.addCountry(place);
    for (const name of c.names) gaz.add(name, place);
  }
  const hidden = (name: string, capital: boolean): boolean => {
    const key = normalisePlaceName(name);
    return byHand.names.has(key) || (!capital && byRule.names.has(key));
  };
  const entries = [...capitals.entries, ...cities.entries].map((e) => e.value)
    .sort((a, b) => Number(b.capital) - Number(a.capital) || b.population - a.population);
  const addCity = (e: (typeof entries)[number]): void => {
    const place = cityPlace(e, e.name);
    for (const name of [e.name, ...e.alt]) if (!hidden(name, e.capital)) gaz.add(name, place);
  };
  // Capitals and cities of 250,000 come before regions; a smaller city does not hide a region
  // ("Virginia" is the US state, not the South African town).
  const major = (e: (typeof entries)[number]): boolean => e.capital || e.population >= MAJOR_CITY;
  entries.filter(major).forEach(addCity);
  const addRegion = (e: (typeof regions.entries)[number]['value']): void => {
    const place: GazetteerPlace = { name: e.name, country: e.country, lat: e.lat, lon: e.lon, kind: 'region', capital: false, population: null };
    for (const name of [e.name, ...e.alt]) {
      if (!hidden(name, false)) gaz.add(name, place);
      else if (!byHand.names.has(normalisePlaceName(name))) gaz.addWithWordOnly(name, place);
    }
  };
  regions.entries.forEach((x) => addRegion(x.value));
  entries.filter((e) => !major(e)).forEach(addCity);
  // Informal regions last: "Gaza" is the city, "Gaza Strip" the region.
  extras.entries.forEach((x) => addRegion(x.value));
  return gaz;
}
