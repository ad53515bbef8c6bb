/**
 * What a meeting is about: the plain topics of the sentences that tell it.
 *
 * Those are the meeting event's own sentences and every sentence that refers to both the guest and the
 * partner ("the two leaders will also address climate change, cybersecurity and the pandemic"), widened
 * to their paragraphs, as articles set out an agenda over several sentences. A sentence that also names
 * another partner of the visit ("discussions with Xi and Li will cover ...") is about no one meeting in
 * particular and is left out.
 */
import type { CodedEvent } from '../core/event.js';
import { eventSentences } from './draft.js';
import type { DocumentFacts, SentenceFacts } from './facts.js';

export function meetingTopics(
  facts: DocumentFacts, e: CodedEvent, guest: string | null, partner: string, others: readonly string[],
): string[] {
  const namesOther = (s: SentenceFacts): boolean => s.people.some((p) => others.includes(p));
  const own = new Set(eventSentences(e));
  const core = facts.sentences.filter((s) =>
    !namesOther(s) && (own.has(s.index) || (guest !== null && s.people.includes(guest) && s.people.includes(partner))));
  const paragraphs = new Set(core.map((s) => s.paragraph));
  const topics = new Set<string>();
  for (const s of facts.sentences) {
    if (paragraphs.has(s.paragraph) && !namesOther(s)) for (const t of s.topics) topics.add(t);
  }
  return [...topics];
}
