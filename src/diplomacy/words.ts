/**
 * The words a visit record needs that the event codes do not carry: the kind of visit ("state visit"),
 * the inviter ("at the invitation of X"), a cancellation ("called off"), the kind of document signed.
 * The words are data (data/diplomacy/words.yaml, read by visit-words.ts); the expressions are made on first use.
 */
import type { DocumentFacts, PersonMention, SentenceFacts } from './facts.js';
import type { OutcomeKind, VisitKind } from './visit.js';
import { alternation, anyWordOf, visitWords } from './visit-words.js';

interface Expressions {
  readonly kind: RegExp;
  readonly invitation: RegExp;
  readonly cancel: RegExp;
  readonly outcomes: readonly (readonly [RegExp, OutcomeKind])[];
}

let made: Expressions | null = null;

function expressions(): Expressions {
  made ??= {
    kind: new RegExp(`\\b(${alternation('visit.kind')})\\s+visit`, 'i'),
    invitation: new RegExp(`\\b(?:${alternation('invitation.lead')})\\s+(?:the\\s+)?(?:${alternation('invitation.noun')})\\s+(?:${alternation('invitation.from')})\\s+`, 'gi'),
    cancel: anyWordOf('cancel'),
    outcomes: visitWords().entries.flatMap((e) => (e.outcome === null ? [] : [[anyWordOf(e.id), e.outcome] as const])),
  };
  return made;
}

/** How far after "at the invitation of" the inviter's mention may start (titles and adjectives between). */
const INVITER_REACH = 60;

export function sentenceText(facts: DocumentFacts, s: SentenceFacts): string {
  return facts.text.slice(s.start, s.end);
}

/** The sentences with these indices, in document order. */
export function sentencesOf(facts: DocumentFacts, indices: Iterable<number>): SentenceFacts[] {
  const wanted = new Set(indices);
  return facts.sentences.filter((s) => wanted.has(s.index));
}

/** "state visit", "official visit" or "working visit" from the first sentence that says so, else "visit". */
export function visitKind(facts: DocumentFacts, sentences: readonly SentenceFacts[]): VisitKind {
  for (const s of sentences) {
    const m = expressions().kind.exec(sentenceText(facts, s));
    if (m) return `${m[1].toLowerCase()} visit` as VisitKind;
  }
  return 'visit';
}

/** The person named right after "at the invitation of" in one of the sentences. */
export function inviter(facts: DocumentFacts, sentences: readonly SentenceFacts[]): PersonMention | null {
  for (const s of sentences) {
    const text = sentenceText(facts, s);
    for (const m of text.matchAll(expressions().invitation)) {
      const from = s.start + (m.index ?? 0) + m[0].length;
      const hit = facts.persons.find((p) => p.sentence === s.index && p.end > from && p.start <= from + INVITER_REACH);
      if (hit) return hit;
    }
  }
  return null;
}

/** True when one of the sentences says the visit was called off or put off. */
export function saysCancelled(facts: DocumentFacts, sentences: readonly SentenceFacts[]): boolean {
  return sentences.some((s) => expressions().cancel.test(sentenceText(facts, s)));
}

/** What was signed or agreed, from the trigger text ("the signing of a joint statement"). */
export function outcomeKind(trigger: string): OutcomeKind | null {
  for (const [re, kind] of expressions().outcomes) if (re.test(trigger)) return kind;
  return null;
}
