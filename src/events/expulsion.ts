/**
 * passive.expelled-from: "A Dutch journalist was deported from Turkey": a passive expulsion that names no
 * doer is done by the country its subject is sent out of, the one after "from" (a country or its
 * government; an actor who is no state sends no one out of it).
 */
import type { ActorMention } from '../core/doc.js';
import { isActorType, isCameo } from '../knowledge/cameo-categories.js';
import { clauseEnd, clauseStart, isPassive, prepositionalAfter, subjectBefore, type SentenceView } from './clause.js';
import type { CodedTrigger } from './coder.js';

function isState(m: ActorMention): boolean {
  return m.actors.length > 0 && m.actors.every((a) => a.country !== null && a.country.length === 3 && !isActorType('non-state-or-company', a.country));
}

/** The trigger with the country expelled from as its doer, when the rule applies; else the trigger as it was. */
export function expelledFrom(view: SentenceView, c: CodedTrigger): CodedTrigger {
  if (c.sources.length || !isCameo('expel', c.match.pattern.cameo) || c.match.pattern.nominal) return c;
  const head = c.match.tokens[0];
  if (!isPassive(view, head)) return c;
  const last = Math.max(...c.match.tokens);
  const from = prepositionalAfter(view, last + 1, clauseEnd(view, last), ['from'], 4).filter(isState);
  if (!from.length) return c;
  const sent = c.targets.filter((t) => !from.includes(t));
  // Who is sent out is the passive's subject.
  const targets = sent.length ? sent : subjectBefore(view, head, clauseStart(view, head)).filter((t) => !from.includes(t));
  return { ...c, sources: from, targets, agentless: false };
}
