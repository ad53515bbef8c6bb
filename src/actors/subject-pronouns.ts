/**
 * coref.it-they: a subject "it" or "they" that is not after a reporting verb ("Israel eased the
 * blockade, but they warned ...", "Israel said the strike was legal when it bombarded the town")
 * refers to the subject of the main clause before it in its sentence, else to the subject of the previous
 * sentence, when that subject is a country, a government, an organisation or a group (never one
 * person: persons are "he" and "she"). "it" is never expletive here: "it is", "it was", "it seems"
 * ("it is unclear whether ...") do not refer.
 */
import type { ActorMention, Token } from '../core/doc.js';
import { clauseStart, governingPreposition, subjectBefore } from '../events/clause.js';
import { EXPLETIVE_VERBS, wordsOf } from '../syntax/english.js';

const GROUP_PRONOUNS = wordsOf('pronoun.group-subject');

/** Is token i ("it"/"they") a subject: a verb follows, after at most a few auxiliaries and adverbs? */
export function subjectPronoun(tokens: readonly Token[], i: number, to: number): boolean {
  const w = tokens[i].normal;
  if (!GROUP_PRONOUNS.has(w)) return false;
  // "warned it would", "vowed they will": the subject of a verb's complement is the verb's own subject,
  // read by the clause, not a referent of its own.
  if (tokens[i - 1]?.pos === 'VERB' || tokens[i - 1]?.pos === 'AUX') return false;
  for (let k = i + 1; k < Math.min(to, i + 4); k++) {
    const t = tokens[k];
    if (t.pos === 'ADV' || t.pos === 'PART') continue;
    if (t.pos === 'AUX' || t.pos === 'VERB') {
      // "it is unclear", "it was reported", "it has emerged": no referent.
      if (w === 'it' && EXPLETIVE_VERBS.has(t.lemma)) return false;
      if (t.pos === 'VERB') return true;
      continue;
    }
    return false;
  }
  return false;
}

interface SentenceSpan {
  readonly index: number;
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

/** A mention that can be the subject "it" or "they" stands for. */
function candidate(m: ActorMention, tokens: readonly Token[], mentions: readonly ActorMention[], from: number, to: number): boolean {
  if (m.modifier || m.kind === 'person' || m.kind === 'coreference' || m.actors.length === 0) return false;
  // An office with no country yet ("General Binding Corp said it"): a person, or no one.
  if (m.kind === 'title' && m.actors.every((a) => a.country === null)) return false;
  if (m.actors.some((a) => a.entityId?.startsWith('person.'))) return false;
  if (tokens[m.tokenEnd]?.normal === "'s") return false;
  const view = { tokens, from, to, mentions };
  return governingPreposition(view, m) === null;
}

/**
 * The mention "it"/"they" at token i stands for: the first subject-like mention before it in its own
 * sentence (the main clause's subject: "The rebels said they will free X, whom they had taken"), else
 * the first one of the previous sentence when its own sentence names no one before it; undefined
 * when there is none.
 */
export function subjectAntecedent(tokens: readonly Token[], mentions: readonly ActorMention[], sent: SentenceSpan, prev: SentenceSpan | undefined, i: number): ActorMention | undefined {
  const own = mentions.filter((m) => m.sentence === sent.index && m.tokenEnd <= i);
  const here = own.filter((m) => candidate(m, tokens, own, sent.tokenStart, sent.tokenEnd));
  if (here.length) return here[0];
  // "Lula met Uribe and they discussed trade": people named before it in its sentence are "they".
  if (!prev || own.some((m) => !m.modifier)) return undefined;
  const before = mentions.filter((m) => m.sentence === prev.index);
  return before.find((m) => candidate(m, tokens, before, prev.tokenStart, prev.tokenEnd));
}

/**
 * coref.it-object: an "it" right after a verb is that verb's object ("quit the party and accused it of
 * betraying its voters", "Russia criticised the EU and warned it"). It names no person, and, as an
 * object pronoun, never its own verb's subject (binding): it stands for the nearest organisation,
 * country or group before it in its sentence that is not the subject right before its verb ("The EU
 * said Russia had attacked it": the EU), else for the first of the previous sentence.
 */
export function objectPronoun(tokens: readonly Token[], i: number): boolean {
  return tokens[i].normal === 'it' && tokens[i - 1]?.pos === 'VERB';
}

export function objectAntecedent(tokens: readonly Token[], mentions: readonly ActorMention[], sent: SentenceSpan, prev: SentenceSpan | undefined, i: number): ActorMention | undefined {
  const own = mentions.filter((m) => m.sentence === sent.index && m.tokenEnd <= i && !m.modifier);
  // The verb's own subject (shared by coordinated verbs: "left the party and accused it") is never its object.
  const view = { tokens, from: sent.tokenStart, to: sent.tokenEnd, mentions: own };
  const subjects = subjectBefore(view, i - 1, clauseStart(view, i - 1));
  const here = own.filter((m) => !subjects.includes(m) && nonPerson(m));
  if (here.length) return here[here.length - 1];
  if (!prev || own.length) return undefined;
  const before = mentions.filter((m) => m.sentence === prev.index);
  return before.find((m) => candidate(m, tokens, before, prev.tokenStart, prev.tokenEnd));
}

/** An organisation, a country, a government or a group: what "it" may stand for. */
function nonPerson(m: ActorMention): boolean {
  if (m.kind === 'person' || m.kind === 'coreference' || m.actors.length === 0) return false;
  if (m.kind === 'title') return false;
  return !m.actors.some((a) => a.entityId?.startsWith('person.'));
}
