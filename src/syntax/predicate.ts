/**
 * The arguments of an event word, read from the tree: who acts and who is acted on, for a verb
 * (passives undone, control and shared subjects through clause.ts) and for an event noun
 * ("Russia's invasion of Ukraine", "talks between X and Y", "held talks with Y"), and the tokens
 * of a phrase that may say who the phrase is ("the head of the IAEA" -> IAEA).
 */
import {
  agentOf, isPassive, obliquesOf, patientOf, possessorOf, subjectOf, withConjuncts, type ArgumentVia, type Oblique,
} from './clause.js';
import { childrenOf, headOf, relOf, type Syntax, uposOf } from './tree.js';
import { wordsOf } from './english.js';

/** Nouns of a border: the other side, named by "with", owns it (data/grammar/english.yaml). */
const BORDER_NOUNS = wordsOf('noun.border');

/** Relations inside a noun phrase that may carry its actor, in the order they are tried. */
const NAME_PARTS = ['flat', 'flat:name', 'compound', 'appos', 'nmod:poss', 'amod', 'nmod:desc'];
/** How deep "the head of the office of X" may go. */
const OWNER_DEPTH = 2;

/**
 * The tokens of the phrase headed by `head` that may name its actor, best first: the head, its
 * name parts, appositions, possessor and modifiers, then the noun its "of" names ("positions of
 * the army", "the head of the IAEA"). A clause inside the phrase (a relative) is never entered.
 */
export function namingTokens(sx: Syntax, head: number, depth = 0): number[] {
  const out = [head];
  for (const rel of NAME_PARTS) out.push(...childrenOf(sx, head, [rel]));
  if (depth < OWNER_DEPTH) {
    for (const o of obliquesOf(sx, head)) {
      if (o.prep === 'of' || o.prep === 'for') out.push(...namingTokens(sx, o.token, depth + 1));
    }
    for (const side of borderSide(sx, head)) out.push(...namingTokens(sx, side, depth + 1));
  }
  return out;
}

/**
 * "on its border with Turkey": the other side of a border owns it. The parser often hangs "with Turkey"
 * on the verb instead of the noun; a "with" phrase right after the border noun is read as the noun's.
 */
function borderSide(sx: Syntax, noun: number): number[] {
  if (!BORDER_NOUNS.has(sx.tokens[noun].lemma.toLowerCase())) return [];
  const own = obliquesOf(sx, noun, 'with').map((o) => o.token);
  if (own.length) return own;
  const governor = headOf(sx, noun);
  return governor < 0 ? [] : obliquesOf(sx, governor, 'with').filter((o) => o.prepTokens[0] === noun + 1).map((o) => o.token);
}

/**
 * Modifiers of a noun joined by a conjunction ("Hungarian and Romanian officials", "the Turkish and
 * Greek sides"): each names a party of its own, so the phrase stands for all of them. Empty when the
 * noun has no coordinated modifier.
 */
export function coordinatedModifiers(sx: Syntax, noun: number): number[] {
  const out: number[] = [];
  for (const m of childrenOf(sx, noun, ['amod', 'compound', 'nmod:poss'])) {
    const all = withConjuncts(sx, m);
    if (all.length > 1) out.push(...all);
  }
  return out;
}

export interface PredicateArguments {
  /** Heads of the doer's phrase, each with its conjuncts ("Russia and China agreed": both). */
  readonly agents: readonly number[];
  /** Heads of the one acted on: a direct object, or a passive subject. */
  readonly patients: readonly number[];
  /** Obliques (verb) or nominal modifiers (noun) of the event word and the other trigger words. */
  readonly obliques: readonly Oblique[];
  /** True when the doer was read from a passive's by-phrase, or the patient from its subject. */
  readonly passive: boolean;
  /** How the doer was found (clause.ts): on the verb, a by-phrase, a relative, control, a shared subject. */
  readonly agentVia: ArgumentVia | null;
}

function conjoined(sx: Syntax, heads: readonly number[]): number[] {
  return [...new Set(heads.flatMap((h) => withConjuncts(sx, h)))].sort((a, b) => a - b);
}

function obliquesOfAll(sx: Syntax, words: readonly number[]): Oblique[] {
  const seen = new Set<number>();
  const out: Oblique[] = [];
  for (const w of words) {
    for (const o of obliquesOf(sx, w)) {
      if (seen.has(o.token) || words.includes(o.token)) continue;
      seen.add(o.token);
      out.push(...withConjuncts(sx, o.token).map((t) => (t === o.token ? o : { ...o, token: t })));
    }
  }
  return out;
}

/** Doer, patient and obliques of a verb; `words` are the other words of its trigger ("held talks with"). */
export function verbArguments(sx: Syntax, verb: number, words: readonly number[] = [verb]): PredicateArguments {
  const agent = agentOf(sx, verb);
  const patient = patientOf(sx, verb);
  const passive = isPassive(sx, verb);
  const objects = childrenOf(sx, verb, ['iobj', 'obj']);
  let patients = patient ? [patient.token, ...objects.filter((o) => o !== patient.token)] : objects;
  // "threatened to ban the opposition": the object of a later verb of the trigger is the one acted on.
  if (!patients.length) patients = words.filter((w) => w !== verb).flatMap((w) => childrenOf(sx, w, ['obj', 'iobj']));
  return {
    agents: agent ? conjoined(sx, [agent.token]) : [],
    patients: conjoined(sx, patients),
    obliques: obliquesOfAll(sx, [verb, ...words.filter((w) => w !== verb)]),
    passive,
    agentVia: agent?.via ?? null,
  };
}

/** The verb an event noun is the object of ("held talks", "imposed sanctions"), or -1. */
export function governorOfNoun(sx: Syntax, noun: number): number {
  const rel = relOf(sx, noun);
  const head = sx.deps[noun].head;
  if (head < 0 || (rel !== 'obj' && rel !== 'obl')) return -1;
  const pos = uposOf(sx, head);
  return pos === 'VERB' || pos === 'AUX' ? head : -1;
}

/**
 * Doer and obliques of an event noun: its possessor ("Russia's invasion"), else its modifiers
 * ("a Russian attack"); obliques with their prepositions ("of Ukraine", "between X and Y").
 * The doer of the governing verb is left to the caller, who knows which verbs carry events.
 */
export function nounArguments(sx: Syntax, noun: number, words: readonly number[] = [noun]): PredicateArguments {
  const poss = possessorOf(sx, noun);
  const modifiers = poss >= 0 ? [poss] : childrenOf(sx, noun, ['amod', 'compound']).filter((m) => m < noun);
  return { agents: conjoined(sx, modifiers), patients: [], obliques: obliquesOfAll(sx, [noun, ...words.filter((w) => w !== noun)]), passive: false, agentVia: null };
}

/**
 * "A hospital was hit by air strikes", "the city was rocked by a bombing": an event noun that is the
 * by-phrase of a passive verb did to that verb's subject what the verb says. Returns the subject
 * (with its conjuncts), or nothing when the noun is no passive's by-phrase.
 */
export function passiveSufferer(sx: Syntax, noun: number): number[] {
  const verb = sx.deps[noun].head;
  if (verb < 0 || relOf(sx, noun) !== 'obl:agent' || !isPassive(sx, verb)) return [];
  const s = subjectOf(sx, verb);
  return s ? conjoined(sx, [s.token]) : [];
}

/** The subject of the verb governing an event noun ("Putin paid a visit": Putin), or null. */
export function governorSubject(sx: Syntax, verb: number): number[] {
  const s = subjectOf(sx, verb);
  return s ? conjoined(sx, [s.token]) : [];
}
