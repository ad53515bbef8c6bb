/**
 * Readers for gold-standard files (formats documented in src/eval/README.md):
 *  - `plover`: PLOVER gold-standard records, JSON Lines (see plover-gold.ts);
 *  - `seed`:   a hand-coded article (../shared/seed/*.expected.json): required, acceptable and
 *              forbidden events, the text in the file its `document.file` names;
 *  - `cameo`:  our own JSON Lines, one text per line with CAMEO-coded events.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import type { ModalityValue } from '../core/doc.js';
import { DyadError } from '../core/errors.js';
import { describeZodError, parseJsonLines } from './jsonl.js';
import { normaliseCountry, normaliseSector, parsePloverGold, ploverType2021, UNKNOWN_ACTOR } from './plover-gold.js';
import type { ForbiddenRules, GoldActor, GoldEvent, GoldFormat, GoldItem } from './types.js';

const modalities = ['occurred', 'planned', 'expected', 'hypothetical', 'negated', 'claimed'] as const satisfies readonly ModalityValue[];
const cameoCode = z.string().regex(/^\d{2,4}$/, 'expected a CAMEO code string such as "042"');
const altList = z.union([z.string(), z.array(z.string())]);

const actorSpec = z.looseObject({
  /** One code, or alternatives joined by `|` ("IGO|NATO|USA"). */
  country: z.string().min(1),
  sector: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
});

const eventSpec = z.looseObject({
  id: z.string().min(1).optional(),
  source: actorSpec.nullable().optional(),
  target: actorSpec.nullable().optional(),
  symmetric: z.boolean().optional(),
  cameo: z.array(cameoCode).min(1),
  plover: altList.optional(),
  modality: z.enum(modalities).optional(),
  cue: z.string().optional(),
});
type EventSpec = z.infer<typeof eventSpec>;

const cameoRecord = z.looseObject({
  id: z.string().min(1),
  text: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
  events: z.array(eventSpec),
  acceptable: z.array(eventSpec).optional(),
});

const seedFile = z.looseObject({
  document: z.looseObject({ file: z.string().min(1), published: z.string().nullable().optional() }),
  required: z.array(eventSpec.extend({ id: z.string().min(1) })),
  acceptable: z.array(eventSpec).optional(),
  forbidden: z.looseObject({
    note: z.string().optional(),
    modality: z.array(z.enum(modalities)).optional(),
    cameoRoots: z.array(z.string().regex(/^\d{2}$/)).optional(),
  }).optional(),
});

function splitAlternatives(value: string | readonly string[] | undefined): string[] {
  const parts = typeof value === 'string' ? value.split('|') : [...(value ?? [])];
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function toActor(spec: z.infer<typeof actorSpec>): GoldActor {
  const countries = splitAlternatives(spec.country);
  return {
    countries: countries.some((c) => c.includes('***')) ? [] : countries.map(normaliseCountry),
    sector: normaliseSector(spec.sector),
    name: spec.name ?? null,
  };
}

function toEvent(spec: EventSpec, id: string): GoldEvent {
  return {
    id,
    group: id,
    source: spec.source ? toActor(spec.source) : UNKNOWN_ACTOR,
    target: spec.target ? toActor(spec.target) : null,
    symmetric: spec.symmetric ?? false,
    cameo: spec.cameo,
    plover: splitAlternatives(spec.plover).map(ploverType2021),
    modality: spec.modality ?? null,
    cue: spec.cue ?? null,
  };
}

function toEvents(specs: readonly EventSpec[] | undefined, prefix: string): GoldEvent[] {
  return (specs ?? []).map((s, i) => toEvent(s, s.id ?? `${prefix}${i + 1}`));
}

/** Parses our own CAMEO gold JSON Lines. */
export function parseCameoGold(source: string, file: string): GoldItem[] {
  return parseJsonLines(source, file, cameoRecord).map((r) => ({
    id: r.id,
    text: r.text,
    date: r.date ?? null,
    scheme: 'cameo',
    required: toEvents(r.events, `${r.id}#`),
    acceptable: toEvents(r.acceptable, `${r.id}#acceptable-`),
    forbidden: null,
  }));
}

/** Parses a seed expectations object; `text` is the article, `id` the item's key. */
export function parseSeedGold(json: unknown, text: string, id: string, file = id): GoldItem {
  const parsed = seedFile.safeParse(json);
  if (!parsed.success) throw new DyadError('INPUT_JSONL', describeZodError(parsed.error), file);
  const seed = parsed.data;
  const forbidden: ForbiddenRules | null = seed.forbidden
    ? { modality: seed.forbidden.modality ?? [], cameoRoots: seed.forbidden.cameoRoots ?? [], note: seed.forbidden.note ?? null }
    : null;
  return {
    id,
    text,
    date: seed.document.published ?? null,
    scheme: 'cameo',
    required: toEvents(seed.required, 'required-'),
    acceptable: toEvents(seed.acceptable, 'acceptable-'),
    forbidden,
  };
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new DyadError('INPUT_UNREADABLE', `cannot read gold file: ${(err as Error).message}`, file);
  }
}

/** A seed file: its item id is the article's file name without extension ("state-visit"). */
export function readSeedGold(file: string): GoldItem {
  let json: unknown;
  try {
    json = JSON.parse(readText(file));
  } catch (err) {
    if (err instanceof DyadError) throw err;
    throw new DyadError('INPUT_JSONL', `not valid JSON: ${(err as Error).message}`, file);
  }
  const doc = (json as { document?: { file?: unknown } } | null)?.document?.file;
  if (typeof doc !== 'string') throw new DyadError('INPUT_JSONL', 'document.file is missing', file);
  const text = readText(join(dirname(file), doc));
  return parseSeedGold(json, text, basename(doc, extname(doc)), file);
}

/** Reads a gold file of the given format. */
export function readGold(file: string, format: GoldFormat): GoldItem[] {
  switch (format) {
    case 'plover': return parsePloverGold(readText(file), file);
    case 'cameo': return parseCameoGold(readText(file), file);
    case 'seed': return [readSeedGold(file)];
  }
}
