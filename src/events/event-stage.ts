/**
 * events: pattern triggers -> CAMEO-coded event mentions with source and target mentions.
 *
 * A noun event with no actors of its own that refers back ("the visit", "this meeting") is linked to the
 * earlier event it names (its antecedent). A noun event with no actors in a sentence that names such an
 * event ("the outcome of this meeting will be the signing of a joint statement") takes that event as its
 * antecedent too, so its actors are the meeting's.
 */
import type { ActorMention, Doc, EventMention } from '../core/doc.js';
import { bySentence } from '../core/by-sentence.js';
import { layer } from '../core/doc.js';
import { DEFAULT_CLAUSE_READING, type Stage, type StageContext } from '../core/stage.js';
import { clauseEnd, clauseStart, objectAfter, subjectBefore, type SentenceView } from './clause.js';
import { argumentsOf, toEventMention, triggers, type CodedTrigger } from './coder.js';
import { reportedObligations } from './constructions.js';
import { withoutContentEvents } from './content.js';
import { actAnaphorTarget } from './act-anaphor.js';
import { expelledFrom } from './expulsion.js';
import { syntaxOf, type Syntax } from '../syntax/index.js';
import { holdsPhrase } from './petrarch/discards-file.js';
import { isCameo, type CameoCategory } from '../knowledge/cameo-categories.js';

/** Families of roots whose events a noun can refer back to across roots (data/cameo/categories.yaml). */
const ROOT_FAMILIES: readonly CameoCategory[] = ['related-meet', 'related-cooperate', 'related-complain'];

function related(a: string, b: string): boolean {
  const ra = a.slice(0, 2);
  const rb = b.slice(0, 2);
  return ra === rb || ROOT_FAMILIES.some((f) => isCameo(f, ra) && isCameo(f, rb));
}

/** The latest earlier event of the same kind that has actors of its own (or through its own antecedent). */
function findAntecedent(events: readonly EventMention[], cameo: string): number | null {
  const usable = (e: EventMention): boolean => e.sources.length > 0 || e.antecedent !== null;
  for (let k = events.length - 1; k >= 0; k--) {
    if (events[k].cameo === cameo && usable(events[k])) return events[k].index;
  }
  for (let k = events.length - 1; k >= 0; k--) {
    if (events[k].cameo.slice(0, 2) === cameo.slice(0, 2) && usable(events[k])) return events[k].index;
  }
  for (let k = events.length - 1; k >= 0; k--) {
    if (related(events[k].cameo, cameo) && usable(events[k])) return events[k].index;
  }
  return null;
}

/** Material conflict is never coded from context: it needs actors of its own. */
function needsOwnActors(cameo: string): boolean {
  return isCameo('material-conflict', cameo);
}

/** How many of the latest events an actorless nominal event looks back through for its antecedent (keeps long documents linear). */
const ANTECEDENT_WINDOW = 200;

function sentenceView(doc: Doc, mentionsOf: (s: number) => readonly ActorMention[], s: number, sx: Syntax | undefined): SentenceView {
  const sent = layer(doc, 'sentences')[s];
  return { tokens: layer(doc, 'tokens'), from: sent.tokenStart, to: sent.tokenEnd, mentions: mentionsOf(s), ...(sx ? { sx } : {}) };
}

/** A copy of the trigger coded `cameo` from `sources` to `targets` (rule id marked, so the pair is not folded). */
function recoded(c: CodedTrigger, cameo: string, sources: readonly ActorMention[], targets: readonly ActorMention[], mark: string): CodedTrigger {
  const pattern = { ...c.match.pattern, cameo, id: `${c.match.pattern.id}${mark}`, reverse: undefined, compound: false };
  return { ...c, match: { ...c.match, pattern }, sources, targets };
}

/**
 * "Gondor and Osgiliath have downplayed their meeting" under PETRARCH's `% *`: the members of a compound
 * subject act on each other (each ordered pair; the pair code's second half from the later to the
 * earlier). A single subject takes the verb's own code, if it has one.
 */
function compoundPairs(view: SentenceView, c: CodedTrigger): CodedTrigger[] {
  const p = c.match.pattern;
  const head = c.match.tokens[0];
  const members = subjectBefore(view, head, clauseStart(view, head));
  if (members.length < 2) return p.otherwise === undefined ? [] : [recoded(c, p.otherwise, c.sources, c.targets, '')];
  const out: CodedTrigger[] = [];
  members.forEach((a, i) => members.forEach((b, j) => {
    if (i !== j) out.push(recoded(c, i < j ? p.cameo : p.reverse ?? p.cameo, [a], [b], i < j ? '' : '.reverse'));
  }));
  return out;
}

/**
 * "Eriador's death toll has risen" (PETRARCH's `DEATH TOLL *`): when the words a pattern requires before
 * its verb are the subject and name no actor, the actor owning them ("X's") is the subject.
 */
function possessorSubject(view: SentenceView, c: CodedTrigger): CodedTrigger {
  if (c.sources.length || !c.match.pattern.before?.length) return c;
  const first = Math.min(...c.match.tokens);
  if (first >= c.match.tokens[0] || !/^'s?$/.test(view.tokens[first - 1]?.normal ?? '')) return c;
  const owner = view.mentions.find((m) => m.tokenEnd === first - 1);
  return owner ? { ...c, sources: [owner] } : c;
}

/**
 * PETRARCH's target with no slot in the pattern is the first actor after the verb phrase, bare or behind
 * any preposition: "will meet Eriadori and Calenardhon leaders during a visit to Eriador" meets Eriadori.
 */
function firstAfter(view: SentenceView, c: CodedTrigger): CodedTrigger {
  const p = c.match.pattern;
  if (!p.literal || p.inverse || p.needsTarget || !c.targets.length || !p.target.includes('object')) return c;
  const last = Math.max(...c.match.tokens);
  const object = objectAfter(view, last + 1, clauseEnd(view, last));
  return object.length && object[0].tokenStart < c.targets[0].tokenStart && !c.sources.includes(object[0]) ? { ...c, targets: object } : c;
}

/** "celebrated Iftar in Osgiliath with Gondor" (PETRARCH's `IN ^ +`): the actor after the one found is meant. */
function skipped(view: SentenceView, c: CodedTrigger, skip: number): CodedTrigger {
  const side = c.match.pattern.inverse ? c.sources : c.targets;
  if (!side.length) return c;
  const later = view.mentions.filter((m) => m.tokenStart >= side[side.length - 1].tokenEnd && m.tokenStart < view.to);
  const meant = later[skip - 1];
  const picked = meant ? [meant] : [];
  return c.match.pattern.inverse ? { ...c, sources: picked } : { ...c, targets: picked };
}

/**
 * A pattern with a pair of codes (PETRARCH's [032:033]) also codes the event from target to source;
 * a silent pattern ([---]) has won its words from shorter patterns and codes nothing.
 */
function withPairs(view: SentenceView, coded: readonly CodedTrigger[]): CodedTrigger[] {
  const out: CodedTrigger[] = [];
  for (const c of coded) {
    const p = c.match.pattern;
    if (p.silent) {
      // "[:173]": only the event from target to source.
      if (p.reverse !== undefined && c.sources.length && c.targets.length) out.push(recoded(c, p.reverse, c.targets, c.sources, '.reverse'));
      continue;
    }
    if (p.compound) {
      out.push(...compoundPairs(view, c));
      continue;
    }
    const d = possessorSubject(view, p.skip ? skipped(view, c, p.skip) : firstAfter(view, c));
    out.push(d);
    if (p.reverse !== undefined && d.sources.length && d.targets.length) out.push(recoded(d, p.reverse, d.targets, d.sources, '.reverse'));
  }
  return out;
}

/** The sentences a PETRARCH discard phrase vetoes (all of them when a story-level phrase is anywhere). */
function discarded(doc: Doc, ctx: StageContext): (s: number) => boolean {
  const { sentence, story } = ctx.knowledge.discards;
  if (!sentence.length && !story.length) return () => false;
  const tokens = layer(doc, 'tokens');
  if (holdsPhrase(tokens, 0, tokens.length, story)) return () => true;
  const sentences = layer(doc, 'sentences');
  return (s) => holdsPhrase(tokens, sentences[s].tokenStart, sentences[s].tokenEnd, sentence);
}

export function codeEvents(doc: Doc, ctx: StageContext): EventMention[] {
  const allMentions = layer(doc, 'mentions');
  const mentionsOf = bySentence(allMentions);
  const tokens = layer(doc, 'tokens');
  const events: EventMention[] = [];
  const sx = doc.deps ? syntaxOf(doc) : undefined;
  const vetoed = discarded(doc, ctx);
  for (const sent of layer(doc, 'sentences')) {
    if (vetoed(sent.index)) continue;
    const view = sentenceView(doc, mentionsOf, sent.index, sx);
    const found = [...triggers(view, ctx.knowledge.patterns).map((m) => argumentsOf(view, m, ctx.knowledge.patterns.means, ctx.clauseReading ?? DEFAULT_CLAUSE_READING)), ...reportedObligations(view)];
    const coded: CodedTrigger[] = withPairs(view, withoutContentEvents(view, found));
    const local: EventMention[] = [];
    // First the events with actors, then the actorless ones, which may lean on those.
    for (const told of coded) {
      const taken = actAnaphorTarget(view, told, events, local, allMentions);
      const c = expelledFrom(view, taken.length ? { ...told, targets: taken } : told);
      if ((c.sources.length && (c.targets.length || !c.match.pattern.needsTarget)) || c.agentless) local.push(toEventMention(c, events.length + local.length, sent.index, tokens, null));
    }
    let reference: number | null = null;
    for (const c of coded) {
      if (c.sources.length || c.agentless || !c.match.pattern.nominal || !c.definite || needsOwnActors(c.match.pattern.cameo)) continue;
      const antecedent = findAntecedent([...events.slice(-ANTECEDENT_WINDOW), ...local], c.match.pattern.cameo);
      // "the outcome of this meeting will be the signing of ...": rests on the event the sentence refers to.
      const host = antecedent ?? reference;
      if (host === null) continue;
      if (antecedent !== null) reference ??= antecedent;
      local.push(toEventMention(c, events.length + local.length, sent.index, tokens, host));
    }
    events.push(...local);
  }
  return events;
}

export class EventStage implements Stage {
  readonly name = 'events';
  readonly requires = ['sentences', 'tokens', 'mentions'] as const;
  readonly provides = ['events'] as const;

  run(doc: Doc, ctx: StageContext): Doc {
    return { ...doc, events: codeEvents(doc, ctx) };
  }
}
