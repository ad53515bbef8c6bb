/**
 * discourse.act-anaphor: "Yemen freed al-Bedawi. US officials described the move as disappointing": a
 * definite noun of an act ("the move", "this decision") takes up an act told before; criticising,
 * rejecting or demanding something of it acts on whoever did it. A response with no target of its own,
 * whose object is such a noun naming no actor, gets the doer of the last event told before it in the
 * document (other than its own doer).
 */
import type { ActorMention, EventMention } from '../core/doc.js';
import { isCameo } from '../knowledge/cameo-categories.js';
import { wordsOf } from '../syntax/english.js';
import type { SentenceView } from './clause.js';
import type { CodedTrigger } from './coder.js';

const ACT_NOUNS = wordsOf('noun.act-anaphor');
const DEFINITE = wordsOf('determiner.definite');
/** How far after the trigger's head the act noun may stand: "branded the decision", "described the move". */
const REACH = 4;

/** The act noun right after the trigger ("the move"), when no actor stands in between. */
function actNounAfter(view: SentenceView, c: CodedTrigger): boolean {
  const head = c.match.tokens[0];
  for (let k = head + 1; k <= Math.min(view.to - 2, head + REACH); k++) {
    if (view.mentions.some((m) => m.tokenStart <= k + 1 && k < m.tokenEnd)) return false;
    if (DEFINITE.has(view.tokens[k].normal) && ACT_NOUNS.has(view.tokens[k + 1].normal)) return true;
  }
  return false;
}

/** The target a response to an earlier act takes from that act's doer, or none. */
export function actAnaphorTarget(
  view: SentenceView, c: CodedTrigger, earlier: readonly EventMention[], here: readonly EventMention[], mentions: readonly ActorMention[],
): ActorMention[] {
  if (c.targets.length || !c.sources.length || !isCameo('respond-to-act', c.match.pattern.cameo) || !actNounAfter(view, c)) return [];
  const own = new Set(c.sources.flatMap((s) => s.actors.map((a) => a.code)));
  const before = (i: number): EventMention => (i < earlier.length ? earlier[i] : here[i - earlier.length]);
  for (let i = earlier.length + here.length - 1; i >= 0; i--) {
    const doers = before(i).sources.map((k) => mentions[k]).filter((m): m is ActorMention => m !== undefined);
    const other = doers.filter((m) => !m.actors.some((a) => own.has(a.code)));
    if (other.length) return other;
  }
  return [];
}
