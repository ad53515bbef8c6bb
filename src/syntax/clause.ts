/**
 * Clause-level queries over the dependency tree: who did it (subject, with passives undone, control
 * and shared subjects resolved), to whom (objects, obliques with their prepositions), in which
 * clause, under which governing verb, with which auxiliaries and negation.
 * Relation names are Universal Dependencies'; words known by form come from data/parse/syntax.yaml.
 */
import { baseRel, childOf, childrenOf, childrenWithBase, relOf, subtreeOf, type Syntax, uposOf } from './tree.js';
import { syntaxWords } from './words.js';
import { wordsOf } from './english.js';

/** How an argument was found: on the verb itself, or through another word. */
export type ArgumentVia =
  | 'direct'      // a dependent of the verb ("Russia attacked")
  | 'agent'       // the by-phrase of a passive ("was attacked by Russia")
  | 'relative'    // the noun a relative clause modifies ("the troops that attacked")
  | 'control'     // the subject or object of the governing verb ("Russia plans to visit")
  | 'shared';     // the subject of the first of coordinated verbs ("Russia attacked and seized")

export interface Argument {
  /** The head token of the argument phrase. */
  readonly token: number;
  readonly via: ArgumentVia;
}

export interface Oblique {
  /** The head token of the oblique phrase (the noun of "with Russia"). */
  readonly token: number;
  /** Its relation: "obl", "obl:tmod", "obl:agent", "nmod", "nmod:poss", ... */
  readonly rel: string;
  /** The preposition, lower case, multiword ones joined ("according to", "on behalf of"); null when none. */
  readonly prep: string | null;
  readonly prepTokens: readonly number[];
}

const SUBJECT = ['nsubj', 'nsubj:pass', 'csubj', 'csubj:pass', 'nsubj:outer', 'csubj:outer'];
const PASSIVE = ['nsubj:pass', 'csubj:pass', 'aux:pass'];
const OBJECT = ['obj', 'iobj'];
const NOMINAL: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
const CLAUSE = ['root', 'ccomp', 'xcomp', 'advcl', 'advcl:relcl', 'acl', 'acl:relcl', 'csubj', 'csubj:pass', 'csubj:outer', 'parataxis'];
const EMBEDDED = ['ccomp', 'xcomp', 'advcl', 'advcl:relcl', 'csubj', 'csubj:pass'];
const VERBAL = new Set(['VERB', 'AUX']);

/** True when the verb is passive (it has a passive subject or a passive auxiliary). */
export function isPassive(sx: Syntax, verb: number): boolean {
  if (childOf(sx, verb, PASSIVE) >= 0) return true;
  // Only a passive has a by-phrase agent ("a convoy attacked by rebels": no "be" needed).
  const agent = childOf(sx, verb, ['obl:agent']);
  if (agent >= 0 && childrenOf(sx, agent, ['case']).some((c) => sx.tokens[c].normal === 'by')) return true;
  // "journalists kidnapped in Iraq": a past participle modifying a noun, with no object, is passive.
  return relOf(sx, verb) === 'acl' && pastParticiple(sx, verb) && childOf(sx, verb, OBJECT) < 0 && childOf(sx, verb, ['mark']) < 0;
}

function pastParticiple(sx: Syntax, t: number): boolean {
  const tok = sx.tokens[t];
  return tok.normal !== tok.lemma && /(ed|en|wn)$/.test(tok.normal);
}

/** True when t heads a clause: the root, a clausal dependent, or a verb coordinated with one. */
export function isClauseHead(sx: Syntax, t: number): boolean {
  const rel = relOf(sx, t);
  if (CLAUSE.includes(rel)) return true;
  if (rel !== 'conj' || sx.deps[t].head < 0 || !isClauseHead(sx, sx.deps[t].head)) return false;
  return VERBAL.has(uposOf(sx, t)) || childOf(sx, t, [...SUBJECT, 'aux', 'aux:pass', 'cop']) >= 0;
}

/** The head of the clause t is in (t itself when it heads one). */
export function clauseOf(sx: Syntax, t: number): number {
  let x = t;
  for (let steps = 0; steps <= sx.deps.length; steps++) {
    if (isClauseHead(sx, x) || sx.deps[x].head < 0) return x;
    x = sx.deps[x].head;
  }
  return x;
}

/** The first conjunct of t's coordination (t itself when t is not a conjunct). */
export function firstConjunct(sx: Syntax, t: number): number {
  let x = t;
  for (let steps = 0; relOf(sx, x) === 'conj' && sx.deps[x].head >= 0 && steps <= sx.deps.length; steps++) x = sx.deps[x].head;
  return x;
}

/** The other conjuncts coordinated with t ("X and Y met": for X, [Y]), in text order. */
export function conjunctsOf(sx: Syntax, t: number): number[] {
  const first = firstConjunct(sx, t);
  const out: number[] = [];
  const walk = (x: number): void => {
    for (const c of childrenOf(sx, x, ['conj'])) {
      out.push(c);
      walk(c);
    }
  };
  walk(first);
  const all = [first, ...out];
  // "Pakistan, a key U.S. ally, has refused": two nouns with only a comma between them are an
  // apposition the parser took for a list; coordinating two takes "and" or "or".
  if (all.length === 2 && NOMINAL.has(uposOf(sx, first)) && !all.some((x) => childOf(sx, x, ['cc']) >= 0)) return [];
  return all.filter((x) => x !== t).sort((a, b) => a - b);
}

/** t and its conjuncts, in text order. */
export function withConjuncts(sx: Syntax, t: number): number[] {
  return [t, ...conjunctsOf(sx, t)].sort((a, b) => a - b);
}

/** A relative pronoun ("who", "which", "that"): a pronoun that opens its relative clause. */
function isRelativizer(sx: Syntax, verb: number, arg: number): boolean {
  if (relOf(sx, verb) !== 'acl:relcl' && relOf(sx, verb) !== 'advcl:relcl') return false;
  const pos = uposOf(sx, arg);
  return (pos === 'PRON' || pos === 'DET') && subtreeOf(sx, verb).find((x) => uposOf(sx, x) !== 'PUNCT') === arg;
}

/**
 * The grammatical subject of a verb (active or passive), found through relative clauses,
 * control ("plans to visit": the planner; "urged X to visit": X) and coordinated verbs.
 */
export function subjectOf(sx: Syntax, verb: number): Argument | null {
  return subjectWithin(sx, verb, 0);
}

/**
 * The subject dependent of a verb; one the parser hung on the verb's auxiliary ("Soldiers have
 * tortured": Soldiers under "have") is the verb's, since an auxiliary has no subject of its own.
 */
function subjectChild(sx: Syntax, verb: number): number {
  const subj = childOf(sx, verb, SUBJECT);
  if (subj >= 0) return unclosedApposition(sx, subj, verb);
  for (const aux of childrenWithBase(sx, verb, 'aux')) {
    const s = childOf(sx, aux, SUBJECT);
    if (s >= 0) return s;
  }
  return -1;
}

/**
 * A mid-sentence apposition is closed by a comma. "With President Xi, President Putin will meet":
 * when the subject's "apposition" runs after the comma straight into its verb, that phrase is the
 * subject, and the words before the comma an introductory phrase the parser joined to it.
 */
function unclosedApposition(sx: Syntax, subj: number, verb: number): number {
  if (subj > verb) return subj;
  for (const a of childrenOf(sx, subj, ['appos', 'conj'])) {
    if (a > verb) continue;
    const words = subtreeOf(sx, a).filter((x) => uposOf(sx, x) !== 'PUNCT');
    const between = sx.tokens.slice(subj + 1, a);
    const after = sx.tokens.slice(words[words.length - 1] + 1, verb);
    const hasComma = (ts: readonly { readonly text: string }[]): boolean => ts.some((t) => t.text === ',');
    if (hasComma(between) && !hasComma(after) && childOf(sx, a, ['cc']) < 0) return a;
  }
  return subj;
}

function subjectWithin(sx: Syntax, verb: number, depth: number): Argument | null {
  if (depth > 8) return null;
  const rel = relOf(sx, verb);
  const head = sx.deps[verb].head;
  const subj = subjectChild(sx, verb);
  if (subj >= 0) {
    return isRelativizer(sx, verb, subj) && head >= 0 ? { token: head, via: 'relative' } : { token: subj, via: 'direct' };
  }
  if (head < 0) return null;
  if (rel === 'xcomp') {
    const obj = childOf(sx, head, OBJECT);
    if (obj >= 0) return { token: obj, via: 'control' };
    const s = subjectWithin(sx, head, depth + 1);
    return s ? { token: s.token, via: 'control' } : null;
  }
  if (rel === 'conj' && isClauseHead(sx, verb)) {
    const s = subjectWithin(sx, head, depth + 1);
    return s ? { token: s.token, via: s.via === 'direct' ? 'shared' : s.via } : null;
  }
  if (rel === 'acl:relcl') return { token: head, via: 'relative' };
  const before = relativeTakenForMain(sx, verb, head);
  if (before >= 0) return { token: before, via: 'relative' };
  // "a convoy attacked by rebels": a passive participle modifying a noun has that noun as its subject;
  // so has an active one ("troops guarding the border"; "a delegation accused Israel", where the parser
  // took the main verb for a modifier). An infinitive ("a plan to invade") has a subject of its own.
  if (rel === 'acl' && childrenOf(sx, verb, ['mark']).length === 0) return { token: head, via: 'relative' };
  // An infinitival adverbial clause, or a participle clause set off by a comma, without a subject of
  // its own takes the main clause's subject: "Iran refused to meet the envoys", "troops came to help",
  // "Israel bombed Gaza, killing ten". (A passive participle is left alone: the parser often takes a
  // noun's participle, "a lunch hosted by", for an adverbial clause.)
  if (rel === 'advcl' && !isPassive(sx, verb) && (infinitival(sx, verb) || participleAfterComma(sx, verb))) {
    const s = subjectWithin(sx, head, depth + 1);
    return s ? { token: s.token, via: 'control' } : null;
  }
  return null;
}

/** "who", "which": a relative pronoun that stands for the noun before it as its clause's subject. */
const SUBJECT_RELATIVES: ReadonlySet<string> = new Set(wordsOf('pronoun.subject-relative'));

/**
 * syntax.nonrestrictive-relative: "Norway, which has funded clinics in Malawi, pledged aid": a clause
 * set off by commas and opened by "which" or "who" is the noun's, and the verb after it has that noun
 * as its subject. When the parser took the relative clause for the main one (its "which" a subject, the
 * true main verb hung beside it), the noun before ", which" is the subject of the verb after the clause.
 */
function relativeTakenForMain(sx: Syntax, verb: number, head: number): number {
  if (verb < head || (relOf(sx, verb) !== 'parataxis' && relOf(sx, verb) !== 'conj')) return -1;
  if (relOf(sx, verb) === 'conj' && childOf(sx, verb, ['cc']) >= 0) return -1;
  const which = childOf(sx, head, SUBJECT);
  if (which < 0 || which > head || !SUBJECT_RELATIVES.has(sx.tokens[which].text.toLowerCase())) return -1;
  const noun = which - 2;
  if (noun < 0 || sx.tokens[which - 1].text !== ',' || !NOMINAL.has(uposOf(sx, noun))) return -1;
  return sx.tokens[verb - 1]?.text === ',' || sx.tokens.slice(which, verb).some((t) => t.text === ',') ? noun : -1;
}

function infinitival(sx: Syntax, verb: number): boolean {
  return childrenOf(sx, verb, ['mark']).some((m) => uposOf(sx, m) === 'PART');
}

/** "..., killing ten civilians": a clause with no subordinator right after a comma. */
function participleAfterComma(sx: Syntax, verb: number): boolean {
  const first = subtreeOf(sx, verb).find((x) => uposOf(sx, x) !== 'PUNCT') ?? verb;
  return childrenOf(sx, verb, ['mark']).length === 0 && sx.tokens[first - 1]?.text === ',';
}

/** The doer, passives undone: the subject of an active verb, the by-phrase of a passive one. */
export function agentOf(sx: Syntax, verb: number): Argument | null {
  if (!isPassive(sx, verb)) return subjectOf(sx, verb);
  const by = childOf(sx, verb, ['obl:agent']);
  return by >= 0 ? { token: by, via: 'agent' } : null;
}

/** The one acted on, passives undone: the object of an active verb, the subject of a passive one. */
export function patientOf(sx: Syntax, verb: number): Argument | null {
  if (isPassive(sx, verb)) return subjectOf(sx, verb);
  const obj = childOf(sx, verb, ['obj']);
  const head = sx.deps[verb].head;
  // "the town, which the rebels seized": the relative pronoun stands for the noun.
  if (obj >= 0) return isRelativizer(sx, verb, obj) && head >= 0 ? { token: head, via: 'relative' } : { token: obj, via: 'direct' };
  // "the town the rebels seized": a relative clause with its own subject and no object.
  if (relOf(sx, verb) === 'acl:relcl' && head >= 0 && childOf(sx, verb, SUBJECT) >= 0) {
    const subj = childOf(sx, verb, SUBJECT);
    if (!isRelativizer(sx, verb, subj)) return { token: head, via: 'relative' };
  }
  return null;
}

/** The objects of a verb (obj, iobj), in text order. */
export function objectsOf(sx: Syntax, verb: number): number[] {
  return childrenOf(sx, verb, OBJECT);
}

/** The preposition of a nominal: its case dependents (with their fixed parts), lower case. */
export function caseOf(sx: Syntax, noun: number): { prep: string | null; tokens: number[] } {
  const tokens: number[] = [];
  for (const c of childrenOf(sx, noun, ['case'])) {
    if (c > noun) continue;
    tokens.push(c, ...childrenOf(sx, c, ['fixed']));
  }
  tokens.sort((a, b) => a - b);
  return { prep: tokens.length ? tokens.map((t) => sx.tokens[t].normal).join(' ') : null, tokens };
}

/**
 * Oblique dependents of a verb (obl, obl:*), or nominal modifiers of a noun (nmod, nmod:*), with
 * their prepositions: "held talks with Russia" -> for "talks", [{ token: Russia, prep: "with" }].
 * With `prep`, only those with that preposition.
 */
export function obliquesOf(sx: Syntax, head: number, prep?: string): Oblique[] {
  const out: Oblique[] = [];
  for (const c of [...childrenWithBase(sx, head, 'obl'), ...childrenWithBase(sx, head, 'nmod')].sort((a, b) => a - b)) {
    const k = caseOf(sx, c);
    if (prep === undefined || k.prep === prep) out.push({ token: c, rel: relOf(sx, c), prep: k.prep, prepTokens: k.tokens });
  }
  return out;
}

/** The possessor of a noun ("Russia's invasion" -> Russia), or -1. */
export function possessorOf(sx: Syntax, noun: number): number {
  return childOf(sx, noun, ['nmod:poss']);
}

/** Appositions of a noun ("Lavrov, Russia's foreign minister" -> minister). */
export function appositionsOf(sx: Syntax, noun: number): number[] {
  return childrenOf(sx, noun, ['appos']);
}

/** The clausal complement of a (reporting) verb: "X said Y attacked Z" -> attacked; -1 when none. */
export function complementOf(sx: Syntax, verb: number): number {
  return childOf(sx, verb, ['ccomp']);
}

/**
 * The verb that reports a clause: the verb it is the complement of ("X said [Y attacked]"), or a
 * parenthetical verb inside it ("Y attacked Z, X said"); -1 when none. The caller decides by
 * the verb's lemma whether it reports speech.
 */
export function reportingVerbOf(sx: Syntax, clause: number): number {
  const c = clauseOf(sx, clause);
  if (relOf(sx, c) === 'ccomp' && sx.deps[c].head >= 0) return sx.deps[c].head;
  return childOf(sx, c, ['parataxis']);
}

/** The verb whose clause embeds v's clause ("plans to visit": visit -> plans); -1 when none. */
export function governingVerbOf(sx: Syntax, v: number): number {
  const c = firstConjunct(sx, clauseOf(sx, v));
  if (!EMBEDDED.includes(relOf(sx, c)) || sx.deps[c].head < 0) return -1;
  return clauseOf(sx, sx.deps[c].head);
}

/** The chain of governing verbs, nearest first ("refused to agree to meet": meet -> [agree, refused]). */
export function governingChain(sx: Syntax, v: number): number[] {
  const out: number[] = [];
  for (let g = governingVerbOf(sx, v); g >= 0 && !out.includes(g) && out.length < 16; g = governingVerbOf(sx, g)) out.push(g);
  return out;
}

/** Auxiliaries of a verb (aux, aux:pass), in text order: "will be met" -> [will, be]. */
export function auxiliariesOf(sx: Syntax, verb: number): number[] {
  return childrenOf(sx, verb, ['aux', 'aux:pass']);
}

/** Subordinating markers of a clause ("to", "that", "if", "whether"). */
export function markersOf(sx: Syntax, verb: number): number[] {
  return childrenOf(sx, verb, ['mark']);
}

/** The negating adverb of a verb ("did not attend" -> not), or -1. */
export function negationOf(sx: Syntax, verb: number): number {
  const negators = syntaxWords().negators;
  for (const c of childrenOf(sx, verb, ['advmod'])) {
    const t = sx.tokens[c];
    if (negators.has(t.normal.replace(/\u2019/g, "'")) || negators.has(t.lemma)) return c;
  }
  return -1;
}

export function isNegated(sx: Syntax, verb: number): boolean {
  return negationOf(sx, verb) >= 0;
}
