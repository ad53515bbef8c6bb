/**
 * Schema of actor dictionary entries (data/actors/*.yaml and user files given with --dictionary).
 *
 * kinds:
 *  - person:        a named person with dated roles ("Vladimir Putin").
 *  - organisation:  an IGO, NGO, party, company or group with a fixed code ("NATO").
 *  - country:       extra names for a country ("Britain", "U.S."); countries themselves come
 *                   from the world-countries package.
 *  - seat:          a place standing for a government ("the Kremlin", "Downing Street").
 *  - agent:         a generic agent mapped to a sector ("troops", "police", "rebels").
 *  - title:         a title that names an office ("president", "foreign minister").
 *  - group:         a plural reference resolved by coreference ("the two leaders").
 *  - ethnic:        an ethnic group living across borders ("Kurds", "Tamils"); coded by the country it
 *                   lives in (see src/actors/ethnic.ts for the rule), with CVL and an ethnic tag.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
/** YAML reads unquoted dates as Date objects; accept both and keep the ISO text. */
const dateField = z.union([isoDate, z.date().transform((d) => d.toISOString().slice(0, 10))]);
const countryCode = z.string().regex(/^[A-Z]{3}$/, 'expected a 3-letter code (ISO-3166 alpha-3, or IGO/NGO/...)');
/** CAMEO sector codes, one or several ("GOV", "GOVFRM"); imported dictionaries add longer IGO codes ("UNOKID"). */
const sectorCode = z.string().regex(/^[A-Z]{3}[A-Z0-9]*$/, 'expected a sector code such as GOV, MIL');
const name = z.string().min(1).refine((s) => s.trim() === s, 'names must not start or end with spaces');

export const offices = [
  'head_of_state', 'head_of_government', 'foreign_minister', 'defence_minister', 'finance_minister',
  'interior_minister', 'minister', 'legislator', 'judge', 'military_commander', 'diplomat', 'other',
  /** An imported role that gives a code, not an office (PETRARCH's `[RUSGOV 991231-080507]`). */
  'coded',
] as const;
export type Office = (typeof offices)[number];

export const roleSchema = z.object({
  /** As written in a title: "President", "Premier", "Chancellor", "Secretary of State". */
  role: name,
  office: z.enum(offices),
  /** Country the role is held in; defaults to the person's country. */
  country: countryCode.optional(),
  /** null: the role names the country only (an imported `[AFG 990101-000101]`). */
  sector: sectorCode.nullable().default('GOV'),
  /** Absent: held since before any record (an imported `[CODE <date]` or default `[CODE]`). */
  start: dateField.optional(),
  /** Absent while the role is held. The end day is the first day out of office. */
  end: dateField.optional(),
  note: z.string().optional(),
}).strict().refine((r) => r.end === undefined || r.start === undefined || r.end >= r.start, { message: 'role ends before it starts', path: ['end'] });
export type RoleEntry = z.infer<typeof roleSchema>;

const base = {
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lower-case words joined by . _ -'),
  names: z.array(name).min(1),
  note: z.string().optional(),
};

export const personSchema = z.object({
  ...base,
  kind: z.literal('person'),
  country: countryCode,
  /** Surnames that are too common to match alone; they match only after a title or a full name. */
  titledNames: z.array(name).default([]),
  roles: z.array(roleSchema).default([]),
}).strict();

export const organisationSchema = z.object({
  ...base,
  kind: z.literal('organisation'),
  /** Full actor code, e.g. IGONAT, IGOUNO, NGOAMN. */
  code: z.string().regex(/^[A-Z]{3}[A-Z0-9]*$/),
  country: countryCode,
  sector: sectorCode.nullable().default(null),
  /**
   * Sectors that hold for a time and override `sector` then: a party is GOV while it sits in cabinet
   * (`{sector: GOV, start, end}`) and its `sector` (OPP) otherwise. With periods, the code is the
   * country and the sector at the event's date ("GBRGOV").
   */
  periods: z.array(z.object({ sector: sectorCode, start: dateField, end: dateField.optional() }).strict()).default([]),
}).strict();

export const countryAliasSchema = z.object({
  ...base,
  kind: z.literal('country'),
  country: countryCode,
}).strict();

export const seatSchema = z.object({
  ...base,
  kind: z.literal('seat'),
  country: countryCode,
  sector: sectorCode.default('GOV'),
}).strict();

export const agentSchema = z.object({
  ...base,
  kind: z.literal('agent'),
  sector: sectorCode,
  /**
   * A person noun that takes the sector of an agent noun before it: "rebel leaders" REB, "army officers"
   * MIL, "opposition candidates" OPP. Alone it keeps its own sector.
   */
  inherits: z.boolean().default(false),
  /**
   * false: the noun names an actor only with its country ("Syrian aircraft", "villagers in Darfur",
   * "Macedonia's farmers"). Imported agent nouns are too general to stand alone ("deputies" are
   * legislators or sheriff's deputies, "citizens" anyone's).
   */
  standalone: z.boolean().default(true),
}).strict();

export const ethnicSchema = z.object({
  ...base,
  kind: z.literal('ethnic'),
  /** Home country: the code when neither a modifier nor the sentence says where the group lives. */
  country: countryCode,
  /** Other countries the group lives in; a sentence naming one of them places the group there. */
  lands: z.array(countryCode).default([]),
  /** Ethnic tag after the sector, CAMEO style ("KUR": IRQCVLKUR). */
  tag: z.string().regex(/^[A-Z]{3}$/, 'expected a 3-letter ethnic tag'),
  /** Adjectives ("Kurdish", "Tamil") that name the group only before an agent ("Kurdish rebels"). */
  adjectives: z.array(name).default([]),
}).strict();

export const titleSchema = z.object({
  ...base,
  kind: z.literal('title'),
  office: z.enum(offices),
  sector: sectorCode.default('GOV'),
}).strict();

export const groupSchema = z.object({
  ...base,
  kind: z.literal('group'),
  /** What the group refers back to: the last two persons, or the last two countries. */
  refers: z.enum(['persons', 'countries']),
  count: z.number().int().min(2).default(2),
}).strict();

export const actorEntrySchema = z.discriminatedUnion('kind', [
  personSchema, organisationSchema, countryAliasSchema, seatSchema, agentSchema, titleSchema, groupSchema, ethnicSchema,
]);
export type ActorEntry = z.infer<typeof actorEntrySchema>;
export type PersonEntry = z.infer<typeof personSchema>;
export type TitleEntry = z.infer<typeof titleSchema>;
export type EthnicEntry = z.infer<typeof ethnicSchema>;
export type OrganisationEntry = z.infer<typeof organisationSchema>;
