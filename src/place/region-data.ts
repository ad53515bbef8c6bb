/**
 * The region data files: data/places/regions.yaml (first-level divisions: provinces, states,
 * oblasts...), written by scripts/build-places.ts from the country-region-data package (MIT), and
 * data/places/region-extras.yaml, kept by hand, for well-known regions that are no first-level
 * division ("Darfur", "Kurdistan", "Chechnya", "Tibet", "Niger Delta").
 *
 * A regions.yaml entry is one row, fields separated by " | ":
 *
 *   - rg:PK-SD | Sindh | PAK | Sindh Province
 *     id       | name  | ISO-3 | other names ("; ")
 *
 * Regions have no coordinates (the package has none); places found from them carry lat/lon null.
 */
import { z } from 'zod';
import { loadDataFile, type DataFile } from '../knowledge/data-file.js';

export const REGIONS_KIND = 'regions';
export const REGION_EXTRAS_KIND = 'region-extras';

export interface RegionEntry {
  /** "rg:<ISO alpha-2>-<code>" for generated rows; the English name for extras. */
  readonly id: string;
  readonly name: string;
  /** ISO-3166 alpha-3. */
  readonly country: string;
  readonly alt: readonly string[];
  readonly lat: number | null;
  readonly lon: number | null;
}

/** Parses one regions.yaml row; returns a message when the row is malformed. */
export function parseRegionRow(row: string): RegionEntry | string {
  const f = row.split('|').map((s) => s.trim());
  if (f.length < 3 || f.length > 4) return `expected 3 or 4 fields separated by "|", got ${f.length}`;
  const [id, name, country, altText = ''] = f;
  if (!/^rg:[A-Z]{2}-[A-Z0-9]+$/.test(id)) return `id "${id}" is not rg:<ISO-2>-<code>`;
  if (name === '') return 'name is empty';
  if (!/^[A-Z]{3}$/.test(country)) return `country "${country}" is not an ISO-3166 alpha-3 code`;
  const alt = altText.split(';').map((s) => s.trim()).filter((s) => s !== '');
  return { id, name, country, alt, lat: null, lon: null };
}

export function formatRegionRow(e: RegionEntry): string {
  return [e.id, e.name, e.country, e.alt.join('; ')].join(' | ').trimEnd();
}

const regionRowSchema: z.ZodType<RegionEntry> = z.string().transform((row, ctx) => {
  const parsed = parseRegionRow(row);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
});

const extraSchema = z.object({
  id: z.string().min(1),
  country: z.string().regex(/^[A-Z]{3}$/),
  alt: z.array(z.string().min(1)).default([]),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  why: z.string().optional(),
}).strict().transform((x): RegionEntry => ({ id: x.id, name: x.id, country: x.country, alt: x.alt, lat: x.lat ?? null, lon: x.lon ?? null }));

export function loadRegionFile(file: string): DataFile<RegionEntry> {
  return loadDataFile(file, REGIONS_KIND, regionRowSchema);
}

export function loadRegionExtras(file: string): DataFile<RegionEntry> {
  return loadDataFile(file, REGION_EXTRAS_KIND, extraSchema);
}
