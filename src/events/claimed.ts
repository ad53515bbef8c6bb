/**
 * Claimed acts: "Russia accused Ukraine of attacking a Russian convoy" is two events, the accusation
 * (112, Russia -> Ukraine) and the attack it alleges (190, Ukraine -> Russia) with modality `claimed`:
 * asserted by an interested party, not established (news guidelines, issue 10). An act someone is
 * convicted or acquitted of is a court's finding, told as a charge, and stays no event of its own.
 *
 * Rules (each with a sentence of ours in src/events/events.test.ts):
 *  - claim.nested: the gerund after "of" inside an accusation pattern ("accuse * of * attacking") is an
 *    event trigger of its own as well;
 *  - claim.accused-act: the act after "accuse/blame/charge/suspect/allege ... of" is done by the accused:
 *    the actor between the verb and "of" ("accused Ukraine of"), else the verb's subject in the passive
 *    ("Ukraine was accused of", "nationals suspected by the West of").
 */
import type { ActorMention, Token } from '../core/doc.js';
import { CLAIMING_VERBS, FINDING_VERBS } from '../syntax/english.js';
import { clauseStart, subjectBefore, type SentenceView } from './clause.js';
import type { PatternMatch, PatternSet } from './patterns.js';
import { isCameo } from '../knowledge/cameo-categories.js';

/** How far before its "of" the alleging verb may stand: "accused the government in Kabul of". */
const REACH = 8;

function gerundAfterOf(tokens: readonly Token[], of: number): boolean {
  return tokens[of]?.normal === 'of' && (tokens[of + 1]?.normal.endsWith('ing') ?? false);
}

/** claim.nested: matches headed by the gerund of an accusation pattern, which the accusation consumed. */
export function nestedActs(view: SentenceView, kept: readonly PatternMatch[], patterns: PatternSet, fits: (m: PatternMatch) => boolean): PatternMatch[] {
  const out: PatternMatch[] = [];
  for (const host of kept) {
    if (!isCameo('accuse', host.pattern.cameo)) continue;
    const of = host.tokens.find((t) => gerundAfterOf(view.tokens, t) && host.tokens.includes(t + 1));
    if (of === undefined) continue;
    const inner = patterns.matchAt(view.tokens, of + 1, view.to)
      .filter((m) => !isCameo('disapprove', m.pattern.cameo) && fits(m))
      .sort((a, b) => b.tokens.length - a.tokens.length)[0];
    if (inner) out.push(inner);
  }
  return out;
}

/** What stands before an act's "of": a verb alleging it ("accused X of"), or a court's finding ("convicted of"). */
export interface Allegation {
  readonly kind: 'claim' | 'finding';
  /** Token index of the alleging verb or finding word. */
  readonly at: number;
}

/** The allegation the act at `head` (right after "of") is told under, or null. */
export function allegationOf(view: SentenceView, head: number): Allegation | null {
  if (view.tokens[head - 1]?.normal !== 'of') return null;
  for (let k = head - 2; k >= Math.max(view.from, head - REACH); k--) {
    const t = view.tokens[k];
    if (FINDING_VERBS.has(t.lemma) || FINDING_VERBS.has(t.normal)) return { kind: 'finding', at: k };
    // A claimed act is a gerund: "accused Ukraine of attacking".
    if (CLAIMING_VERBS.has(t.lemma) || CLAIMING_VERBS.has(t.normal)) return view.tokens[head].normal.endsWith('ing') ? { kind: 'claim', at: k } : null;
    if (t.pos === 'VERB') return null;
  }
  return null;
}

/** claim.accused-act: who the act after "of" is alleged of. */
export function accused(view: SentenceView, verb: number, of: number): ActorMention[] {
  const between = view.mentions.filter((m) => m.tokenStart > verb && m.tokenEnd <= of && !m.modifier
    && view.tokens[m.tokenStart - 1]?.normal !== 'by');
  if (between.length) return [between[0]];
  return subjectBefore(view, verb, clauseStart(view, verb));
}
