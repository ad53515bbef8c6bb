/**
 * A visit as read from one 042 (make a visit) event, before reports of the same visit are linked.
 */
import type { CodedEvent, DateOut } from '../core/event.js';
import type { DocumentFacts } from './facts.js';
import type { VisitKind, VisitPerson, VisitStatus } from './visit.js';
import { inviter, saysCancelled, sentencesOf, visitKind } from './words.js';
import { isCameo } from '../knowledge/cameo-categories.js';

export interface DateSpan {
  readonly start: string;
  readonly end: string;
  readonly precision: DateOut['precision'];
}

export interface VisitDraft {
  readonly guest: VisitPerson;
  readonly host: string;
  readonly invitedBy: VisitPerson | null;
  readonly kind: VisitKind;
  readonly dates: readonly DateSpan[];
  readonly status: VisitStatus;
  readonly events: readonly string[];
  readonly documents: readonly string[];
}

export const isVisitCode = (cameo: string): boolean => isCameo('visit', cameo);

/** The sentences that tell an event: its own and those of its other mentions. */
export function eventSentences(e: CodedEvent): number[] {
  return [...new Set([e.sentence, ...e.mentions.map((m) => m.sentence)])].sort((a, b) => a - b);
}

/** planned/expected -> planned, occurred/claimed -> occurred, negated with a cancel cue -> cancelled. */
export function statusOf(e: CodedEvent, facts: DocumentFacts): VisitStatus | null {
  switch (e.modality) {
    case 'planned':
    case 'expected':
      return 'planned';
    case 'occurred':
    case 'claimed':
      return 'occurred';
    case 'negated':
      return saysCancelled(facts, sentencesOf(facts, eventSentences(e))) ? 'cancelled' : null;
    default:
      return null;
  }
}

/** The country visited: the target's country, else the place's. Null for travel at home. */
function hostOf(e: CodedEvent): string | null {
  const host = e.target?.country ?? e.place?.country ?? null;
  return host && host !== e.source?.country ? host : null;
}

export function draftOf(e: CodedEvent, facts: DocumentFacts): VisitDraft | null {
  const source = e.source;
  const host = hostOf(e);
  const status = statusOf(e, facts);
  if (!source || !host || !status) return null;
  const sentences = sentencesOf(facts, eventSentences(e));
  const inv = inviter(facts, sentences);
  return {
    guest: { name: source.name, country: source.country, role: source.role },
    host,
    invitedBy: inv && inv.name !== source.name ? { name: inv.name, country: inv.country, role: inv.role } : null,
    kind: visitKind(facts, sentences),
    dates: e.date ? [{ start: e.date.start, end: e.date.end, precision: e.date.precision }] : [],
    status,
    events: [e.id],
    documents: [facts.id],
  };
}
