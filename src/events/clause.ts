/**
 * Clause reading over tokens: where a clause starts and ends, which actor mention is the subject, the
 * object, the possessor, or the actor behind a preposition. Rules of English, not of any one corpus.
 */
import type { ActorMention, Token } from '../core/doc.js';
import type { Syntax } from '../syntax/index.js';
import { CALENDAR_NAMES, OBJECT_CONTROL_VERBS, REPORTING_VERBS, TIME_NOUNS, withMarks, wordsOf } from '../syntax/english.js';
import { isDefinite, isParticiple, isPassive, MODIFIER_POS } from './verb-group.js';

export { isDefinite, isParticiple, isPassive };

const CLAUSE_BREAK = withMarks([';', ':'], 'clause.break');
const POSSESSIVE_DETERMINERS = wordsOf('possessive.third-person', 'possessive.our');
export const PREPOSITIONS = wordsOf('preposition.common');

export interface SentenceView {
  readonly tokens: readonly Token[];
  /** Token range of the sentence. */
  readonly from: number;
  readonly to: number;
  /** Mentions of this sentence, in order. */
  readonly mentions: readonly ActorMention[];
  /** The dependency tree of the document, when the parse stage ran. */
  readonly sx?: Syntax;
}

export function isReportingVerb(t: Token): boolean {
  return REPORTING_VERBS.has(t.lemma) && (t.pos === 'VERB' || t.pos === 'AUX');
}

const CLAUSE_REPORTING = wordsOf('verb.reporting-clause');
const COMMA_COORDINATORS = wordsOf('clause.comma-coordinator');
const COORDINATORS = wordsOf('clause.coordinator');

/**
 * "X said Y attacked Z" reports a clause; "Italy announced a suspension of links" does not: a reporting
 * verb other than say/tell opens a clause only before "that", a pronoun or a name.
 */
function introducesClause(view: SentenceView, k: number): boolean {
  const t = view.tokens[k];
  if (CLAUSE_REPORTING.has(t.lemma)) return true;
  const next = view.tokens[k + 1];
  return next === undefined || next.normal === 'that' || next.pos === 'PRON' || next.pos === 'PROPN' || next.text === ',';
}

/** First token of the clause holding token i. */
export function clauseStart(view: SentenceView, i: number): number {
  for (let k = i - 1; k >= view.from; k--) {
    const t = view.tokens[k];
    if (CLAUSE_BREAK.has(t.normal)) return k + 1;
    if (isReportingVerb(t) && introducesClause(view, k)) return k + 1 + (view.tokens[k + 1]?.normal === 'that' ? 1 : 0);
    // "that" opens a clause unless it is a determiner ("that country").
    if (t.normal === 'that' && !['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(view.tokens[k + 1]?.pos ?? '')) return k + 1;
  }
  return view.from;
}

/** ", a UN official said", ", officials told AFP": a trailing attribution after a comma. */
function reportingTail(view: SentenceView, comma: number): boolean {
  for (let k = comma + 1; k <= Math.min(view.to - 1, comma + 6); k++) {
    const t = view.tokens[k];
    if (isReportingVerb(t)) return true;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.normal === ',') return false;
  }
  return false;
}

/** Token after the last token of the clause holding token i. */
export function clauseEnd(view: SentenceView, i: number): number {
  for (let k = i + 1; k < view.to; k++) {
    const t = view.tokens[k];
    if (CLAUSE_BREAK.has(t.normal) || t.normal === 'according') return k;
    // ", and the Philippine government appealed": a comma before a coordinating conjunction ends the clause.
    if (t.normal === ',' && COMMA_COORDINATORS.has(view.tokens[k + 1]?.normal ?? '')) return k;
    if (t.normal === ',' && reportingTail(view, k)) return k;
    if (isReportingVerb(t) && k > i + 1) return k;
  }
  return view.to;
}

/** The preposition governing a mention ("to" in "to the Kremlin"), or null. */
/** "Thousands of Egyptians", "a group of Moroccan diplomats": the "of" belongs to a quantity, not a phrase. */
const QUANTITY = wordsOf('noun.quantity');

function quantityWord(view: SentenceView, k: number): boolean {
  const w = view.tokens[k].normal;
  const prev = view.tokens[k - 1]?.normal ?? '';
  return (w === 'than' && ['more', 'less', 'fewer'].includes(prev)) || (w === 'to' && prev === 'up')
    || ((w === 'least' || w === 'most') && prev === 'at') || ['more', 'less', 'fewer', 'up', 'at'].includes(w) && /^(than|to|least|most)$/.test(view.tokens[k + 1]?.normal ?? '');
}

export function governingPreposition(view: SentenceView, m: ActorMention): string | null {
  // "on Friday they would": a subject pronoun is governed by nothing but the preposition right before it.
  if (view.tokens[m.tokenStart].pos === 'PRON' && m.tokenEnd - m.tokenStart === 1) {
    const prev = view.tokens[m.tokenStart - 1];
    return prev && PREPOSITIONS.has(prev.normal) && m.tokenStart > view.from ? prev.normal : null;
  }
  for (let k = m.tokenStart - 1; k >= view.from; k--) {
    const t = view.tokens[k];
    if (t.normal === 'of' && QUANTITY.has(view.tokens[k - 1]?.normal ?? '')) return null;
    // "more than 100 Palestinians", "up to 16 Russian advisers": a quantity, not a preposition.
    if (quantityWord(view, k)) continue;
    // "with their Saudi counterparts": a possessive pronoun is a determiner of the phrase.
    if (POSSESSIVE_DETERMINERS.has(t.normal)) continue;
    // Skip determiners, adjectives and capitalised words (titles missing from the dictionary).
    const titleLike = (t.pos === 'PROPN' || t.pos === 'NOUN') && /^[A-Z]/.test(t.text) && k > view.from && !CALENDAR_NAMES.has(t.normal);
    if ((MODIFIER_POS.has(t.pos) || titleLike) && !PREPOSITIONS.has(t.normal)) continue;
    if (t.normal === "'s") return null;
    return PREPOSITIONS.has(t.normal) ? t.normal : null;
  }
  return null;
}

/**
 * Mentions joined to m on its left, nearest first: "X and Y", "X, Y and Z". The link next to m must
 * hold "and"; commas alone ("According to the Kremlin, Putin ...") join nothing.
 */
function conjunctsLeft(view: SentenceView, m: ActorMention, floor: number): ActorMention[] {
  const out: ActorMention[] = [];
  let current = m;
  for (;;) {
    const prev = view.mentions.filter((x) => x.tokenEnd <= current.tokenStart && x.tokenStart >= floor).pop();
    if (!prev || governingPreposition(view, prev) !== null) return out;
    const between = view.tokens.slice(prev.tokenEnd, current.tokenStart).map((t) => t.normal);
    if (!between.length || !between.every((w) => w === 'and' || w === ',' || w === 'both' || w === 'the')) return out;
    if (!between.includes('and') && (out.length === 0 || !between.includes(','))) return out;
    out.push(prev);
    current = prev;
  }
}

/** Mentions joined to m by "and" on its right ("between X and Y"). */
export function conjunctsRight(view: SentenceView, m: ActorMention, ceiling: number): ActorMention[] {
  const out: ActorMention[] = [];
  let current = m;
  for (;;) {
    const next = view.mentions.find((x) => x.tokenStart >= current.tokenEnd && x.tokenEnd <= ceiling);
    if (!next) return out;
    const between = view.tokens.slice(current.tokenEnd, next.tokenStart).map((t) => t.normal);
    if (!between.length || !between.every((w) => w === 'and' || w === ',' || w === 'the')) return out;
    out.push(next);
    current = next;
  }
}

/** "Turkish and Greek sides": a demonym modifier joined by "and" to an actor shares its head noun. */
function conjoinedModifier(view: SentenceView, m: ActorMention): boolean {
  if (!m.modifier) return true;
  const prev = view.mentions.filter((x) => x.tokenEnd <= m.tokenStart).pop();
  return prev !== undefined && view.tokens.slice(prev.tokenEnd, m.tokenStart).map((t) => t.normal).join(' ') === 'and';
}

/**
 * "X will visit Y to mediate": an infinitive's subject is its governing verb's subject, unless that verb
 * hands it to its object ("urged Y to support Z"). Returns the governing verb, or null.
 */
function subjectControl(view: SentenceView, i: number, start: number): number | null {
  if (view.tokens[i - 1]?.normal !== 'to') return null;
  for (let k = i - 2; k >= start; k--) {
    const t = view.tokens[k];
    if (t.pos !== 'VERB') continue;
    const objectBetween = view.mentions.some((m) => m.tokenStart > k && m.tokenEnd <= i - 1);
    return OBJECT_CONTROL_VERBS.has(t.lemma) || !objectBetween ? null : k;
  }
  return null;
}

/** The clause subject before token i: nearest mention not inside a prepositional phrase, with its conjuncts. */
/**
 * "Pakistan, a key U.S. ally, has refused": a comma-enclosed apposition right before the verb is
 * skipped; returns where to look for the subject.
 */
function beforeApposition(view: SentenceView, i: number, start: number): number {
  let k = i - 1;
  while (k > start && (view.tokens[k].pos === 'AUX' || view.tokens[k].pos === 'ADV' || view.tokens[k].pos === 'PART')) k--;
  if (view.tokens[k]?.normal !== ',') return i;
  for (let j = k - 1; j > Math.max(start, k - 15); j--) {
    if (view.tokens[j].normal === ',') return view.mentions.some((m) => m.tokenEnd === j) ? j : i;
  }
  return i;
}

/**
 * "Pakistan, a key U.S. ally in the war, has refused ... and has urged": m sits in a comma-enclosed
 * apposition to the mention before it, which is the subject.
 */
function inApposition(view: SentenceView, m: ActorMention, limit: number): boolean {
  let open = -1;
  for (let k = m.tokenStart - 1; k >= Math.max(view.from, m.tokenStart - 8); k--) {
    if (view.tokens[k].normal === ',') {
      open = k;
      break;
    }
  }
  if (open < 0) return false;
  // "Yigal Amir, the student who assassinated Rabin, began": a relative clause between commas is no subject.
  const relative = view.tokens.slice(open + 1, m.tokenStart).some((t) => SUBJECT_RELATIVES.has(t.normal));
  if (!relative && !view.mentions.some((x) => x.tokenEnd === open)) return false;
  for (let k = m.tokenEnd; k < limit; k++) {
    if (view.tokens[k].normal === ',') return true;
    if (view.tokens[k].pos === 'VERB') return false;
  }
  return false;
}

/** "X has refused to deploy troops in Iraq and has urged": the verb before the "and" shares the subject. */
function coordinatedVerb(view: SentenceView, i: number, start: number): number | null {
  let k = i - 1;
  while (k >= start && ['AUX', 'ADV', 'PART'].includes(view.tokens[k].pos)) k--;
  // "but" ends a clause for the window ("had been expected, but still drew"): the verb before it is in the clause before.
  const from = k === start - 1 && view.tokens[k]?.normal === 'but' ? clauseStart(view, k) : start;
  if (k <= from || !COORDINATORS.has(view.tokens[k].normal)) return null;
  for (let j = k - 1; j >= from; j--) {
    if (view.tokens[j].pos === 'VERB') return j;
  }
  // "X said the referendum was a farce and accused Y": with no verb in the reported clause before the
  // "and" (a copula only), the verb after it is coordinated with the reporting verb.
  const reporting = view.tokens[from - 1]?.normal === 'that' ? from - 2 : from - 1;
  return reporting >= view.from && isReportingVerb(view.tokens[reporting]) ? reporting : null;
}

/**
 * "Israel bombed Gaza on Monday, killing ten civilians", "supporters marched, calling for his release": a
 * participle clause after a comma has no subject of its own; its subject is the main verb's.
 */
function adjunctParticiple(view: SentenceView, i: number, start: number): number | null {
  const t = view.tokens[i];
  if (t.pos !== 'VERB' || !t.normal.endsWith('ing')) return null;
  let k = i - 1;
  while (k > start && view.tokens[k].pos === 'ADV') k--;
  if (k <= start || view.tokens[k].normal !== ',') return null;
  for (let j = k - 1; j >= start; j--) {
    const v = view.tokens[j];
    if (v.pos === 'VERB' && !v.normal.endsWith('ing') && !isPassive(view, j)) return j;
  }
  return null;
}

export function subjectBefore(view: SentenceView, i: number, start: number): ActorMention[] {
  const governing = subjectControl(view, i, start) ?? coordinatedVerb(view, i, start) ?? adjunctParticiple(view, i, start);
  if (governing !== null) return subjectBefore(view, governing, Math.min(start, clauseStart(view, governing)));
  // Everything inside a relative clause closed before the verb is the relative's, not the verb's subject.
  const closed = closedRelative(view, start, i);
  if (closed !== null) return closed ? [closed] : [];
  const limit = beforeApposition(view, i, start);
  const before = view.mentions.filter((m) => m.tokenEnd <= limit && m.tokenStart >= start && conjoinedModifier(view, m));
  for (let k = before.length - 1; k >= 0; k--) {
    const m = before[k];
    if (governingPreposition(view, m) !== null) continue;
    if (view.tokens[m.tokenEnd]?.normal === "'s") continue;
    if (inApposition(view, m, limit)) continue;
    return [...conjunctsLeft(view, m, start).reverse(), m];
  }
  // "A camp for Congolese refugees was attacked", "the head of the IAEA warned": with no actor of its own,
  // the subject phrase stands for the actor its "of"/"for" names.
  const owner = before.find((m) => ownerRole(view, m) === null && !view.tokens.slice(m.tokenEnd, limit).some((t) => t.pos === 'VERB'));
  if (owner) return [owner];
  // "Iran's nuclear test drew condemnation": the possessor opening the subject phrase stands for it.
  const possessor = before.find((m) => view.tokens[m.tokenEnd]?.normal === "'s" && !m.modifier
    && view.tokens.slice(start, m.tokenStart).every((t) => t.pos === 'DET')
    && !view.tokens.slice(m.tokenEnd, limit).some((t) => t.pos === 'VERB' || t.pos === 'AUX' || PREPOSITIONS.has(t.normal) || t.normal === ','));
  if (possessor) return [possessor];
  const antecedent = relativeAntecedent(view, start, i);
  return antecedent ? [antecedent] : [];
}

/** Relative pronouns that stand for the noun phrase before them as the subject of their clause. */
const SUBJECT_RELATIVES = wordsOf('pronoun.subject-relative');

/**
 * "Jack Straw, who will hold talks in Beijing, said": a clause opened by a subject relative pronoun, with
 * no subject of its own, has the phrase before the pronoun (and its comma) as its subject (i: the verb).
 */
function relativeAntecedent(view: SentenceView, start: number, i: number): ActorMention | undefined {
  if (start - 1 <= view.from || !SUBJECT_RELATIVES.has(view.tokens[start - 1].normal)) return undefined;
  const end = view.tokens[start - 2].normal === ',' ? start - 2 : start - 1;
  const antecedent = view.mentions.find((m) => m.tokenEnd === end && !m.modifier);
  // "Amir, the student who killed Rabin, began": a verb after the relative clause's closing comma is the main one.
  if (view.tokens.slice(start, i).some((t) => t.normal === ',')) return undefined;
  return antecedent;
}

/**
 * syntax.nonrestrictive-relative: "Norway, which has funded clinics in Malawi, pledged aid": a clause set
 * off by commas right after its noun is that noun's, and the verb group right after the closing comma has
 * the noun as its subject. Returns that noun's mention (undefined when it names no actor), or null when
 * the verb at i does not follow such a clause.
 */
function closedRelative(view: SentenceView, start: number, i: number): ActorMention | undefined | null {
  if (start - 2 <= view.from || !SUBJECT_RELATIVES.has(view.tokens[start - 1].normal) || view.tokens[start - 2].normal !== ',') return null;
  if (!afterClosingComma(view, start, i)) return null;
  return view.mentions.find((m) => m.tokenEnd === start - 2 && !m.modifier);
}

/** The verb group at i follows a comma straight away ("..., has also pledged"), past the clause opened at start. */
function afterClosingComma(view: SentenceView, start: number, i: number): boolean {
  let k = i - 1;
  while (k > start && ['AUX', 'ADV', 'PART'].includes(view.tokens[k].pos)) k--;
  return k > start && view.tokens[k].normal === ',';
}

const OWNER_PREPOSITIONS = wordsOf('preposition.owner');
const BORDER_NOUNS = wordsOf('noun.border');
const OWN_POSSESSIVES = wordsOf('possessive.group');
const PHRASE_POS = new Set(['NOUN', 'ADJ', 'DET', 'NUM']);

/**
 * "the computers of South Korean army officers", "positions of the Palestinian security forces": m hangs
 * by "of" (or "for") on a noun phrase that names no actor. Returns the preposition governing that whole
 * phrase, null when the phrase is bare (a subject or an object), or undefined when m hangs on no such
 * phrase (another preposition, or "of" after a verb or an actor).
 */
export function ownerRole(view: SentenceView, m: ActorMention): string | null | undefined {
  const prep = governingPreposition(view, m);
  if (prep === null) return undefined;
  let k = m.tokenStart - 1;
  while (k > view.from && view.tokens[k].normal !== prep) k--;
  const noun = view.tokens[k - 1];
  // "along its border with Pakistan": the other side of a border owns it, as X owns "positions of X".
  if (!OWNER_PREPOSITIONS.has(prep) && !(prep === 'with' && BORDER_NOUNS.has(noun?.lemma ?? ''))) return undefined;
  // "jailed last year by the government": "by" after a time is the agent of a verb, not a noun's doer.
  if (prep === 'by' && TIME_NOUNS.has(noun?.normal ?? '')) return undefined;
  // wink tags some head nouns as adjectives ("the deputy chief of").
  if (noun === undefined || (noun.pos !== 'NOUN' && noun.pos !== 'ADJ') || view.mentions.some((x) => x.tokenEnd === k)) return undefined;
  let j = k - 1;
  const inPhrase = (t: Token): boolean => PHRASE_POS.has(t.pos) || t.text === '-' || OWN_POSSESSIVES.has(t.normal);
  while (j > view.from && inPhrase(view.tokens[j - 1]) && !PREPOSITIONS.has(view.tokens[j - 1].normal)) j--;
  if (view.mentions.some((x) => x.tokenEnd === j)) return undefined;
  const before = view.tokens[j - 1];
  if (before === undefined || j <= view.from) return null;
  return PREPOSITIONS.has(before.normal) ? before.normal : null;
}

/** Is there a verb in tokens [from, to)? An argument never lies beyond the next verb. */
export function verbBetween(view: SentenceView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = view.tokens[k];
    if ((t.pos === 'VERB' || t.pos === 'AUX') && t.normal !== "'s" && !adjectivalParticiple(view, k, from)) return true;
  }
  return false;
}

/**
 * "rejected proposed Israeli changes", "the detained journalist": a participle opening a noun phrase
 * modifies it. "the decision and urged Brussels" is a verb: a participle after "and" or a noun is one.
 */
function adjectivalParticiple(view: SentenceView, k: number, from: number): boolean {
  const t = view.tokens[k];
  const next = view.tokens[k + 1];
  const prev = view.tokens[k - 1];
  const opensPhrase = k === from || (prev !== undefined && ['DET', 'ADJ', 'NUM', 'ADV'].includes(prev.pos));
  return opensPhrase && t.pos === 'VERB' && /(ed|en)$/.test(t.normal) && next !== undefined && ['NOUN', 'PROPN', 'ADJ'].includes(next.pos);
}

/**
 * The first mention after token i introduced by one of `preps` ("with", "to"), with its conjuncts.
 * No verb may stand between; `reach` limits how far (noun events keep their arguments close).
 */
/** "his" in "met his Indonesian counterpart": a possessive pronoun right before another mention only determines it. */
function determinerOfNext(view: SentenceView, m: ActorMention): boolean {
  return m.tokenEnd - m.tokenStart === 1 && POSSESSIVE_DETERMINERS.has(view.tokens[m.tokenStart].normal)
    && view.mentions.some((x) => x.tokenStart === m.tokenEnd);
}

export function prepositionalAfter(view: SentenceView, i: number, end: number, preps: readonly string[], reach = 12): ActorMention[] {
  for (const m of view.mentions) {
    if (m.tokenStart < i || m.tokenEnd > end || determinerOfNext(view, m)) continue;
    if (m.tokenStart - i > reach || verbBetween(view, i, m.tokenStart)) return [];
    const prep = governingPreposition(view, m);
    if (prep !== null && preps.includes(prep)) return [m, ...conjunctsRight(view, m, end)];
    // "hacked into the computers of X": X owns the phrase "into" governs.
    const owner = ownerRole(view, m);
    if (owner && preps.includes(owner)) return [m, ...conjunctsRight(view, m, end)];
  }
  return [];
}

/** The direct object: the first mention after token i not behind a preposition, within a few words. */
export function objectAfter(view: SentenceView, i: number, end: number): ActorMention[] {
  for (const m of view.mentions) {
    if (m.tokenStart < i || m.tokenEnd > end || determinerOfNext(view, m)) continue;
    if (m.tokenStart - i > 10 || verbBetween(view, i, m.tokenStart)) return [];
    // "the IRA expelled three of its members and Sinn Fein expelled seven": a mention before its own verb is a subject.
    if (m.tokenStart > i && ['VERB', 'AUX'].includes(view.tokens[m.tokenEnd]?.pos ?? '') && view.tokens[m.tokenStart - 1]?.normal === 'and') return [];
    if (governingPreposition(view, m) !== null) {
      // "killed the deputy chief of X", "shelled positions of X": X owns the object.
      if (ownerRole(view, m) === null) return [m, ...conjunctsRight(view, m, end)];
      return [];
    }
    if (m.tokenStart - i > 6) return [];
    return [m, ...conjunctsRight(view, m, end)];
  }
  return [];
}

/** "Putin's visit", "Russian attack": the mention owning a noun at token i. */
export function possessorOf(view: SentenceView, i: number): ActorMention[] {
  let k = i - 1;
  while (k >= view.from && MODIFIER_POS.has(view.tokens[k].pos) && !(view.tokens[k].normal === "'s")) k--;
  if (k < view.from) return [];
  const end = view.tokens[k].normal === "'s" || view.tokens[k].normal === "'" ? k : k + 1;
  const m = view.mentions.find((x) => x.tokenEnd === end);
  if (!m) return [];
  return [...conjunctsLeft(view, m, view.from).reverse(), m];
}

/**
 * "A roadside bombing near Samarra killed", "an explosion wounded": the head of the clause's subject phrase
 * (its first noun before any preposition) names the means, not the doer.
 */
export function instrumentSubject(view: SentenceView, i: number, start: number, means: ReadonlySet<string>): boolean {
  for (let k = start; k < i; k++) {
    const t = view.tokens[k];
    if (PREPOSITIONS.has(t.normal) || t.pos === 'VERB' || t.pos === 'PRON' || t.pos === 'PROPN') return false;
    if (t.pos !== 'NOUN') continue;
    // The head is the last noun of the first noun run ("car bomb attack").
    let h = k;
    while (view.tokens[h + 1]?.pos === 'NOUN' && h + 1 < i) h++;
    return means.has(view.tokens[h].lemma) || means.has(view.tokens[h].normal.replace(/s$/, ''));
  }
  return false;
}

/**
 * "North Korea warned that it would strike back": a pronoun that names the doer itself is no one the
 * doer acts on; the event's target is found elsewhere (its condition, its object).
 */
export function reflexive(t: ActorMention, sources: readonly ActorMention[]): boolean {
  const codes = (m: ActorMention): string => m.actors.map((a) => a.code).sort().join('+');
  return t.kind === 'coreference' && sources.some((s) => codes(s) === codes(t));
}
