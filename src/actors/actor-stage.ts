/**
 * actors: mentions of countries, seats of government, people with dated roles, organisations, generic
 * agents, and coreference ("he", "his", "the two leaders", "both nations", "the president").
 */
import type { ActorMention, ActorRef, Doc, Token } from '../core/doc.js';
import { bySentence } from '../core/by-sentence.js';
import { layer } from '../core/doc.js';
import type { Stage, StageContext } from '../core/stage.js';
import { chains, compose, distribute, type ComposeContext, type MentionDraft } from './compose.js';
import { placeEthnic } from './ethnic.js';
import { conjoined } from './modifiers.js';
import type { ActorDictionary } from './dictionary.js';
import { matchPhrases, type PhraseMatch } from './matcher.js';
import { isPlaceTarget, withPlaceMatches } from './places.js';
import { storyCountry, withStoryCountry } from './story-country.js';
import type { Gazetteer } from '../place/gazetteer.js';
import { REPORTING_VERBS, wordsOf } from '../syntax/english.js';
import { clauseStart, governingPreposition } from '../events/clause.js';
import { PersonMemory, unknownPersons, type PersonSlot } from './coreference.js';
import { withPossessorCountry } from './possessed-agent.js';
import { SurnameMemory } from './surnames.js';
import { appositionDrafts, names } from './apposition.js';
import { objectAntecedent, objectPronoun, subjectAntecedent, subjectPronoun } from './subject-pronouns.js';
import { isActorType } from '../knowledge/cameo-categories.js';

const PRONOUNS = wordsOf('pronoun.person');
/** "it", "they": a country, a group or a government. */
const GROUP_PRONOUNS = wordsOf('pronoun.group-subject');
const PERSON_POSSESSIVES = wordsOf('possessive.person');

/** Discourse memory for coreference, in document order. */
class Salience {
  private readonly persons: ActorRef[] = [];
  private readonly countries: string[] = [];

  note(actors: readonly ActorRef[]): void {
    for (const a of actors) {
      if (a.entityId?.startsWith('person.')) {
        const at = this.persons.findIndex((p) => p.entityId === a.entityId);
        if (at >= 0) this.persons.splice(at, 1);
        this.persons.push(a);
      }
      if (a.country && a.country.length === 3 && !isActorType('non-state', a.country)) {
        const at = this.countries.indexOf(a.country);
        if (at >= 0) this.countries.splice(at, 1);
        this.countries.push(a.country);
      }
    }
  }

  lastPersons(n: number): ActorRef[] {
    return this.persons.length >= n ? this.persons.slice(-n) : [];
  }

  lastCountries(n: number): string[] {
    return this.countries.length >= n ? this.countries.slice(-n) : [];
  }

  lastWithOffice(role: string): ActorRef | null {
    for (let k = this.persons.length - 1; k >= 0; k--) {
      if (this.persons[k].role?.toLowerCase() === role.toLowerCase()) return this.persons[k];
    }
    return null;
  }
}

function countryRef(country: string): ActorRef {
  return { code: country, country, sector: null, name: null, role: null, entityId: null };
}

/** Resolves group, bare-title and pronoun drafts against what came before (or, for "his", just after). */
function resolve(draft: MentionDraft, salience: Salience, later: readonly MentionDraft[]): readonly ActorRef[] {
  if (draft.group) {
    return draft.group.refers === 'persons'
      ? salience.lastPersons(draft.group.count)
      : salience.lastCountries(draft.group.count).map(countryRef);
  }
  if (draft.kind === 'title' && draft.titleQuery && draft.actors.every((a) => a.country === null)) {
    const hit = salience.lastWithOffice(draft.titleQuery.role);
    return hit ? [hit] : draft.actors;
  }
  return draft.actors;
}

/** "he", "his" by src/actors/coreference.ts; a possessive in a phrase opening the sentence ("In his speech, Xi") may point forward. */
function resolvePronoun(draft: MentionDraft, from: number, sentence: number, memory: PersonMemory, tokens: readonly Token[]): PersonSlot | null {
  const first = tokens[from];
  const opening = draft.possessive === true && (draft.first - from <= 3 || first.pos === 'ADP' || (first.pos === 'VERB' && first.normal.endsWith('ing')));
  return memory.antecedentSlot(tokens[draft.first].normal, sentence, draft.first, opening);
}

/**
 * A mention of one person, not a group or a modifier: a known person ("Xi Jinping", "the Chinese premier"
 * once resolved), or the holder of one office whom the date does not name (coref.office-holder: "the prime
 * minister hailed his chancellor": "his" is the prime minister's).
 */
function namesOnePerson(draft: MentionDraft, actors: readonly ActorRef[]): boolean {
  if (draft.group || draft.modifier || draft.ruleId === 'pronoun' || actors.length !== 1) return false;
  return actors[0].entityId?.startsWith('person.') === true || (draft.kind === 'title' && actors[0].entityId === null && actors[0].role !== null);
}

/**
 * "Home Secretary Charles Clarke", "Tory leader Michael Howard", "Mr Clarke": one person the dictionary
 * does not know, named with a title or by surname; "he" may refer to them (coref.unknown-person).
 */
function namedStranger(draft: MentionDraft, tokens: readonly Token[]): boolean {
  if (draft.actors.length !== 1 || draft.group || draft.modifier || draft.actors[0].entityId?.startsWith('person.') === true) return false;
  if (draft.ruleId === 'coref.surname') return true;
  const last = tokens[draft.end - 1];
  const before = tokens[draft.end - 2];
  return (draft.kind === 'title' || draft.kind === 'organisation') && draft.end - draft.first >= 3
    && last?.pos === 'PROPN' && before?.pos === 'PROPN' && /^[A-Z]/.test(last.text) && /^[A-Z]/.test(before.text);
}

/** "Syria says it is willing", "the rebels said they will": the pronoun after a reporting verb is its subject. */
/** Words that may stand between "said" and "it": "said today that it", "said on Tuesday it". */
const SPEECH_ADJUNCT = wordsOf('adverb.speech-adjunct', 'name.weekday');

function speakerVerb(tokens: readonly Token[], i: number, from: number): number | null {
  let k = i - 1;
  while (k >= from && k >= i - 4 && SPEECH_ADJUNCT.has(tokens[k].normal)) k--;
  return k >= from && REPORTING_VERBS.has(tokens[k].lemma) && (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') ? k : null;
}

/**
 * "San Jose, California", "Paris, Texas": a capital's name qualified by a place of another country
 * after a comma is a town of that country, not the seat of a government.
 */
function withoutQualifiedCities(matches: readonly PhraseMatch[], tokens: readonly Token[]): PhraseMatch[] {
  return matches.filter((m) => {
    const t = m.phrase.target;
    if (t.kind !== 'seat' || !t.capital || tokens[m.end]?.normal !== ',') return true;
    const next = matches.find((x) => x.first === m.end + 1);
    const nt = next?.phrase.target;
    return !(nt && (nt.kind === 'country' || nt.kind === 'seat') && nt.country !== t.country);
  });
}

/**
 * Who "it" or "they" after a reporting verb stands for: the verb's subject, never one person ("militants
 * loyal to Zarqawi said they ..."), never inside a prepositional phrase.
 */
/** An office with no country yet ("General Binding Corp", "the prime minister"): the story may still place it, or drop it. */
export function placeless(m: ActorMention): boolean {
  return m.kind === 'title' && m.actors.every((a) => a.country === null);
}

function speakerOf(tokens: readonly Token[], mentions: readonly ActorMention[], sent: { readonly index: number; readonly tokenStart: number; readonly tokenEnd: number }, verb: number): ActorMention | undefined {
  const own = mentions.filter((m) => m.sentence === sent.index && m.tokenEnd <= verb && !m.modifier && m.kind !== 'person' && !placeless(m));
  const view = { tokens, from: sent.tokenStart, to: sent.tokenEnd, mentions: own };
  const start = clauseStart(view, verb);
  return own.find((m) => m.tokenStart >= start && governingPreposition(view, m) === null && tokens[m.tokenEnd]?.normal !== "'s");
}

function pronounDrafts(tokens: readonly Token[], from: number, to: number, taken: readonly MentionDraft[]): MentionDraft[] {
  const out: MentionDraft[] = [];
  for (let i = from; i < to; i++) {
    if (GROUP_PRONOUNS.has(tokens[i].normal) && !taken.some((d) => d.first <= i && i < d.end)) {
      const verb = speakerVerb(tokens, i, from);
      if (verb !== null) out.push({ first: i, end: i + 1, kind: 'coreference', actors: [], ruleId: 'pronoun.speaker', speakerVerb: verb });
      else if (subjectPronoun(tokens, i, to)) out.push({ first: i, end: i + 1, kind: 'coreference', actors: [], ruleId: 'coref.it-they' });
      else if (objectPronoun(tokens, i)) out.push({ first: i, end: i + 1, kind: 'coreference', actors: [], ruleId: 'coref.it-object' });
      continue;
    }
    if (!PRONOUNS.has(tokens[i].normal) || taken.some((d) => d.first <= i && i < d.end)) continue;
    const possessive = PERSON_POSSESSIVES.has(tokens[i].normal);
    out.push({ first: i, end: i + 1, kind: 'coreference', actors: [], ruleId: 'pronoun', possessive });
  }
  return out;
}

export class ActorStage implements Stage {
  readonly name = 'actors';
  readonly requires = ['sentences', 'tokens'] as const;
  readonly provides = ['mentions'] as const;

  run(doc: Doc, ctx: StageContext): Doc {
    return { ...doc, mentions: findMentions(doc, ctx.knowledge.actors, ctx.knowledge.places) };
  }
}

/** `places`, when given, lets cities and regions give agents their country ("rebels in Darfur"). */
export function findMentions(doc: Doc, dict: ActorDictionary, places?: Gazetteer): ActorMention[] {
  const tokens = layer(doc, 'tokens');
  const salience = new Salience();
  const named = new Set<string>();
  const mentions: ActorMention[] = [];
  const placeCountries = new Map<number, Set<string>>();
  const memory = new PersonMemory();
  const surnames = new SurnameMemory();
  const sentences = layer(doc, 'sentences');
  // coref.it-they: which mention each "it"/"they" stands for, to share its country once sentences give it one.
  const antecedents = new Map<number, number>();
  // Agent nouns that name an actor only with a country (compose.ts countryNeeded), by mention index.
  const pending = new Set<number>();
  const refer = (m: ActorMention | undefined): readonly ActorRef[] => {
    if (m) antecedents.set(mentions.length, m.index);
    return m?.actors ?? [];
  };
  // "he", "his": the person's actors now, and the mention behind them, whose country the story may give later.
  const referSlot = (slot: PersonSlot | null): readonly ActorRef[] => {
    if (slot?.mention !== undefined && slot.actors.length) antecedents.set(mentions.length, antecedents.get(slot.mention) ?? slot.mention);
    return slot?.actors ?? [];
  };
  for (const sent of sentences) {
    const previous = sent.index > 0 ? sentences[sent.index - 1] : undefined;
    const found = matchPhrases(dict, tokens, sent.tokenStart, sent.tokenEnd);
    const matches = places ? withPlaceMatches(places, tokens, sent.tokenStart, sent.tokenEnd, found) : found;
    placeCountries.set(sent.index, new Set(matches.filter((m) => isPlaceTarget(m.phrase.target)).flatMap((m) => (m.phrase.target.kind === 'country' ? [m.phrase.target.country] : []))));
    const cs = chains(withoutQualifiedCities(matches, tokens), tokens);
    const cctx: ComposeContext = { dict, tokens, date: doc.published, named };
    // coref.surname: "Badawi" after "Jamal Badawi" is that stranger, not the dictionary's famous namesake.
    const namesake = (d: MentionDraft): boolean => d.kind === 'person' && d.end - d.first === 1 && surnames.taken(tokens, d.first, d.actors);
    const dictionaryDrafts = placeEthnic(conjoined(distribute(cs.map((c) => compose(c, cctx)).filter((d): d is MentionDraft => d !== null && !namesake(d)), tokens, cs), tokens), mentions);
    const composed = [...dictionaryDrafts, ...appositionDrafts(tokens, sent.tokenStart, sent.tokenEnd, dictionaryDrafts)].sort((a, b) => a.first - b.first);
    const inComposed = (i: number): boolean => composed.some((d) => d.first <= i && i < d.end);
    const bySurname: MentionDraft[] = surnames.drafts(tokens, sent.tokenStart, sent.tokenEnd, inComposed)
      .map((d) => ({ ...d, kind: 'person', ruleId: 'coref.surname' }));
    const drafts = [...composed, ...bySurname, ...pronounDrafts(tokens, sent.tokenStart, sent.tokenEnd, [...composed, ...bySurname])]
      .sort((a, b) => a.first - b.first);
    const covered = (i: number): boolean => drafts.some((d) => d.first <= i && i < d.end);
    for (const token of unknownPersons(tokens, sent.tokenStart, sent.tokenEnd, covered)) memory.add({ sentence: sent.index, token, actors: [] });
    // A stranger whose country is not yet known holds the pronoun, unresolved ("he" names no one).
    const placed = (d: MentionDraft): readonly ActorRef[] => (d.actors.some((a) => a.country !== null) ? d.actors : []);
    // An office whose country the story gives later ("the prime minister") is remembered once resolved, below.
    const unplacedOffice = (d: MentionDraft): boolean => d.kind === 'title' && d.actors.every((a) => a.country === null);
    for (const d of drafts) if ((namesOnePerson(d, d.actors) && !unplacedOffice(d)) || namedStranger(d, tokens)) memory.add({ sentence: sent.index, token: d.first, actors: placed(d) });
    for (const d of composed) if (!d.modifier && !d.group) surnames.note(tokens, d.first, d.end, placed(d));
    for (const [, end] of names(tokens, sent.tokenStart, sent.tokenEnd, covered)) surnames.noteStranger(tokens, end);
    drafts.forEach((draft, k) => {
      const local = { ...draft, first: draft.first - sent.tokenStart };
      // Only pronouns look back, and only at mentions of their own and the previous sentence.
      const looksBack = draft.speakerVerb !== undefined || draft.ruleId === 'coref.it-they' || draft.ruleId === 'coref.it-object';
      const referents = looksBack ? mentions.filter((m) => m.sentence >= sent.index - 1 && !pending.has(m.index)) : mentions;
      const speaker = draft.speakerVerb === undefined ? undefined : speakerOf(tokens, referents, sent, draft.speakerVerb);
      const actors = draft.speakerVerb !== undefined ? speaker?.actors ?? []
        : draft.ruleId === 'coref.it-they' ? refer(subjectAntecedent(tokens, referents, sent, previous, draft.first))
        : draft.ruleId === 'coref.it-object' ? refer(objectAntecedent(tokens, referents, sent, previous, draft.first))
        : draft.ruleId === 'pronoun' ? referSlot(resolvePronoun(draft, sent.tokenStart, sent.index, memory, tokens))
          : resolve(local, salience, drafts.slice(k + 1));
      // A pronoun left unresolved still holds its place: the pronouns after it do not jump past it.
      if (draft.ruleId === 'pronoun' || ((draft.actors.length === 0 || unplacedOffice(draft)) && namesOnePerson(draft, actors))) {
        memory.add({ sentence: sent.index, token: draft.first, actors, ...(actors.length ? { mention: mentions.length } : {}) });
      }
      if (actors.length === 0) return;
      salience.note(actors);
      for (const a of actors) if (a.entityId && draft.kind === 'person') named.add(a.entityId);
      if (draft.countryNeeded) pending.add(mentions.length);
      mentions.push({
        index: mentions.length,
        sentence: sent.index,
        tokenStart: draft.first,
        tokenEnd: draft.end,
        start: tokens[draft.first].start,
        end: tokens[draft.end - 1].end,
        kind: draft.kind,
        actors,
        ruleId: draft.ruleId,
        ...(draft.modifier ? { modifier: true } : {}),
        ...(draft.titleQuery ? { titleQuery: { country: draft.titleQuery.country, role: draft.titleQuery.role, office: draft.titleQuery.office } } : {}),
      });
    });
  }
  const mentionsOf = bySentence(mentions);
  const own = mentions.map((m) => withSentenceCountry(withPossessorCountry(m, mentionsOf(m.sentence), tokens), mentionsOf, tokens, placeCountries.get(m.sentence)));
  const located = own.map((m) => (antecedents.has(m.index) ? { ...m, actors: own[antecedents.get(m.index) ?? m.index].actors } : m));
  const story = storyCountry(doc, located, [...placeCountries.values()].flatMap((set) => [...set]), places);
  // An office with no country that neither the story nor an earlier holder placed names no one.
  const storied = located.map((m) => withStoryCountry(m, story));
  // A pronoun of an office the story placed ("the prime minister ... his") shares its country.
  const unplaced = (m: ActorMention): boolean => m.ruleId === 'pronoun' && m.actors.every((a) => a.country === null);
  const shared = storied.map((m) => (antecedents.has(m.index) && unplaced(m) ? { ...m, actors: storied[antecedents.get(m.index) ?? m.index].actors } : m));
  const namesSomeone = (m: ActorMention): boolean => !placeless(m) && !(pending.has(m.index) && m.actors.every((a) => a.country === null));
  // A pronoun of a mention that names no one names no one either.
  const antecedentNames = (m: ActorMention): boolean => m.ruleId !== 'pronoun' || !antecedents.has(m.index) || namesSomeone(shared[antecedents.get(m.index) ?? m.index]);
  return shared.filter((m) => namesSomeone(m) && antecedentNames(m))
    .map((m, index) => (m.index === index ? m : { ...m, index }));
}

/** "the prime minister": an office named with "the", the one holder the context gives (a bare "Amir" may be a surname). */
function definiteOffice(m: ActorMention, tokens: readonly Token[]): boolean {
  return m.kind === 'title' && tokens[m.tokenStart - 1]?.normal === 'the';
}

/**
 * "refugees fleeing the war in Liberia", "workers of the Serbian union": a generic agent or an office with no
 * country takes the country of its sentence when the sentence names exactly one, as an actor or as the
 * country of a city or region ("gunmen attacked villages near Samarra" IRQ; "Bangladesh's opposition would
 * boycott the vote unless the prime minister resigned": Bangladesh's prime minister).
 */
function withSentenceCountry(m: ActorMention, mentionsOf: (sentence: number) => readonly ActorMention[], tokens: readonly Token[], placeCountries: ReadonlySet<string> = new Set()): ActorMention {
  if ((m.kind !== 'agent' && !definiteOffice(m, tokens)) || m.actors.length !== 1 || m.actors[0].country !== null) return m;
  // "the envoys of the Arab League": the agent belongs to the actor after "of", not to the sentence.
  const startsAt = (i: number): boolean => tokens[i] !== undefined && mentionsOf(tokens[i].sentence).some((x) => x.tokenStart === i);
  if (tokens[m.tokenEnd]?.normal === 'of' && (startsAt(m.tokenEnd + 1) || startsAt(m.tokenEnd + 2))) return m;
  const countries = new Set([...mentionsOf(m.sentence).filter((x) => x !== m)
    .flatMap((x) => x.actors.map((a) => a.country)).filter((c): c is string => c !== null && !isActorType('non-state', c)), ...placeCountries]);
  if (countries.size !== 1) return m;
  const [country] = countries;
  const a = m.actors[0];
  return { ...m, actors: [{ ...a, country, code: country + (a.sector ?? '') }], ruleId: `${m.ruleId}+sentence-country` };
}
