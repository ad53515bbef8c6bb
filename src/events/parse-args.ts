/**
 * Source and target of a trigger read from the dependency parse (src/syntax): the actor mentions
 * that name the phrases the tree gives as the event word's doer and patient, or its obliques with
 * the pattern's prepositions. The tree walking lives in src/syntax; here phrases become mentions.
 */
import type { ActorMention, Token } from '../core/doc.js';
import {
  childrenOf, coordinatedModifiers, dominates, subjectOf, governorOfNoun, passiveSufferer, governorSubject, namingTokens, nounArguments, verbArguments, withConjuncts, obliquesOf, relOf, uposOf, type ArgumentVia, type Oblique, type Syntax,
} from '../syntax/index.js';
import { DATELINE_MARKS, THIRD_PERSON_POSSESSIVES } from '../syntax/english.js';
import { isCameo } from '../knowledge/cameo-categories.js';
import type { SentenceView } from './clause.js';
import type { PatternMatch } from './patterns.js';

export interface ParsedArguments {
  readonly sources: readonly ActorMention[];
  readonly targets: readonly ActorMention[];
  /** The parse gave a doer phrase (named by an actor or not). */
  readonly sourceSeen: boolean;
  /** The parse gave a patient or a fitting oblique (named by an actor or not). */
  readonly targetSeen: boolean;
  /** How the source was found; null for noun events. */
  readonly sourceVia: ArgumentVia | null;
}

/**
 * The mention covering token t. A demonym used as an adjective ("the French minister", "French
 * bond issues") does not name the phrase: the noun it modifies is no actor of the dictionary.
 */
function mentionAt(view: SentenceView, t: number): ActorMention | undefined {
  return view.mentions.find((m) => m.tokenStart <= t && t < m.tokenEnd && m.modifier !== true && !adjectival(view, m) && !dateline(view, m));
}

/** "GAZA - The Israeli Army ...", "MOSCOW (Reuters) -": a place opening the sentence before a dash or a bracket is its dateline. */
function dateline(view: SentenceView, m: ActorMention): boolean {
  return m.tokenStart === view.from && DATELINE_MARKS.has(view.tokens[m.tokenEnd]?.text ?? '');
}

/** An agent noun the parse reads as an adjective modifying a noun names no one: "his first official visit". */
function adjectival(view: SentenceView, m: ActorMention): boolean {
  const sx = view.sx;
  return sx !== undefined && m.kind === 'agent' && m.tokenEnd - m.tokenStart === 1
    && uposOf(sx, m.tokenStart) === 'ADJ' && relOf(sx, m.tokenStart) === 'amod';
}

/**
 * One mention per phrase head: the first of its naming tokens that an actor mention covers; a phrase
 * whose modifiers are coordinated ("Hungarian and Romanian officials") has one per modifier, a demonym
 * included, since the noun it modifies is shared.
 */
export function mentionsOf(sx: Syntax, view: SentenceView, heads: readonly number[]): ActorMention[] {
  const out: ActorMention[] = [];
  const add = (m: ActorMention | undefined): void => {
    if (m !== undefined && !out.includes(m)) out.push(m);
  };
  for (const h of heads) {
    const named = namingTokens(sx, h).find((t) => mentionAt(view, t) !== undefined);
    if (named === undefined) continue;
    const chosen = mentionAt(view, named);
    add(chosen);
    // "scores of Sierra Leonean and Liberian refugees", "the ambassadors of Arnor, Osgiliath and Gondor",
    // "lawmakers in Fornost and Gondor": a word of the chosen mention shares it with its conjuncts.
    for (let t = chosen?.tokenStart ?? 0; t < (chosen?.tokenEnd ?? 0); t++) {
      if (t !== h) for (const c of withConjuncts(sx, t)) add(mentionAt(view, c));
    }
    for (const t of new Set([...coordinatedModifiers(sx, h), ...coordinatedModifiers(sx, named)])) add(view.mentions.find((m) => m.tokenStart <= t && t < m.tokenEnd));
  }
  return out.sort((a, b) => a.tokenStart - b.tokenStart);
}

/**
 * "rejected a Senegalese peace plan": when the phrase acted on names no actor, the demonym that owns it
 * is the one acted on.
 */
function ownersOf(sx: Syntax, view: SentenceView, heads: readonly number[]): ActorMention[] {
  const tokens = heads.flatMap((h) => namingTokens(sx, h));
  return view.mentions.filter((m) => m.modifier === true && tokens.some((t) => m.tokenStart <= t && t < m.tokenEnd));
}

/** "demanded that the US cancel", "its demand that Israel ease": the subject of the "that" clause is the one addressed. */
function contentClauseSubject(sx: Syntax, view: SentenceView, m: PatternMatch): ActorMention[] {
  if (!isCameo('clause-content', m.pattern.cameo)) return [];
  for (const w of m.tokens) {
    for (const c of childrenOf(sx, w, ['ccomp', 'acl'])) {
      if (!childrenOf(sx, c, ['mark']).some((k) => sx.tokens[k].normal === 'that')) continue;
      const s = subjectOf(sx, c);
      if (s?.via === 'direct') return mentionsOf(sx, view, [s.token]);
    }
  }
  return [];
}

function ownedByDoer(sx: Syntax, noun: number): boolean {
  const poss = childrenOf(sx, noun, ['nmod:poss']);
  return poss.length > 0 && poss.every((x) => THIRD_PERSON_POSSESSIVES.has(sx.tokens[x].normal));
}

function withPreps(obliques: readonly Oblique[], preps: readonly string[]): number[] {
  return obliques.filter((o) => o.prep !== null && preps.includes(o.prep)).map((o) => o.token);
}

/**
 * The word of a trigger that heads it in the tree: "will provide" -> provide, "is willing to withdraw"
 * -> willing, "hunger strike" -> strike; the one (of `tags`) no other dominates, else the first word.
 */
function treeHead(sx: Syntax, words: readonly number[], tags?: ReadonlySet<string>): number {
  const predicates = tags ? words.filter((w) => tags.has(uposOf(sx, w))) : words;
  const top = predicates.filter((w) => !predicates.some((o) => o !== w && dominates(sx, o, w)));
  return top.length === 1 ? top[0] : words[0];
}

/** The tags a verb pattern's head may have in the parse ("will provide", "is willing to"). */
const PREDICATE_TAGS: ReadonlySet<string> = new Set(['VERB', 'AUX', 'ADJ']);
/** The tags a noun pattern's head may have ("hunger strike"; "tanks fired" stays with "tanks"). */
const NOUN_TAGS: ReadonlySet<string> = new Set(['NOUN', 'PROPN']);

function verbal(sx: Syntax, view: SentenceView, m: PatternMatch): ParsedArguments {
  const head = treeHead(sx, m.tokens, PREDICATE_TAGS);
  const args = verbArguments(sx, head, m.tokens);
  const preps = m.pattern.target.filter((p) => p !== 'object');
  // A passive's by-phrase is its doer, never an oblique target ("was opposed by Osgiliath").
  let byPrep = withPreps(args.obliques, preps).filter((t) => !args.agents.includes(t));
  // "withdraw its troops from Lebanon": the verb's prepositional phrase, as the parser often hangs it, on its object.
  if (!byPrep.length) byPrep = withPreps(args.patients.flatMap((p) => obliquesOf(sx, p)), preps).flatMap((t) => withConjuncts(sx, t));
  let targets = mentionsOf(sx, view, byPrep);
  // "withdraw its troops", "put their forces on alert": what the doer's own pronoun owns is its means, not
  // the one acted on.
  const patients = (m.pattern.target.includes('object') || args.passive ? args.patients : [])
    .filter((p) => args.passive || !ownedByDoer(sx, p));
  if (!targets.length) targets = mentionsOf(sx, view, patients);
  // Only an active verb's object (a passive's below), and an oblique may be a place ("withdrew from the Bosnian town").
  if (!targets.length && !args.passive) targets = ownersOf(sx, view, patients);
  // "allowing U.N. aid convoys": an actor between the trigger's words belongs to its object, never its
  // doer; it is the target ("rejected an Indian proposal") when nothing else is.
  const first = Math.min(...m.tokens);
  const last = Math.max(...m.tokens);
  if (!targets.length) targets = view.mentions.filter((x) => x.modifier === true && x.tokenStart > first && x.tokenStart <= last);
  if (!targets.length) targets = contentClauseSubject(sx, view, m);
  let sources = mentionsOf(sx, view, args.agents).filter((x) => x.tokenEnd <= first || x.tokenStart > last);
  // "Japanese securities houses have asked the ministry": a doer the dictionary does not know is still of
  // the country whose demonym owns it.
  if (!sources.length) sources = ownersOf(sx, view, args.agents).filter((x) => x.tokenEnd <= first);
  // A passive's subject when the passive names an actor as its doer ("Seven Indian sailors were freed by
  // Houthi rebels"); without one it tells of its subject, not of whose it is ("French bond issues have been
  // approved by the committee").
  if (!targets.length && args.passive && sources.length) targets = ownersOf(sx, view, patients);
  return {
    sources, targets,
    sourceSeen: args.agents.length > 0, targetSeen: byPrep.length + patients.length > 0, sourceVia: args.agentVia,
  };
}

function nominal(sx: Syntax, view: SentenceView, m: PatternMatch, lightVerb: (t: Token) => boolean): ParsedArguments {
  const head = treeHead(sx, m.tokens, NOUN_TAGS);
  const args = nounArguments(sx, head, m.tokens);
  const preps = m.pattern.target.filter((p) => p !== 'object');
  let sourceHeads = [...args.agents];
  let sources = mentionsOf(sx, view, sourceHeads);
  // "an Australian ultimatum", "Palestinian riots": a demonym before an event noun names its doer.
  if (!sources.length) sources = demonymsAt(view, sourceHeads, head);
  if (!sources.length) {
    sourceHeads = withPreps(args.obliques, m.pattern.source);
    sources = mentionsOf(sx, view, sourceHeads);
  }
  const governor = governorOfNoun(sx, head);
  // "the ILO reiterated its demand": a possessive pronoun no mention resolves stands for the clause's subject.
  const ownPronoun = args.agents.length > 0 && args.agents.every((a) => uposOf(sx, a) === 'PRON');
  if (!sources.length && governor >= 0 && (lightVerb(view.tokens[governor]) || ownPronoun)) {
    sourceHeads = governorSubject(sx, governor);
    sources = mentionsOf(sx, view, sourceHeads);
  }
  let targetHeads = withPreps(args.obliques, preps);
  // "continued their hunger strike outside the embassy", "held talks in Beijing with X": the verb that
  // carries an event noun may carry its obliques too.
  if (!targetHeads.length && governor >= 0) targetHeads = withPreps(obliquesOf(sx, governor), preps);
  let targets = mentionsOf(sx, view, targetHeads);
  if (!targets.length) targets = contentClauseSubject(sx, view, m);
  if (!targets.length && isCameo('violent', m.pattern.cameo)) targets = sufferers(sx, view, head);
  // "talks between X and Y": both sides follow the noun ("talks with X and Y" have an unnamed side).
  const sides = preps.includes('between') ? mentionsOf(sx, view, withPreps(args.obliques, ['between'])) : [];
  if (!sources.length && sides.length >= 2) {
    sources = sides.slice(0, 1);
    targets = sides.slice(1);
  }
  return { sources, targets, sourceSeen: sourceHeads.length > 0, targetSeen: targetHeads.length > 0, sourceVia: null };
}

/**
 * "A hospital in northern Yemen was hit by air strikes", "the Iranian city of Zahedan was rocked by a
 * bombing": violence named by a passive's by-phrase is done to the passive's subject; a subject that
 * names no actor stands for its demonym, else for the place it is in (parse.passive-by-event).
 */
function sufferers(sx: Syntax, view: SentenceView, noun: number): ActorMention[] {
  const heads = passiveSufferer(sx, noun);
  if (!heads.length) return [];
  const named = mentionsOf(sx, view, heads);
  if (named.length) return named;
  const owners = ownersOf(sx, view, heads);
  if (owners.length) return owners;
  return mentionsOf(sx, view, heads.flatMap((h) => obliquesOf(sx, h, 'in').map((o) => o.token)));
}

/**
 * Demonym modifiers of an event noun with only adjectives between ("Palestinian riots", "Israeli
 * military strikes"); a noun between makes the demonym that noun's ("the Italian midfielder struck").
 */
function demonymsAt(view: SentenceView, heads: readonly number[], noun: number): ActorMention[] {
  return view.mentions.filter((m) => m.modifier === true && heads.some((h) => m.tokenStart <= h && h < m.tokenEnd)
    && view.tokens.slice(m.tokenEnd, noun).every((t) => t.pos === 'ADJ'));
}

/** Source and target of a trigger from the parse; `lightVerb` says which verbs carry a noun event. */
export function parsedArguments(sx: Syntax, view: SentenceView, m: PatternMatch, lightVerb: (t: Token) => boolean): ParsedArguments {
  return m.pattern.nominal ? nominal(sx, view, m, lightVerb) : verbal(sx, view, m);
}
