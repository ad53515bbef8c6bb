/**
 * VerbPatternCoder: finds pattern triggers in a sentence and reads their source and target from the
 * clause (active and passive voice, compounds, possessors, "at the invitation of", noun events).
 */
import type { ActorMention, EventMention, Token } from '../core/doc.js';
import {
  clauseEnd, clauseStart, governingPreposition, instrumentSubject, isDefinite, isParticiple, isPassive, isReportingVerb, objectAfter, possessorOf,
  prepositionalAfter, reflexive, subjectBefore, type SentenceView,
} from './clause.js';
import { pastStems, type PatternMatch, type PatternSet } from './patterns.js';
import { CALENDAR_NAMES, THIRD_PERSON_POSSESSIVES, TIME_NOUNS, wordsOf } from '../syntax/english.js';
import { isCameo } from '../knowledge/cameo-categories.js';
import { parsedArguments } from './parse-args.js';
import { nestedActs } from './claimed.js';
import { hostSeat } from './host-seat.js';
import { DEFAULT_CLAUSE_READING, type ClauseReading } from '../core/stage.js';
import type { Syntax } from '../syntax/index.js';

/** How far after a noun trigger its prepositional arguments may lie ("the visit of President Putin to China"). */
const NOUN_REACH = 8;
const MONTHS = wordsOf('name.ambiguous-month');
const POSSESSIVES = wordsOf('possessive.third-person', 'possessive.our', 'possessive.my-your', 'possessive.clitic');
/** Verbs that carry a noun event whose actor is their subject: "pay a visit", "impose sanctions". */
const LIGHT_VERBS = wordsOf('verb.light');
const PREPOSITION_ENDS = wordsOf('preposition.date');
const DEGREE = wordsOf('adverb.degree');
const MODAL_BEFORE_VERB = wordsOf('auxiliary.before-verb');


/** "EC truce monitors", "attack helicopters", "aid workers": an event noun modifying another noun names no event. */
function modifiesNoun(view: SentenceView, m: PatternMatch): boolean {
  const next = view.tokens[Math.max(...m.tokens) + 1];
  return next !== undefined && next.pos === 'NOUN' && /^[a-z]/.test(next.text) && !TIME_NOUNS.has(next.normal)
    && Math.max(...m.tokens) + 1 < view.to;
}

/** Does the head token have the part of speech the pattern needs? wink's tags are noisy, so be lenient. */
function headFits(view: SentenceView, m: PatternMatch, means: ReadonlySet<string>): boolean {
  const head = view.tokens[m.tokens[0]];
  // "according to" attributes; it accords nothing.
  if (head.normal === 'according' && view.tokens[m.tokens[0] + 1]?.normal === 'to') return false;
  // "from March 11 to 13", "in May": a capitalised month inside a sentence is a date, not a march.
  if (MONTHS.has(head.normal) && /^[A-Z]/.test(head.text) && m.tokens[0] > view.from) return false;
  const prev: Token | undefined = view.tokens[m.tokens[0] - 1];
  // "its long-threatened invasion", "a Russian-led force": a participle inside a compound is an adjective.
  if (!m.pattern.nominal && prev?.text === '-' && (head.pos === 'VERB' || head.pos === 'ADJ')) return false;
  if (m.pattern.nominal) {
    if (modifiesNoun(view, m)) return false;
    if (head.pos !== 'VERB' && head.pos !== 'AUX') return true;
    // wink tags some nouns as verbs ("meeting", "signing"); a verb reading needs an auxiliary, "to" or a subject.
    return prev === undefined || !(prev.pos === 'AUX' || prev.pos === 'PRON' || prev.pos === 'PART' || MODAL_BEFORE_VERB.has(prev.normal));
  }
  const next: Token | undefined = view.tokens[Math.max(...m.tokens) + 1];
  // "the election was called on February 24": a date after a phrase's final preposition is no target.
  const lastWord = view.tokens[Math.max(...m.tokens)];
  if (PREPOSITION_ENDS.has(lastWord.normal) && next !== undefined && (CALENDAR_NAMES.has(next.normal) || /^\d/.test(next.text))) return false;
  // "U.S. Trade Representative", "the Peace Corps": a capitalised word inside a name is no event.
  if (m.tokens[0] > view.from && /^[A-Z][a-z]/.test(head.text) && next !== undefined && /^[A-Z]/.test(next.text) && m.tokens.length === 1) return false;
  // "Brazil trade sources said": a noun compound that is the subject of the next verb.
  if (!m.pattern.nominal && head.pos === 'NOUN' && next?.pos === 'NOUN' && ['VERB', 'AUX'].includes(view.tokens[Math.max(...m.tokens) + 2]?.pos ?? '')) return false;
  // "payments received for his forces": a participle right after a plain noun, before a preposition, is a reduced relative.
  if (!m.pattern.nominal && prev?.pos === 'NOUN' && /ed$/.test(head.normal) && next?.pos === 'ADP' && next.normal !== 'by'
    && !view.mentions.some((x) => x.tokenEnd === m.tokens[0]) && !means.has(prev.lemma) && !TIME_NOUNS.has(prev.normal)) return false;
  // "the most visited monument": a participle after a degree adverb, before a noun, is an adjective.
  if (DEGREE.has(prev?.normal ?? '') && /ed$/.test(head.normal) && view.tokens[m.tokens[0] + 1]?.pos === 'NOUN') return false;
  // "the detained journalist", "its support": a participle or noun after a determiner is no verb.
  if (prev !== undefined && (prev.pos === 'DET' || POSSESSIVES.has(prev.normal))) return false;
  // "Hutu militiamen abducted two aid workers", "Russia branded the decision unacceptable": a past form wink read
  // as a noun or an adjective, between its subject and its object, is the verb.
  const object = view.tokens[m.tokens[0] + 1];
  if ((head.pos === 'NOUN' || head.pos === 'ADJ') && pastStems(head).length > 0 && view.mentions.some((x) => x.tokenEnd === m.tokens[0] && x.modifier !== true)
    && object !== undefined && (['DET', 'NUM'].includes(object.pos) || view.mentions.some((x) => x.tokenStart === m.tokens[0] + 1))) return true;
  // Elsewhere such a form is the adjective wink says it is: "a Brazilian alleged anti-terrorism webpage".
  if (head.pos === 'ADJ' && pastStems(head).length > 0) return false;
  // "Palestinian riots": after a demonym modifying it, the word is a noun.
  if (head.pos === 'NOUN' && view.mentions.some((x) => x.modifier === true && x.tokenEnd === m.tokens[0])) return false;
  if (head.pos === 'VERB' || head.pos === 'AUX') return true;
  if (prev === undefined) return false;
  // "claims to be manufacturing weapons": an -ing word after an auxiliary is a progressive verb.
  if (prev.pos === 'AUX' && head.normal.endsWith('ing')) return true;
  if (MODAL_BEFORE_VERB.has(prev.normal)) return true;
  // wink tags some verbs as nouns after a subject ("Russia attacks"); an adverb or particle ("send him back") stays one.
  return (prev.pos === 'PRON' || prev.pos === 'PROPN') && head.pos !== 'ADV' && head.pos !== 'ADP' && head.pos !== 'PART';
}

function vetoed(view: SentenceView, m: PatternMatch): boolean {
  if (!m.pattern.unless.length) return false;
  const veto = new Set(m.pattern.unless);
  for (let k = view.from; k < view.to; k++) {
    if (veto.has(view.tokens[k].lemma) || veto.has(view.tokens[k].normal)) return true;
  }
  return false;
}

const OPENING_QUOTES = new Set(['"', "'", '\u201c', '\u2018']);

/**
 * "posters reading 'Attack Israel now'", "chanting \"Free the prisoners\"": a capitalised word in its
 * base form opening a quotation inside the sentence is an imperative or a title, a quoted slogan, not a
 * report that anyone acted ("quote.slogan").
 */
function quotedImperative(view: SentenceView, m: PatternMatch): boolean {
  const head = view.tokens[m.tokens[0]];
  const prev = view.tokens[m.tokens[0] - 1];
  return prev !== undefined && m.tokens[0] - 1 > view.from && OPENING_QUOTES.has(prev.text)
    && head.normal === head.lemma && /^[A-Z]/.test(head.text);
}

/**
 * "The wounded soldier was flown to France": an active-only pattern in the passive tells what was done to
 * its subject. So does one with an object between its words: "flew tents and blankets to the survivors"
 * carries the tents there; the subject need not go (a time, "on Monday", is no object).
 */
function passiveOfActiveOnly(view: SentenceView, m: PatternMatch): boolean {
  if (!m.pattern.activeOnly) return false;
  if (isPassive(view, m.tokens[0])) return true;
  const words = [...m.tokens].sort((a, b) => a - b);
  for (let k = words[0] + 1; k < words[words.length - 1]; k++) {
    const t = view.tokens[k];
    if (words.includes(k) || TIME_NOUNS.has(t.normal) || CALENDAR_NAMES.has(t.normal)) continue;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') return true;
  }
  return false;
}

/** All pattern matches of the sentence, longest first, without overlaps. */
export function triggers(view: SentenceView, patterns: PatternSet): PatternMatch[] {
  const all: PatternMatch[] = [];
  const fits = (m: PatternMatch): boolean => headFits(view, m, patterns.means) && !vetoed(view, m) && !quotedImperative(view, m) && !passiveOfActiveOnly(view, m);
  for (let i = view.from; i < view.to; i++) {
    for (const m of patterns.matchAt(view.tokens, i, view.to)) if (fits(m)) all.push(m);
  }
  all.sort((a, b) => b.tokens.length - a.tokens.length || a.tokens[0] - b.tokens[0]);
  const used = new Set<number>();
  const kept: PatternMatch[] = [];
  for (const m of all) {
    if (m.tokens.some((t) => used.has(t))) continue;
    m.tokens.forEach((t) => used.add(t));
    kept.push(m);
  }
  return [...kept, ...nestedActs(view, kept, patterns, fits)].sort((a, b) => a.tokens[0] - b.tokens[0]);
}

/** By lemma, or by form where the lemmatiser slips ("staged" -> "stag"). */
function isLightVerb(t: Token): boolean {
  return [t.lemma, t.normal, t.normal.replace(/d$/, ''), t.normal.replace(/ed$/, '')].some((w) => LIGHT_VERBS.has(w));
}

/**
 * Is the noun trigger the object of a light verb whose subject is the actor ("Putin is set to embark on
 * a visit", "the EU imposed sanctions")? "Beijing rejected the accusation" is not: reject is no light verb.
 */
function governedByLightVerb(view: SentenceView, subject: readonly ActorMention[], head: number): boolean {
  if (!subject.length) return false;
  for (let k = head - 1; k >= subject[subject.length - 1].tokenEnd; k--) {
    const t = view.tokens[k];
    if (t.pos === 'VERB' || (t.pos === 'AUX' && t.lemma !== 'be')) return isLightVerb(t);
    if (t.pos === 'AUX') return true;
  }
  return false;
}

interface Arguments {
  readonly sources: readonly ActorMention[];
  readonly targets: readonly ActorMention[];
  /** The doer is unknown by grammar (a participle after its patient: "journalists kidnapped in Iraq"). */
  readonly doerUnknown?: boolean;
}


/** "X reiterated its demand", "X stepped up their attacks": a possessive pronoun is the clause subject. */
function pronounPossessor(view: SentenceView, head: number, start: number): ActorMention[] {
  let k = head - 1;
  // "its long-threatened invasion": adjectives, adverbs and hyphenated participles stand between.
  while (k > start && (['ADJ', 'ADV'].includes(view.tokens[k].pos) || view.tokens[k].text === '-' || view.tokens[k - 1]?.text === '-')) k--;
  if (!THIRD_PERSON_POSSESSIVES.has(view.tokens[k]?.normal ?? '')) return [];
  return subjectBefore(view, k, start);
}

/** "its demand today that Israel ease restrictions": the actor opening the "that" clause. */
function thatClauseActor(view: SentenceView, m: PatternMatch, last: number, end: number): ActorMention[] {
  if (!isCameo('clause-content', m.pattern.cameo)) return [];
  for (let k = last + 1; k < Math.min(end, last + 4); k++) {
    if (view.tokens[k].normal !== 'that') continue;
    const actor = view.mentions.find((x) => x.tokenStart > k && x.tokenStart <= k + 2);
    return actor ? [actor] : [];
  }
  return [];
}

function nominalArguments(view: SentenceView, m: PatternMatch, start: number, end: number): Arguments {
  const head = m.tokens[0];
  const last = Math.max(...m.tokens);
  const targetPreps = m.pattern.target.filter((p) => p !== 'object');
  let sources = possessorOf(view, head);
  if (!sources.length) sources = pronounPossessor(view, head, start);
  if (!sources.length) sources = prepositionalAfter(view, last + 1, end, m.pattern.source, NOUN_REACH);
  if (!sources.length) {
    const subject = subjectBefore(view, head, start);
    if (governedByLightVerb(view, subject, head)) sources = subject;
  }
  // "talks between X and Y": both sides follow the noun.
  if (!sources.length && targetPreps.includes('between')) {
    const both = prepositionalAfter(view, last + 1, end, ['between'], NOUN_REACH);
    if (both.length >= 2) return { sources: both.slice(0, 1), targets: both.slice(1) };
  }
  let targets = prepositionalAfter(view, last + 1, end, targetPreps, NOUN_REACH);
  if (!targets.length && m.pattern.target.includes('object')) targets = objectAfter(view, last + 1, end);
  if (!targets.length) targets = thatClauseActor(view, m, last, end);
  return { sources, targets };
}

function reducedPassive(view: SentenceView, head: number, last: number): boolean {
  const t = view.tokens[head];
  const prev = view.tokens[head - 1];
  return last === head && t.pos === 'VERB' && isParticiple(t) && view.tokens[last + 1]?.normal === 'by'
    && !(prev?.pos === 'AUX' && prev.lemma === 'have')
    && view.mentions.some((x) => x.tokenStart > last + 1 && x.tokenStart <= last + 4);
}

function reducedForce(view: SentenceView, m: PatternMatch, head: number): ActorMention | undefined {
  const t = view.tokens[head];
  const next = view.tokens[Math.max(...m.tokens) + 1];
  if (!isCameo('force', m.pattern.cameo) || !isParticiple(t)) return undefined;
  if (next !== undefined && next.pos !== 'ADP' && next.pos !== 'PUNCT') return undefined;
  if (next?.normal === 'by') return undefined;
  // Only a mention that is itself an object ("the release of the journalists kidnapped in Iraq"); a
  // subject before the participle makes it the main verb ("Russia launched an attack on").
  const patient = view.mentions.find((x) => x.tokenEnd === head);
  if (!patient) return undefined;
  let k = patient.tokenStart - 1;
  while (k > view.from && ['DET', 'NUM', 'ADJ'].includes(view.tokens[k].pos)) k--;
  const before = view.tokens[k];
  const isObject = governingPreposition(view, patient) !== null || (before !== undefined && before.pos === 'VERB');
  return isObject ? patient : undefined;
}

/**
 * "accused Ukraine of attacking a convoy": the actor in the gap right after the verb of a longer pattern
 * is the verb's object, not the actor after the pattern's last word (a modifier there is left to the
 * pattern's noun: "rejected the Indian proposal").
 */
function objectInGap(view: SentenceView, m: PatternMatch): ActorMention[] | null {
  const head = m.tokens[0];
  const next = Math.min(...m.tokens.filter((t) => t > head));
  if (!Number.isFinite(next) || next === head + 1) return null;
  const first = view.mentions.find((x) => x.tokenStart > head && x.tokenEnd <= next);
  // "take his battle to court": a possessive determiner is no object.
  if (!first || first.modifier || first.tokenStart > head + 2 || POSSESSIVES.has(view.tokens[first.tokenStart].normal)) return null;
  return [first];
}

function verbalArguments(view: SentenceView, m: PatternMatch, start: number, end: number): Arguments {
  const head = m.tokens[0];
  const last = Math.max(...m.tokens);
  if (isPassive(view, head)) {
    return { sources: prepositionalAfter(view, last + 1, end, ['by']), targets: subjectBefore(view, head, start) };
  }
  // "three journalists kidnapped in Iraq": force done to the actor named right before the participle.
  const patient = reducedForce(view, m, head);
  if (patient) return { sources: [], targets: [patient], doerUnknown: true };
  // "as demanded by protesters", "a convoy attacked by gunmen": a participle with "by" is passive without "be".
  if (reducedPassive(view, head, last)) {
    const before = view.mentions.filter((x) => x.tokenEnd === head && x.tokenStart >= start);
    return { sources: prepositionalAfter(view, last + 1, end, ['by']), targets: before };
  }
  const sources = subjectBefore(view, head, start);
  const targetPreps = m.pattern.target.filter((p) => p !== 'object');
  let targets = prepositionalAfter(view, last + 1, end, targetPreps);
  if (!targets.length && m.pattern.target.includes('object')) targets = objectInGap(view, m) ?? objectAfter(view, last + 1, end);
  // "rejected an Indian proposal": the owner of the pattern's own object noun is the target.
  if (!targets.length) targets = view.mentions.filter((x) => x.tokenStart > head && x.tokenStart <= last);
  return { sources, targets };
}

/** Who said it: "according to X", "X said ...", "..., X said". */
function attributionOf(view: SentenceView, start: number, end: number): ActorMention | null {
  for (let k = view.from; k < view.to - 1; k++) {
    if (view.tokens[k].normal === 'according' && view.tokens[k + 1].normal === 'to') {
      const m = view.mentions.find((x) => x.tokenStart >= k + 2 && x.tokenStart <= k + 4);
      if (m) return m;
    }
  }
  if (start > view.from) {
    for (let k = start - 1; k >= view.from; k--) {
      if (isReportingVerb(view.tokens[k])) return subjectBefore(view, k, view.from).pop() ?? null;
    }
  }
  for (let k = end; k < view.to; k++) {
    if (!isReportingVerb(view.tokens[k])) continue;
    const after = view.mentions.find((x) => x.tokenStart > k && x.tokenStart <= k + 3);
    const before = view.mentions.filter((x) => x.tokenEnd <= k && x.tokenStart >= end).pop();
    return before ?? after ?? null;
  }
  return null;
}

export interface CodedTrigger {
  readonly match: PatternMatch;
  /** A passive verb with no "by" agent, or a means for subject ("a bomb killed"): the event keeps its target with an unknown source. */
  readonly agentless?: boolean;
  /** The doer is unknown because the subject is the means ("a bomb killed"). */
  readonly byMeans?: boolean;
  /** The verb that alleges this act ("accused Y of attacking"): token index; modality claimed (claimed.ts). */
  readonly claimedBy?: number;
  readonly sources: readonly ActorMention[];
  readonly targets: readonly ActorMention[];
  readonly attribution: ActorMention | null;
  readonly definite: boolean;
}

/**
 * "leaders of Romania's new government", "the government of Sindh": an actor with no country of its own
 * followed by "of" and an actor stands for that actor.
 */
function specific(view: SentenceView, m: ActorMention): ActorMention {
  if (m.actors.some((a) => a.country !== null) || view.tokens[m.tokenEnd]?.normal !== 'of') return m;
  const next = view.mentions.find((x) => x.tokenStart > m.tokenEnd && x.tokenStart <= m.tokenEnd + 2);
  if (!next || !next.actors.some((a) => a.country !== null)) return m;
  return view.tokens.slice(m.tokenEnd + 1, next.tokenStart).every((t) => t.pos === 'DET') ? next : m;
}

/** Source, target and attribution of one trigger. */
/** The clause reading chosen (ClauseReading): the parse's arguments where the window has none, or first. */
function withParse(sx: Syntax, view: SentenceView, m: PatternMatch, reading: ClauseReading, window: Arguments): Arguments {
  // A PETRARCH pattern that places its actors ($ and + around the verb: "+ HOSTING * MAY_DAY $") says
  // where they stand; its positions are read as written.
  if (m.pattern.literal === true && (m.pattern.inverse || m.pattern.needsTarget)) return window;
  // The parse's arguments are mentions of the sentence: with none, it has none to give, and is not read.
  if (!view.mentions.length) return reading === 'parse' ? { sources: [], targets: [] } : window;
  const parsed = parsedArguments(sx, view, m, isLightVerb);
  if (reading === 'parse') return { sources: parsed.sources, targets: parsed.targets };
  if (reading === 'parse-first') {
    return { sources: parsed.sources.length ? parsed.sources : window.sources, targets: parsed.targets.length ? parsed.targets : window.targets };
  }
  const structural = reading === 'parse-structural' && (parsed.sourceVia === 'shared' || parsed.sourceVia === 'control');
  return {
    sources: window.sources.length || !structural ? window.sources : parsed.sources,
    targets: window.targets.length ? window.targets : parsed.targets,
  };
}

export function argumentsOf(view: SentenceView, m: PatternMatch, means: ReadonlySet<string>, reading: ClauseReading = DEFAULT_CLAUSE_READING): CodedTrigger {
  const head = m.tokens[0];
  const last = Math.max(...m.tokens);
  const start = clauseStart(view, head);
  const end = clauseEnd(view, last);
  const args = m.pattern.nominal ? nominalArguments(view, m, start, end) : verbalArguments(view, m, start, end);
  let { sources, targets } = args;
  if (view.sx && reading !== 'window') ({ sources, targets } = withParse(view.sx, view, m, reading, { sources, targets }));
  if (m.pattern.inverse) [sources, targets] = [targets, sources];
  sources = sources.map((x) => specific(view, x));
  targets = targets.map((x) => specific(view, x));
  targets = targets.filter((t) => !sources.includes(t) && !reflexive(t, sources));
  if (!targets.length && isCameo('consult', m.pattern.cameo)) targets = hostSeat(view, sources, last, end);
  // "X and Y agreed to share information": an agreement of a compound subject is between its members.
  const agreed = view.tokens[head].lemma === 'agree' && isCameo('intend', m.pattern.cameo);
  if ((m.pattern.symmetric || agreed) && !targets.length && sources.length >= 2) {
    targets = sources.slice(1);
    sources = sources.slice(0, 1);
  }
  const definite = m.pattern.nominal && isDefinite(view, head);
  let byMeans = !m.pattern.nominal && !sources.length && targets.length > 0 && instrumentSubject(view, head, start, means);
  // "three soldiers whose tank fire killed a journalist": the means belongs to whom "whose" refers to.
  const owner = byMeans && view.tokens[start - 1]?.normal === 'whose' ? view.mentions.find((x) => x.tokenEnd === start - 1) : undefined;
  if (owner) {
    sources = [owner];
    byMeans = false;
  }
  const agentless = byMeans || (!m.pattern.nominal && !sources.length && targets.length > 0 && (isPassive(view, head) || args.doerUnknown === true));
  return { match: m, sources, targets, attribution: attributionOf(view, start, end), definite, agentless, ...(byMeans ? { byMeans } : {}) };
}

/** A mention of one person: a named person, a surname, "he"/"she", an office ("the prime minister", "senator Paulo Souza"). */
function onePerson(m: ActorMention): boolean {
  return m.actors.length === 1 && (m.kind === 'person' || m.kind === 'title' || m.ruleId === 'pronoun' || m.actors[0].entityId?.startsWith('person.') === true);
}

/** The pattern's code, or its `byPerson` code when every source is one person (patterns.ts). */
function codeOf(c: CodedTrigger): { readonly cameo: string; readonly ruleId: string } {
  const p = c.match.pattern;
  if (p.byPerson && c.sources.length > 0 && c.sources.every(onePerson)) return { cameo: p.byPerson, ruleId: `${p.id}+by-person` };
  const bySector = p.bySector;
  if (bySector && c.sources.length > 0 && c.sources.every((m) => m.actors.every((a) => a.sector !== null && bySector.sectors.includes(a.sector.slice(0, 3))))) {
    return { cameo: bySector.cameo, ruleId: `${p.id}+by-sector` };
  }
  return { cameo: p.cameo, ruleId: p.id };
}

export function toEventMention(c: CodedTrigger, index: number, sentence: number, tokens: readonly Token[], antecedent: number | null): EventMention {
  const ids = [...c.match.tokens].sort((a, b) => a - b);
  const confidence = c.match.pattern.confidence * (c.sources.length ? 1 : 0.7) * (c.targets.length ? 1 : 0.85);
  return {
    index,
    sentence,
    trigger: { start: tokens[ids[0]].start, end: tokens[ids[ids.length - 1]].end },
    triggerTokens: ids,
    ...codeOf(c),
    nominal: c.match.pattern.nominal,
    sources: c.sources.map((m) => m.index),
    targets: c.targets.map((m) => m.index),
    attribution: c.attribution?.index ?? null,
    antecedent,
    confidence: Math.round(confidence * 100) / 100,
    ...(c.byMeans ? { byMeans: true } : {}),
    ...(c.claimedBy !== undefined ? { claimedBy: { start: tokens[c.claimedBy].start, end: tokens[c.claimedBy].end } } : {}),
  };
}
