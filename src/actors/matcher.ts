/**
 * ActorMatcher: finds dictionary phrases over the tokens of one sentence (longest match first).
 */
import type { Token } from '../core/doc.js';
import { CALENDAR_NAMES, NAME_PARTICLES, wordsOf } from '../syntax/english.js';
import type { ActorDictionary, Phrase } from './dictionary.js';

export interface PhraseMatch {
  /** Token indices into doc.tokens: [first, end). */
  readonly first: number;
  readonly end: number;
  /** The phrase, and any others of the same length it could also be ("Li": Li Qiang or Li Keqiang). */
  readonly phrase: Phrase;
  readonly alternatives: readonly Phrase[];
}

function caseFits(phrase: Phrase, tokens: readonly Token[], at: number): boolean {
  if (phrase.caseRule === 'any') return true;
  const first = tokens[at].text;
  if (phrase.caseRule === 'exact') {
    return phrase.surface.every((s, k) => tokens[at + k].text.replace(/[\u2019]/g, "'") === s);
  }
  // A name written lower-case in the data ("al-Qaeda", "de Klerk") also matches as written.
  return /^[A-Z\u00C0-\u024F]/.test(first) || (/^[a-z]/.test(phrase.surface[0]) && phrase.surface[0].startsWith(first));
}

/**
 * Common-noun phrases ("official", "troops") must be the head noun: "an official visit" and "government
 * spending" name no actor, while "government officials" names the officials.
 */
function nounFits(phrase: Phrase, last: Token, next: Token | undefined, after: Token | undefined): boolean {
  const kind = phrase.target.kind;
  if (phrase.caseRule !== 'any' || (kind !== 'agent' && kind !== 'title' && kind !== 'group')) return true;
  // "Gunmen shot dead two policemen": a "noun" followed by a determiner, number or "dead" is a verb wink mis-tagged.
  const verbLike = after !== undefined && after.sentence === last.sentence && (after.pos === 'DET' || after.pos === 'NUM' || after.normal === 'dead');
  const nounNext = next !== undefined && next.sentence === last.sentence && next.pos === 'NOUN' && /^[a-z]/.test(next.text) && !verbLike;
  // "an official Syrian newspaper": before a name and a noun, the agent word is an adjective.
  // ("official Saleh al-Mutlaq": a name particle is no noun.)
  const nameNext = nameWord(next, last.sentence) && after !== undefined && after.sentence === last.sentence && after.pos === 'NOUN' && /^[a-z]/.test(after.text)
    && !NAME_PARTICLES.has(after.normal);
  if (nameNext && kind === 'agent') return false;
  if (kind === 'title') return !nounNext && last.pos !== 'VERB';
  if (nounNext && kind === 'agent') return false;
  return last.pos === 'NOUN' || last.pos === 'PROPN';
}


function nameWord(t: Token | undefined, sentence: number): boolean {
  return t !== undefined && t.sentence === sentence && t.pos === 'PROPN' && /^[A-Z]/.test(t.text) && !CALENDAR_NAMES.has(t.normal);
}

/** "al-Mutlaq", "bin Laden": a name particle (hyphen or not) and the name word after it. */
function particleName(tokens: readonly Token[], at: number, sentence: number): boolean {
  if (!NAME_PARTICLES.has(tokens[at]?.normal ?? '')) return false;
  return nameWord(tokens[at + 1], sentence) || (tokens[at + 1]?.text === '-' && nameWord(tokens[at + 2], sentence));
}

/**
 * "Gabriel Boric", "Peter Gabriel", "Saleh al-Mutlaq": a one-word person name inside a longer unknown
 * name is someone else.
 */
function partOfLongerName(phrase: Phrase, tokens: readonly Token[], at: number, n: number): boolean {
  if (phrase.target.kind !== 'person' || n !== 1) return false;
  const s = tokens[at].sentence;
  return nameWord(tokens[at + 1], s) || particleName(tokens, at + 1, s) || (at > 0 && nameWord(tokens[at - 1], s) && tokens[at - 1].index !== tokens[at].index && !isTitleWord(tokens[at - 1]));
}

const TITLE_WORDS = wordsOf('name.title');

/** Capitalised titles before a surname ("President Putin") do not make a longer name. */
function isTitleWord(t: Token): boolean {
  const word = /^([A-Za-z]+)\.?$/.exec(t.text);
  return word !== null && TITLE_WORDS.has(word[1].toLowerCase());
}

/**
 * "Serbian Labour Minister", "the Labour Secretary": a one-word party name right before a minister's
 * or secretary's title is the title's portfolio, not the party ("Hamas leaders" stay Hamas).
 */
function portfolio(dict: ActorDictionary, phrase: Phrase, next: Token | undefined): boolean {
  const t = phrase.target;
  if (t.kind !== 'organisation' || !t.id.startsWith('party.') || phrase.tokens.length !== 1 || phrase.caseRule !== 'capital' || !next) return false;
  return next.normal === 'secretary' || dict.candidates(next.normal).some((p) => p.target.kind === 'title' && /minister/.test(p.target.office));
}

function matchAt(dict: ActorDictionary, tokens: readonly Token[], at: number, end: number): Phrase[] {
  const hits: Phrase[] = [];
  for (const phrase of dict.candidates(tokens[at].normal)) {
    const n = phrase.tokens.length;
    if (hits.length && n < hits[0].tokens.length) break;
    if (at + n > end || (phrase.afterThe && tokens[at - 1]?.normal !== 'the')) continue;
    let ok = true;
    for (let k = 1; k < n && ok; k++) ok = tokens[at + k].normal === phrase.tokens[k];
    if (ok && portfolio(dict, phrase, tokens[at + n])) continue;
    if (ok && caseFits(phrase, tokens, at) && nounFits(phrase, tokens[at + n - 1], tokens[at + n], tokens[at + n + 1]) && !partOfLongerName(phrase, tokens, at, n)) hits.push(phrase);
  }
  return hits;
}

/** Longest-first, left-to-right matches in tokens[from, to). */
export function matchPhrases(dict: ActorDictionary, tokens: readonly Token[], from: number, to: number): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  let i = from;
  while (i < to) {
    const hits = matchAt(dict, tokens, i, to);
    if (hits.length) {
      found.push({ first: i, end: i + hits[0].tokens.length, phrase: hits[0], alternatives: hits });
      i += hits[0].tokens.length;
    } else i++;
  }
  return found;
}
