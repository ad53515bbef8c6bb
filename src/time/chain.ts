/**
 * Rule 2: coreferent events ("a visit ... this week" / "The visit, scheduled from May 16 to 17")
 * share their dates. Chains follow `EventMention.antecedent` links both ways. Within a chain the
 * most precise date wins when it lies inside the less precise one.
 */
import type { DateMention, EventMention } from '../core/doc.js';
import { precisionRank, rangeLength, rangeWithin } from './iso.js';

/** Chain id of every event: events linked by antecedents (transitively) share one id. */
export function chainIds(events: readonly EventMention[]): number[] {
  const parent = events.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r];
    parent[i] = r;
    return r;
  };
  events.forEach((e, i) => {
    const a = e.antecedent;
    if (a === null || a < 0 || a >= events.length || a === i) return;
    const [ra, rb] = [find(a), find(i)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  });
  return events.map((_, i) => find(i));
}

function moreExact(a: DateMention, b: DateMention): number {
  return precisionRank(b.range.precision) - precisionRank(a.range.precision)
    || rangeLength(a.range) - rangeLength(b.range);
}

/**
 * The date of event `self` from its chain: its own date (else the nearest chain member's),
 * narrowed to any more precise chain date that lies inside it.
 */
export function chainDate(
  self: number,
  events: readonly EventMention[],
  chain: readonly number[],
  own: readonly (DateMention | null)[],
): DateMention | null {
  const sentence = events[self].sentence;
  const members: { readonly at: number; readonly sentence: number; readonly date: DateMention }[] = [];
  events.forEach((e, i) => {
    const date = own[i];
    if (chain[i] === chain[self] && date) members.push({ at: i, sentence: e.sentence, date });
  });
  members.sort((a, b) => Number(b.at === self) - Number(a.at === self)
    || Math.abs(a.sentence - sentence) - Math.abs(b.sentence - sentence)
    || a.at - b.at);
  if (members.length === 0) return null;
  let base = members[0].date;
  // From the least to the most precise, so the range narrows step by step.
  const byPrecision = members.map((m) => m.date).sort(moreExact).reverse();
  for (const d of byPrecision) {
    if (precisionRank(d.range.precision) > precisionRank(base.range.precision) && rangeWithin(d.range, base.range)) {
      base = d;
    }
  }
  return base;
}
