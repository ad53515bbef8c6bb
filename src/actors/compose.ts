/**
 * MentionComposer: joins adjacent dictionary matches into actor mentions.
 *
 *   "Chinese President Xi Jinping"  country + title + person  -> person (Xi), country and office as hints
 *   "Russia's foreign minister"     country 's title          -> title query (resolved at the event's date)
 *   "Russian troops"                country + agent           -> RUSMIL
 *   "Hungarian and Romanian officials"                        -> HUNGOV, ROUGOV
 *   "the Kremlin", "Beijing"        seat / capital            -> RUSGOV, CHNGOV
 */
import type { ActorRef, MentionKind, Token } from '../core/doc.js';
import type { ActorDictionary, Phrase, PhraseTarget } from './dictionary.js';
import type { PhraseMatch } from './matcher.js';
import type { Office, PersonEntry } from './schema.js';
import { ethnicDraft, type EthnicPlace } from './ethnic.js';
import { headSector, modifierAgent, modifierStart, type ModifierAgent } from './modifiers.js';
import { isPlaceTarget, LOCATED } from './places.js';
import { CALENDAR_NAMES, NAME_PARTICLES, wordsOf } from '../syntax/english.js';
import { isActorType } from '../knowledge/cameo-categories.js';

export interface MentionDraft {
  readonly first: number;
  readonly end: number;
  readonly kind: MentionKind;
  readonly actors: readonly ActorRef[];
  readonly ruleId: string;
  readonly titleQuery?: { readonly country: string | null; readonly role: string; readonly office: Office };
  readonly group?: { readonly refers: 'persons' | 'countries'; readonly count: number };
  readonly modifier?: boolean;
  /** A possessive pronoun ("his"), which may refer forward within its sentence. */
  readonly possessive?: boolean;
  /** "it"/"they" right after a reporting verb (token index): the verb's subject. */
  readonly speakerVerb?: number;
  /** An ethnic group whose country the sentence may still decide (src/actors/ethnic.ts). */
  readonly ethnic?: EthnicPlace;
  /** An agent noun that names an actor only once its sentence or story gives it a country ("Rioters blocked roads"). */
  readonly countryNeeded?: boolean;
}

type Kind = PhraseTarget['kind'];

/** Which match kinds may follow which inside one mention. */
const FOLLOWS: Readonly<Record<Kind, readonly Kind[]>> = {
  country: ['title', 'agent', 'person', 'organisation', 'ethnic'],
  ethnic: ['agent', 'title'],
  title: ['title', 'person'],
  organisation: ['title', 'agent'],
  seat: [],
  person: [],
  agent: [],
  group: [],
};

/** Second halves of compounds that say where a thing or person comes from, not who acts ("Russian-made"). */
const MADE_BY = wordsOf('verb.made-by');

export function countryActor(country: string, sector: string | null = null): ActorRef {
  return { code: country + (sector ?? ''), country, sector, name: null, role: null, entityId: null };
}

/** "Norwegian shipping firms", "Chilean mining companies": a gerund modifying a noun, which taggers often read as a verb. */
function gerund(t: Token): boolean {
  return t.pos === 'VERB' && t.normal.endsWith('ing');
}

/** "Indian foreign ministry", "Chinese state media": a country may qualify an agent across two modifiers. */
function modifiersBetween(prev: PhraseMatch, next: PhraseMatch, tokens: readonly Token[]): boolean {
  const kind = next.phrase.target.kind;
  const prevKind = prev.phrase.target.kind;
  if ((prevKind !== 'country' && prevKind !== 'ethnic') || (kind !== 'agent' && kind !== 'title')) return false;
  const gap = tokens.slice(prev.end, next.first).filter((t, k) => !(k === 0 && (t.normal === "'s" || t.normal === "'")));
  const span = next.first - prev.end;
  // "Indian foreign ministry", "Nigerian junior foreign minister", "Ivory Coast's Supreme Court".
  return span > 0 && gap.length <= 2 && gap.every((t) => t.pos === 'ADJ' || t.pos === 'PROPN' || ((t.pos === 'NOUN' || gerund(t)) && /^[a-z]/.test(t.text)));
}

const MEETING_WORDS = wordsOf('noun.meeting');

/**
 * "resume talks with communist rebels in Oslo", "met opposition leaders in Nairobi": the other side of a
 * meeting, after "with" or as the meeting verb's object, is followed by where the meeting is, not by
 * where that side is from (a located place then attaches to the meeting, not to the agent at `first`).
 */
function meetingVenue(tokens: readonly Token[], first: number): boolean {
  let k = first - 1;
  while (k >= 0 && (tokens[k].pos === 'DET' || tokens[k].pos === 'ADJ' || tokens[k].pos === 'NUM')) k--;
  if (tokens[k]?.normal === 'with') k--;
  return k >= 0 && MEETING_WORDS.has(tokens[k].normal);
}

/** "the president of Armenia", "leaders of Romania": a title or agent, "of", then the country. */
function ofCountry(prev: PhraseMatch, next: PhraseMatch, tokens: readonly Token[]): boolean {
  const head = prev.phrase.target.kind;
  if ((head !== 'title' && head !== 'agent' && head !== 'ethnic') || next.phrase.target.kind !== 'country') return false;
  const gap = tokens.slice(prev.end, next.first).map((t) => t.normal).join(' ');
  // "rebels in the Ivory Coast", "Kurds in Syria": an agent or a people located in a country belongs to it;
  // but in "talks with the rebels in Oslo" the place is where the meeting is.
  const located = head !== 'title' && LOCATED.has(gap) && !meetingVenue(tokens, prev.first);
  if (head === 'ethnic') return located;
  return gap === 'of' || gap === 'of the' || located;
}

function attached(prev: PhraseMatch, next: PhraseMatch, tokens: readonly Token[]): boolean {
  if (ofCountry(prev, next, tokens)) return true;
  if (!FOLLOWS[prev.phrase.target.kind].includes(next.phrase.target.kind)) return false;
  if (next.first === prev.end || modifiersBetween(prev, next, tokens)) return true;
  const possessive = tokens[prev.end]?.normal === "'s" || tokens[prev.end]?.normal === "'";
  return possessive && next.first === prev.end + 1 && prev.phrase.target.kind !== 'title';
}

/**
 * "Bree Prime Minister Romendacil": a name right after an office, naming the chain's own country, is the
 * office-holder in apposition (one actor), not a second one (a dictionary may code a person by country alone).
 */
function holderOfOffice(chain: readonly PhraseMatch[] | undefined, m: PhraseMatch): boolean {
  const prev = chain?.[chain.length - 1];
  const t = m.phrase.target;
  if (!chain || !prev || t.kind !== 'country' || t.demonym || m.first !== prev.end) return false;
  if (prev.phrase.target.kind !== 'agent' && prev.phrase.target.kind !== 'title') return false;
  return chain.some((x) => x.phrase.target.kind === 'country' && x.phrase.target.country === t.country);
}

/** Splits matches into chains of attached matches. */
export function chains(matches: readonly PhraseMatch[], tokens: readonly Token[]): PhraseMatch[][] {
  const out: PhraseMatch[][] = [];
  for (const m of matches) {
    const last = out[out.length - 1];
    if (last && holderOfOffice(last, m)) {
      last[last.length - 1] = { ...last[last.length - 1], end: m.end };
      continue;
    }
    // "Russian troops in Belarus": a chain that has its country takes no second one.
    const hasCountry = last?.some((x) => x.phrase.target.kind === 'country') && m.phrase.target.kind === 'country';
    if (last && !hasCountry && attached(last[last.length - 1], m, tokens)) last.push(m);
    else out.push([m]);
  }
  return out;
}

export interface ComposeContext {
  readonly dict: ActorDictionary;
  readonly tokens: readonly Token[];
  /** Date to resolve roles at while composing (the publication date); events re-resolve later. */
  readonly date: string | null;
  /** Persons already named in full earlier in the document ("Li" alone may then refer to them). */
  readonly named: ReadonlySet<string>;
}

function pickPerson(options: readonly Phrase[], office: Office | undefined, titled: boolean, ctx: ComposeContext): PersonEntry | null {
  const people = options.flatMap((p) => (p.target.kind === 'person' ? [p.target] : []))
    .filter((t) => !t.titledOnly || titled || ctx.named.has(t.person.id))
    .map((t) => t.person);
  if (people.length <= 1) return people[0] ?? null;
  const active = people.filter((p) => ctx.dict.roleAt(p, ctx.date, office)?.role.office === office);
  return active[0] ?? people.find((p) => ctx.dict.roleAt(p, ctx.date) !== null) ?? people[0];
}

function personDraft(chain: readonly PhraseMatch[], ctx: ComposeContext): MentionDraft | null {
  const at = chain.findIndex((m) => m.phrase.target.kind === 'person');
  const titles = chain.slice(0, at).map((m) => m.phrase.target).filter((t) => t.kind === 'title');
  const office = titles.length ? (titles[titles.length - 1] as { office: Office }).office : undefined;
  const person = pickPerson(chain[at].alternatives, office, titles.length > 0, ctx);
  if (!person) return null;
  return {
    first: chain[0].first,
    end: chain[at].end,
    kind: 'person',
    actors: [ctx.dict.personActor(person, ctx.date, office)],
    ruleId: person.id,
  };
}

/** Capitalised words right after a title that no dictionary knows: "President Abdelaziz Bouteflika". */
function unknownNameEnd(ctx: ComposeContext, end: number): number {
  let k = end;
  const sentence = ctx.tokens[end - 1].sentence;
  const capitalised = (t: Token | undefined): boolean => t !== undefined && t.sentence === sentence && /^[A-Z]/.test(t.text);
  for (;;) {
    if (capitalised(ctx.tokens[k]) && ctx.tokens[k].pos === 'PROPN') k++;
    else if (k > end && particleAt(ctx.tokens, k) > k && capitalised(ctx.tokens[particleAt(ctx.tokens, k)])) k = particleAt(ctx.tokens, k);
    else return k;
  }
}

/**
 * "Saleh al-Mutlaq", "Ahmed bin Salem": a name particle, with its hyphen, inside a name leads on to the
 * name's next word. Returns the token after the particle (and hyphen), or `at` when there is none.
 */
function particleAt(tokens: readonly Token[], at: number): number {
  if (!NAME_PARTICLES.has(tokens[at]?.normal ?? '')) return at;
  return tokens[at + 1]?.text === '-' ? at + 2 : at + 1;
}

function titleDraft(chain: readonly PhraseMatch[], ctx: ComposeContext): MentionDraft {
  const titles = chain.map((m) => m.phrase.target).filter((t): t is Extract<PhraseTarget, { kind: 'title' }> => t.kind === 'title');
  const last = titles[titles.length - 1];
  const countryTarget = chain.map((m) => m.phrase.target).find((t) => t.kind === 'country');
  const country = countryTarget?.kind === 'country' ? countryTarget.country : null;
  // "the governor of Punjab", "Sindh's chief minister": a place's office, no national office holder.
  if (countryTarget && isPlaceTarget(countryTarget)) return placeTitleDraft(chain, country ?? '', last);
  const mod = titleModifier(chain, ctx);
  if (mod) return modifiedDraft(chain, mod, country, last.sector, true);
  const end = chain[chain.length - 1].end;
  const nameEnd = chain[chain.length - 1].phrase.target.kind === 'title' ? unknownNameEnd(ctx, end) : end;
  const base = { first: chain[0].first, end: nameEnd, kind: 'title' as const, ruleId: last.id };
  // A named person the dictionary lacks holds the title; never the office's known holder.
  // Without a country ("Former civil service chief Lord Butler"), the story may give it one (story-country).
  if (nameEnd > end) {
    const actor = { code: (country ?? '') + last.sector, country, sector: last.sector, name: null, role: last.role, entityId: null };
    return { ...base, actors: [actor] };
  }
  // Without a date, "Japan's prime minister" names no one: today's holder may not be the one meant.
  // "other" is no single office ("Palestinian leaders" are not whoever holds some other role).
  const holder = country && ctx.date !== null && last.office !== 'other' ? ctx.dict.holderOf(country, last.office, ctx.date) : null;
  // "the prime minister" with no country: first whoever the story named with that office (actor-stage),
  // else the office of the story's country (story-country).
  const actors = holder ? [ctx.dict.personActor(holder, ctx.date, last.office)]
    : [{ ...(country ? countryActor(country, last.sector) : { code: last.sector ?? '', country: null, sector: last.sector, name: null, entityId: null }), role: last.role }];
  return { ...base, actors, titleQuery: { country, role: last.role, office: last.office } };
}

function placeTitleDraft(chain: readonly PhraseMatch[], country: string, last: Extract<PhraseTarget, { kind: 'title' }>): MentionDraft {
  const actor = { ...countryActor(country, last.sector), role: last.role };
  return { first: chain[0].first, end: chain[chain.length - 1].end, kind: 'title', actors: [actor], ruleId: `place+${last.id}` };
}

/** The agent noun before the chain's last title or agent: "Afghan rebel leaders", "opposition leader". */
function titleModifier(chain: readonly PhraseMatch[], ctx: ComposeContext): ModifierAgent | null {
  const headAt = chain.length - 1 - [...chain].reverse().findIndex((m) => m.phrase.target.kind === 'title' || m.phrase.target.kind === 'agent');
  if (headAt > chain.length - 1) return null;
  const from = headAt > 0 ? chain[headAt - 1].end : modifierStart(ctx.tokens, chain[0].first);
  return modifierAgent(ctx.dict, ctx.tokens, from, chain[headAt].first);
}

/** "Afghan rebel leaders" AFGREB, "army officers" MIL: the head takes the modifier's sector. */
function modifiedDraft(chain: readonly PhraseMatch[], mod: ModifierAgent, country: string | null, head: string, inherits: boolean): MentionDraft {
  const sector = headSector(head, inherits, mod);
  const ids = chain.map((m) => m.phrase.target).map((t) => ('id' in t ? t.id : t.kind));
  return {
    first: Math.min(chain[0].first, mod.first),
    end: chain[chain.length - 1].end,
    kind: 'agent',
    actors: [country ? countryActor(country, sector) : { code: sector, country: null, sector, name: null, role: null, entityId: null }],
    ruleId: [...ids.slice(0, -1), mod.id, ids[ids.length - 1]].join('+'),
  };
}

function single(m: PhraseMatch, ctx: ComposeContext): MentionDraft | null {
  const t = m.phrase.target;
  const base = { first: m.first, end: m.end };
  switch (t.kind) {
    case 'country': {
      // "Sindh", "Samarra": a place alone names no actor.
      if (isPlaceTarget(t)) return null;
      // "Algerians", "South Koreans": a country's people, coded as its civilians (as CAMEO's coders do).
      if (t.people) return { ...base, kind: 'country', actors: [countryActor(t.country, 'CVL')], ruleId: `${t.id}+people` };
      // "Russian gas", "Chinese economy": a demonym before a noun that is no actor is an adjective.
      const next = ctx.tokens[m.end];
      // "a Russian-made aircraft", "a US-trained officer": made, not done, by the country.
      if (t.demonym && next?.text === '-' && MADE_BY.has(ctx.tokens[m.end + 1]?.normal ?? '')) return null;
      // "Iraqi Kurds", "Bosnian Serbs": a demonym before a plural group name is that group, of that country.
      if (t.demonym && next !== undefined && next.pos === 'PROPN' && /^[A-Z][a-z]+s$/.test(next.text) && next.sentence === ctx.tokens[m.first].sentence) {
        return { ...base, end: m.end + 1, kind: 'country', actors: [countryActor(t.country)], ruleId: `${t.id}+group` };
      }
      const modifier = t.demonym && next !== undefined && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ');
      return { ...base, kind: 'country', actors: [countryActor(t.country)], ruleId: t.id, ...(modifier ? { modifier } : {}) };
    }
    case 'seat':
      return { ...base, kind: 'seat', actors: [countryActor(t.country, t.sector)], ruleId: t.id };
    case 'organisation': {
      const dated = ctx.dict.datedOrganisation(t.id, ctx.date);
      return { ...base, kind: 'organisation', actors: [dated ?? { code: t.code, country: t.country, sector: t.sector, name: t.name, role: null, entityId: t.id }], ruleId: t.id };
    }
    case 'agent': {
      // "deputies", "citizens": an imported agent noun alone names an actor only once its sentence or
      // story gives it a country (see the agent schema); actor-stage drops it otherwise.
      if (!t.standalone) return { ...base, kind: 'agent', actors: [{ code: t.sector, country: null, sector: t.sector, name: null, role: null, entityId: null }], ruleId: t.id, countryNeeded: true };
      const mod = t.inherits ? titleModifier([m], ctx) : null;
      if (mod) return modifiedDraft([m], mod, null, t.sector, true);
      return { ...base, kind: 'agent', actors: [{ code: t.sector, country: null, sector: t.sector, name: null, role: null, entityId: null }], ruleId: t.id };
    }
    case 'ethnic':
      return ethnicDraft([m], ctx);
    case 'group':
      return { ...base, kind: 'coreference', actors: [], ruleId: t.id, group: { refers: t.refers, count: t.count } };
    case 'title':
      return titleDraft([m], ctx);
    case 'person':
      return personDraft([m], ctx);
  }
}

/**
 * "Morocco's King Hassan": a surname alone after a country and a title, known only as a person of
 * another country, is not that person; the title names its holder in the country given.
 */
function foreignSurname(chain: readonly PhraseMatch[], at: number, draft: MentionDraft): boolean {
  const t = chain[at].phrase.target;
  const country = chain.slice(0, at).map((m) => m.phrase.target).find((x) => x.kind === 'country');
  const titled = chain.slice(0, at).some((m) => m.phrase.target.kind === 'title');
  return t.kind === 'person' && t.titledOnly && titled && country?.kind === 'country' && draft.actors.every((a) => a.country !== country.country);
}

/**
 * "Brazilian senator Paulo Souza", "opposition activist Maria Lopes": a singular agent noun before a full
 * name the dictionary lacks names that one person, who holds the post (a title mention: the story may
 * still give it a country, surnames and "he" refer to it).
 */
function namedAgent(draft: MentionDraft | null, ctx: ComposeContext): MentionDraft | null {
  if (!draft || draft.kind !== 'agent' || draft.actors.length !== 1) return draft;
  const head = ctx.tokens[draft.end - 1];
  if (head.pos !== 'NOUN' || head.normal !== head.lemma) return draft;
  const nameEnd = strangerNameEnd(ctx, draft.end);
  if (nameEnd === null) return draft;
  return { ...draft, end: nameEnd, kind: 'title', ruleId: `${draft.ruleId}+name`, countryNeeded: undefined };
}

/**
 * The end of a full name (two name words or more) at token `at` that the dictionary does not know, or
 * null: "Paulo Souza" yes; "Barack Obama" (a person of the dictionary, its own mention), "Sunday" no.
 */
function strangerNameEnd(ctx: ComposeContext, at: number): number | null {
  const nameEnd = unknownNameEnd(ctx, at);
  if (nameEnd - at < 2 || ctx.tokens.slice(at, nameEnd).some((t) => CALENDAR_NAMES.has(t.normal))) return null;
  const known = ctx.dict.candidates(ctx.tokens[at].normal)
    .some((p) => p.target.kind === 'person' && p.tokens.length === nameEnd - at && p.tokens.every((w, k) => ctx.tokens[at + k]?.normal === w));
  return known ? null : nameEnd;
}

/**
 * "The SNP's Nicola Sturgeon", "Hamas's Khaled Meshal": an organisation's or a country's possessive
 * before a full name the dictionary lacks names one of its people (a title mention, as namedAgent).
 */
function possessedName(draft: MentionDraft | null, ctx: ComposeContext): MentionDraft | null {
  if (!draft || draft.modifier || draft.actors.length !== 1 || (draft.kind !== 'organisation' && draft.kind !== 'country')) return draft;
  const mark = ctx.tokens[draft.end];
  if (mark?.normal !== "'s" && mark?.normal !== "'") return draft;
  const nameEnd = strangerNameEnd(ctx, draft.end + 1);
  if (nameEnd === null) return draft;
  return { ...draft, end: nameEnd, kind: 'title', ruleId: `${draft.ruleId}+name` };
}

/** Interprets one chain of attached matches as a mention. */
export function compose(chain: readonly PhraseMatch[], ctx: ComposeContext): MentionDraft | null {
  return possessedName(namedAgent(composeChain(chain, ctx), ctx), ctx);
}

function composeChain(chain: readonly PhraseMatch[], ctx: ComposeContext): MentionDraft | null {
  if (chain.length === 1) return single(chain[0], ctx);
  const kinds = chain.map((m) => m.phrase.target.kind);
  if (kinds.includes('person')) {
    const at = kinds.indexOf('person');
    const draft = personDraft(chain, ctx);
    return draft && at > 0 && foreignSurname(chain, at, draft) ? composeChain(chain.slice(0, at), ctx) : draft;
  }
  if (kinds.includes('ethnic')) return ethnicDraft(chain, ctx);
  const head = chain[0].phrase.target;
  const tail = chain[chain.length - 1].phrase.target;
  // "Hamas leaders", "NATO troops": the organisation is the actor. "Tory leader Michael Howard": a name
  // the dictionary lacks after the organisation's title is one of its people, and part of the mention.
  if (head.kind === 'organisation') {
    const org = single(chain[0], ctx);
    const end = chain[chain.length - 1].end;
    // "Labour MPs", "Republican senators": a party's members of parliament act as the legislature (LEG),
    // whether the party governs or not; its leader keeps the party's own sector (GOV or OPP at the date).
    const country = org?.actors[0]?.country ?? null;
    if (org && head.id.startsWith('party.') && tail.kind === 'agent' && tail.sector === 'LEG' && country) {
      return { ...org, end, kind: 'agent', actors: [countryActor(country, 'LEG')], ruleId: `${head.id}+${tail.id}` };
    }
    return org && { ...org, end: tail.kind === 'title' ? unknownNameEnd(ctx, end) : end };
  }
  if (tail.kind === 'title' || (head.kind === 'title' && tail.kind === 'country')) return titleDraft(chain, ctx);
  if (head.kind === 'agent' && tail.kind === 'country') {
    return { first: chain[0].first, end: chain[chain.length - 1].end, kind: 'agent', actors: [countryActor(tail.country, head.sector)], ruleId: `${tail.id}+${head.id}` };
  }
  if (head.kind === 'country' && tail.kind === 'agent') {
    const mod = tail.inherits ? titleModifier(chain, ctx) : null;
    if (mod) return modifiedDraft(chain, mod, head.country, tail.sector, true);
    return { first: chain[0].first, end: chain[chain.length - 1].end, kind: 'agent', actors: [countryActor(head.country, tail.sector)], ruleId: `${head.id}+${tail.id}` };
  }
  const branch = head.kind === 'country' && chain.length === 2 && tail.kind === 'organisation' ? branchOf(chain, head.country, head.id, ctx) : null;
  if (branch) return branch;
  // "leaders of Romania's new government": the country qualifies the agent the chain ends with.
  const country = chain.map((m) => m.phrase.target).find((t) => t.kind === 'country');
  if (tail.kind === 'agent' && country?.kind === 'country') {
    return { first: chain[0].first, end: chain[chain.length - 1].end, kind: 'agent', actors: [countryActor(country.country, tail.sector)], ruleId: `${country.id}+${tail.id}` };
  }
  return single(chain[chain.length - 1], ctx);
}

/**
 * "the Pakistani Taliban", "Iraqi al-Qaeda": a demonym right before a group the dictionary places in
 * another state (or in none, an international militant group) names the group's branch in its own
 * country. International and non-governmental organisations and companies keep their code.
 */
function branchOf(chain: readonly PhraseMatch[], country: string, countryId: string, ctx: ComposeContext): MentionDraft | null {
  const org = single(chain[1], ctx);
  const a = org?.actors.length === 1 ? org.actors[0] : undefined;
  if (!org || !a || !a.country || a.country === country || !a.code.startsWith(a.country)) return null;
  if (isActorType('organisation-or-company', a.country)) return null;
  const actor = { ...a, code: country + a.code.slice(a.country.length), country };
  return { ...org, first: chain[0].first, actors: [actor], ruleId: `${countryId}+${org.ruleId}` };
}

/**
 * "Hungarian and Romanian officials": a bare demonym joined by "and" to a demonym+agent mention takes
 * the same sector.
 */
export function distribute(drafts: MentionDraft[], tokens: readonly Token[], chainsList: readonly PhraseMatch[][]): MentionDraft[] {
  const out = [...drafts];
  for (let k = 0; k + 1 < chainsList.length; k++) {
    const left = chainsList[k];
    const right = chainsList[k + 1];
    const lt = left[0].phrase.target;
    if (left.length !== 1 || lt.kind !== 'country' || !lt.demonym) continue;
    const between = tokens.slice(left[0].end, right[0].first).map((t) => t.normal);
    if (between.length !== 1 || (between[0] !== 'and' && between[0] !== ',')) continue;
    const rt = right[right.length - 1].phrase.target;
    if (right[0].phrase.target.kind !== 'country' || rt.kind !== 'agent') continue;
    const at = out.findIndex((d) => d.first === left[0].first);
    const draft: MentionDraft = { first: left[0].first, end: left[0].end, kind: 'agent', actors: [countryActor(lt.country, rt.sector)], ruleId: `${lt.id}+${rt.id}` };
    if (at >= 0) out[at] = draft;
    else out.push(draft);
  }
  officeOfEach(out, tokens, chainsList);
  return out.sort((a, b) => a.first - b.first);
}

const LIST_JOINS = new Set([',', 'and', ', and']);

/**
 * "the ambassadors of Arnor, Osgiliath and Gondor", "lawmakers in Fornost and Gondor": an agent of a
 * country followed by a list of countries is that agent of each of them.
 */
function officeOfEach(out: MentionDraft[], tokens: readonly Token[], chainsList: readonly PhraseMatch[][]): void {
  for (let k = 0; k + 1 < chainsList.length; k++) {
    const left = chainsList[k];
    const head = left[0].phrase.target;
    if (left.length !== 2 || head.kind !== 'agent' || left[1].phrase.target.kind !== 'country') continue;
    for (let j = k + 1; j < chainsList.length; j++) {
      const right = chainsList[j];
      const t = right[0].phrase.target;
      const between = tokens.slice(chainsList[j - 1][chainsList[j - 1].length - 1].end, right[0].first).map((x) => x.normal).join(' ').replace(' ,', ',');
      if (right.length !== 1 || t.kind !== 'country' || t.demonym || !LIST_JOINS.has(between)) break;
      const at = out.findIndex((d) => d.first === right[0].first);
      const draft: MentionDraft = { first: right[0].first, end: right[0].end, kind: 'agent', actors: [countryActor(t.country, head.sector)], ruleId: `${t.id}+${head.id}` };
      if (at >= 0) out[at] = draft;
      else out.push(draft);
      if (between !== ',') break;
    }
  }
}
