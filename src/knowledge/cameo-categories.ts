/**
 * CAMEO categories (data/cameo/categories.yaml): which codes are force, visits, content events,
 * meetings, ... defined once, in the codebook data; every rule asks here instead of naming codes.
 *
 * Loaded once, with the rest of the knowledge, from the data folder (`loadCameo`: validated with
 * file:line errors, its codes checked against the codebook, hashed into the knowledge version, kept in
 * the knowledge cache). A coder answers `isCameo` from its own knowledge's categories while it codes
 * (`withCameoKnowledge`, set by createCoder), so a custom `dataDir`'s file is the one the rules read.
 * Outside a coder (visit listings read from the store) the package's data/ is read, once, on first use.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { KnowledgeError, type KnowledgeIssue } from '../core/errors.js';
import { loadDataFile, type DataFile } from './data-file.js';

/** The categories the code asks for; the file must define each, and no other. */
export const CAMEO_CATEGORIES = [
  'force', 'violent', 'material-conflict', 'protest', 'threaten',
  'content', 'clause-content', 'demand', 'disapprove', 'accuse', 'intend',
  'consult', 'symmetric', 'visit', 'host', 'container', 'meeting', 'outcome', 'visit-context', 'sign',
  'related-meet', 'related-cooperate', 'related-complain',
  'domestic-concession',
  'respond-to-act', 'expel',
  'threat-of-reduction', 'threat-of-sanction', 'threat-of-protest', 'threat-of-repression', 'threat-of-force',
] as const;
export type CameoCategory = (typeof CAMEO_CATEGORIES)[number];

const code = z.string().regex(/^\d{2,4}$/, 'expected a quoted CAMEO code such as "042"');

const entrySchema = z.object({
  id: z.enum(CAMEO_CATEGORIES),
  codes: z.array(code).min(1),
  except: z.array(code).default([]),
  exact: z.boolean().default(false),
  threat: code.optional(),
  about: z.string().min(1),
}).strict();
type CategoryEntry = z.infer<typeof entrySchema>;

interface CategoryCodes {
  readonly codes: readonly string[];
  readonly except: readonly string[];
  readonly exact: boolean;
  /** The threat an act of the category is when told as conditional ("would recall ... if"). */
  readonly threat?: string;
}

export interface CameoCategories {
  readonly file: string;
  readonly version: string;
  /** Is `cameo` (a code, or a dictionary's code such as "174K") in the category? */
  has(category: CameoCategory, cameo: string): boolean;
  /**
   * The category as ranges of code strings, [from, to) each, adjacent ones joined ("03", "04", "05" ->
   * ["03", "06"]), for SQL. Only for a category of whole branches (no `except`, not `exact`).
   */
  ranges(category: CameoCategory): readonly (readonly [string, string])[];
  /** The threat code of an act (`cameo`) told as conditional, or null when no category gives one. */
  threatOf(cameo: string): string | null;
}

const covers = (c: CategoryCodes, cameo: string, listed: string): boolean => (c.exact ? cameo === listed : cameo.startsWith(listed));

/** The first string after every code that starts with `prefix` ("042" -> "043", "19" -> "20", "99" -> "9:"). */
function after(prefix: string): string {
  const next = String(Number(prefix) + 1).padStart(prefix.length, '0');
  return next.length === prefix.length ? next : `${prefix.slice(0, -1)}:`;
}

/** Plain data and a registered class (src/knowledge/cache.ts), so the knowledge cache can store it. */
export class CameoCategoryTable implements CameoCategories {
  constructor(readonly file: string, readonly version: string, private readonly byName: ReadonlyMap<CameoCategory, CategoryCodes>) {}

  private get(category: CameoCategory): CategoryCodes {
    const c = this.byName.get(category);
    if (!c) throw new Error(`CAMEO category ${category} is not defined in ${this.file}`);
    return c;
  }

  has(category: CameoCategory, cameo: string): boolean {
    const c = this.get(category);
    return c.codes.some((x) => covers(c, cameo, x)) && !c.except.some((x) => covers(c, cameo, x));
  }

  threatOf(cameo: string): string | null {
    for (const [name, c] of this.byName) if (c.threat !== undefined && this.has(name, cameo)) return c.threat;
    return null;
  }

  ranges(category: CameoCategory): readonly (readonly [string, string])[] {
    const c = this.get(category);
    if (c.exact || c.except.length) throw new Error(`CAMEO category ${category} is not whole branches; it has no code ranges`);
    const out: [string, string][] = [];
    for (const x of [...c.codes].sort()) {
      const prev = out[out.length - 1];
      if (prev && prev[1] === x) prev[1] = after(x);
      else if (!prev || x >= prev[1]) out.push([x, after(x)]);
    }
    return out;
  }
}

/** Every category the code asks for is defined; with `known` (the codebook), every code is a CAMEO code. */
function check(data: DataFile<CategoryEntry>, known: ReadonlySet<string> | null): void {
  const issues: KnowledgeIssue[] = [];
  const defined = new Set(data.entries.map((e) => e.value.id));
  for (const name of CAMEO_CATEGORIES) {
    if (!defined.has(name)) issues.push({ file: data.file, line: 1, entry: name, message: 'category is not defined (the code asks for it)' });
  }
  for (const e of known ? data.entries : []) {
    for (const c of [...e.value.codes, ...e.value.except]) {
      if (!known?.has(c)) issues.push({ file: data.file, line: e.line, entry: e.value.id, message: `${c} is not a code of the CAMEO codebook` });
    }
  }
  if (issues.length) throw new KnowledgeError(issues);
}

export const CATEGORIES_FILE = fileURLToPath(new URL('../../data/cameo/categories.yaml', import.meta.url));

/** Loads and checks a categories file; `known` is the codebook's codes, when at hand. */
export function loadCameoCategories(file: string = CATEGORIES_FILE, known: ReadonlySet<string> | null = null): CameoCategories {
  const data = loadDataFile(file, 'cameo-categories', entrySchema);
  check(data, known);
  const byName = new Map(data.entries.map((e) => [e.value.id, {
    codes: e.value.codes, except: e.value.except, exact: e.value.exact, ...(e.value.threat ? { threat: e.value.threat } : {}),
  }]));
  return new CameoCategoryTable(data.file, data.version, byName);
}

/** The CAMEO semantics a coder's knowledge carries (CameoKnowledge has both). */
export interface CameoSemantics {
  readonly categories: CameoCategories;
  readonly actorTypes: CameoActorTypes;
}

/** The semantics of the coder now coding (withCameoKnowledge); null outside one. */
let scoped: CameoSemantics | null = null;

/** Runs `run` with `semantics` answering isCameo and isActorType (coding is synchronous). */
export function withCameoKnowledge<T>(semantics: CameoSemantics, run: () => T): T {
  const outer = scoped;
  scoped = semantics;
  try {
    return run();
  } finally {
    scoped = outer;
  }
}

let shared: CameoCategories | null = null;

/** The categories in force: the coding coder's, else the package's (loaded on first use). */
export function cameoCategories(): CameoCategories {
  if (scoped) return scoped.categories;
  shared ??= loadCameoCategories();
  return shared;
}

/** The threat an act is when told as conditional ("would recall its envoy if"), or null (data/cameo/categories.yaml). */
export function threatOf(cameo: string): string | null {
  return cameoCategories().threatOf(cameo);
}

/** Is `cameo` in the category? (data/cameo/categories.yaml) */
export function isCameo(category: CameoCategory, cameo: string): boolean {
  return cameoCategories().has(category, cameo);
}

/** Groups of CAMEO actor codes that stand in a country's place but name no state (data/cameo/actor-types.yaml). */
export const CAMEO_ACTOR_TYPES = ['non-state', 'non-state-or-company', 'organisation-or-company'] as const;
export type CameoActorType = (typeof CAMEO_ACTOR_TYPES)[number];

const actorTypeSchema = z.object({
  id: z.enum(CAMEO_ACTOR_TYPES),
  codes: z.array(z.string().regex(/^[A-Z]{3}$/, 'expected a three-letter actor code such as "IGO"')).min(1),
  about: z.string().min(1),
}).strict();

export interface CameoActorTypes {
  readonly file: string;
  readonly version: string;
  /** Is the code in a country's place (`actor.country`) one of the group's? */
  has(type: CameoActorType, country: string): boolean;
}

export const ACTOR_TYPES_FILE = fileURLToPath(new URL('../../data/cameo/actor-types.yaml', import.meta.url));

/** Plain data and a registered class (src/knowledge/cache.ts), so the knowledge cache can store it. */
export class CameoActorTypeTable implements CameoActorTypes {
  constructor(readonly file: string, readonly version: string, private readonly byName: ReadonlyMap<CameoActorType, ReadonlySet<string>>) {}

  has(type: CameoActorType, country: string): boolean {
    return this.byName.get(type)?.has(country) ?? false;
  }
}

export function loadCameoActorTypes(file: string = ACTOR_TYPES_FILE): CameoActorTypes {
  const data = loadDataFile(file, 'cameo-actor-types', actorTypeSchema);
  const byName = new Map(data.entries.map((e) => [e.value.id, new Set(e.value.codes)]));
  const missing = CAMEO_ACTOR_TYPES.filter((id) => !byName.has(id));
  if (missing.length) throw new KnowledgeError(missing.map((id) => ({ file: data.file, line: 1, entry: id, message: 'actor type is not defined (the code asks for it)' })));
  return new CameoActorTypeTable(data.file, data.version, byName);
}

let sharedTypes: CameoActorTypes | null = null;

/** Is the code in a country's place one of the group's? (the coding coder's data, else the package's, loaded on first use) */
export function isActorType(type: CameoActorType, country: string): boolean {
  if (scoped) return scoped.actorTypes.has(type, country);
  sharedTypes ??= loadCameoActorTypes();
  return sharedTypes.has(type, country);
}
