/**
 * The gazetteer: countries (centroids), capitals and major cities, looked up by name or matched
 * over a document's tokens.
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

export type PlaceKind = 'country' | 'city';

export interface GazetteerPlace {
  /** Canonical name: the country's common name, or the city's English name. */
  readonly name: string;
  /** ISO-3166 alpha-3. */
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
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
  /** cities.yaml and ambiguous.yaml; the countries table's own sources are listed by CountryTable. */
  readonly sources: readonly KnowledgeSource[];
  /** A place by name ("China", "the United States", "Beijing"), or null. */
  lookup(name: string): GazetteerPlace | null;
  /** The country's centroid as a place, by ISO alpha-3 code. */
  country(code: string): GazetteerPlace | null;
  /**
   * The longest place name starting at token `i` (within its sentence), or null. The first token
   * must be capitalised; city names on the ambiguity list are never matched.
   */
  matchAt(tokens: readonly Token[], i: number): PlaceMatch | null;
}

const ambiguousSchema = z.object({ id: z.string().min(1), why: z.string().optional() }).strict();

/** Lower case, curly quotes folded, whitespace collapsed. */
export function normalisePlaceName(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ').trim();
}

function firstWord(key: string): string {
  return key.split(/[^\p{L}\p{N}]/u)[0];
}

class IndexedGazetteer implements Gazetteer {
  readonly sources: readonly KnowledgeSource[];
  private readonly byName = new Map<string, GazetteerPlace>();
  private readonly byCountry = new Map<string, GazetteerPlace>();
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

  addCountry(place: GazetteerPlace): void {
    this.byCountry.set(place.country, place);
  }

  lookup(name: string): GazetteerPlace | null {
    const key = normalisePlaceName(name);
    return this.byName.get(key) ?? (key.startsWith('the ') ? this.byName.get(key.slice(4)) : undefined) ?? null;
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
    }
    return best;
  }
}

function cityPlace(e: PlaceEntry, name: string): GazetteerPlace {
  return { name, country: e.country, lat: e.lat, lon: e.lon, kind: 'city', capital: e.capital, population: e.population };
}

/** Loads countries, data/places/capitals.yaml, cities.yaml and ambiguous.yaml from `dataDir` (the data/ folder). */
export function loadGazetteer(dataDir: string): Gazetteer {
  const countries = loadCountries(dataDir);
  const capitals = loadPlaceFile(join(dataDir, 'places', 'capitals.yaml'));
  const cities = loadPlaceFile(join(dataDir, 'places', 'cities.yaml'));
  const ambiguous = loadDataFile(join(dataDir, 'places', 'ambiguous.yaml'), 'places-ambiguous', ambiguousSchema);
  // The countries table reports its own files (world-countries, country-names, capitals).
  const gaz = new IndexedGazetteer([
    { file: cities.file, version: cities.version },
    { file: ambiguous.file, version: ambiguous.version },
  ]);
  for (const c of countries.all()) {
    const place: GazetteerPlace = { name: c.name, country: c.code, lat: c.lat, lon: c.lon, kind: 'country', capital: false, population: null };
    gaz.addCountry(place);
    for (const name of c.names) gaz.add(name, place);
  }
  const skip = new Set(ambiguous.entries.map((e) => normalisePlaceName(e.value.id)));
  const entries = [...capitals.entries, ...cities.entries].map((e) => e.value)
    .sort((a, b) => Number(b.capital) - Number(a.capital) || b.population - a.population);
  for (const e of entries) {
    const place = cityPlace(e, e.name);
    for (const name of [e.name, ...e.alt]) {
      if (!skip.has(normalisePlaceName(name))) gaz.add(name, place);
    }
  }
  return gaz;
}
