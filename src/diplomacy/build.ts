/**
 * buildVisits: visits from the coded events of one or more documents (a pure function).
 *
 * A 042 event makes a visit (guest = source, host = target country or place country); reports of the
 * same visit are linked (link.ts). Meetings are the 04x/036 events between the guest and a named
 * host-country person during the visit (or, undated, in a document that tells the visit), with the
 * topics of the sentences about that meeting. Outcomes are the signed or agreed documents (057, and
 * 03x/05x events whose trigger names a statement, declaration or agreement) between the two sides.
 */
import { createHash } from 'node:crypto';
import type { ActorOut, CodedEvent } from '../core/event.js';
import { draftOf, isVisitCode, statusOf, type DateSpan, type VisitDraft } from './draft.js';
import type { DocumentFacts } from './facts.js';
import { indexEvents, type EventIndex } from './event-index.js';
import { datesMeet, linkDrafts, windowOf } from './link.js';
import { meetingTopics } from './topics.js';
import { strongerStatus, type Meeting, type Outcome, type Visit } from './visit.js';
import { outcomeKind, sentenceText } from './words.js';
import { isCameo } from '../knowledge/cameo-categories.js';

/** One document: its coded events and the facts read from its text. */
export interface VisitSource {
  readonly facts: DocumentFacts;
  readonly events: readonly CodedEvent[];
}

/** One side of an event is the guest: the same person, or the guest's country when no name is known. */
function isGuest(a: ActorOut | null, d: VisitDraft): boolean {
  if (!a) return false;
  return d.guest.name ? a.name === d.guest.name : a.country === d.guest.country;
}

const isMeetingCode = (c: string): boolean => isCameo('meeting', c);
const isOutcomeCode = (c: string): boolean => isCameo('outcome', c);

/** The event happens during the visit: dates meet, or undated in a document that tells the visit. */
function during(e: CodedEvent, facts: DocumentFacts, d: VisitDraft, window: DateSpan | null): boolean {
  if (e.place?.country && e.place.country !== d.host) return false;
  const own = d.documents.includes(facts.id);
  if (!e.date || !window) return own;
  return datesMeet(window, { start: e.date.start, end: e.date.end, precision: e.date.precision });
}

interface Found {
  readonly meetings: Map<string, { country: string | null; topics: Set<string> }>;
  readonly outcomes: Map<string, Outcome>;
  readonly events: Set<string>;
  readonly documents: Set<string>;
}

function meetingPartner(e: CodedEvent, d: VisitDraft): ActorOut | null {
  const [a, b] = [e.source, e.target];
  const other = isGuest(a, d) ? b : isGuest(b, d) ? a : null;
  return other?.name && other.country === d.host && other.name !== d.guest.name ? other : null;
}

function outcomeOf(e: CodedEvent, src: VisitSource, d: VisitDraft): Outcome | null {
  const sides = [e.source?.country, e.target?.country];
  if (!(sides.includes(d.guest.country) && sides.includes(d.host))) return null;
  const sentence = src.facts.sentences[e.sentence];
  const inSentence = isCameo('sign', e.cameo) && sentence ? outcomeKind(sentenceText(src.facts, sentence)) : null;
  const kind = outcomeKind(e.trigger.text) ?? inSentence ?? (isCameo('sign', e.cameo) ? 'agreement' : null);
  const status = kind ? statusOf(e, src.facts) : null;
  return kind && status ? { kind, status } : null;
}

function collect(d: VisitDraft, index: EventIndex): Found {
  const found: Found = { meetings: new Map(), outcomes: new Map(), events: new Set(d.events), documents: new Set(d.documents) };
  const window = windowOf(d.dates);
  const partners = new Set<string>();
  const meetingEvents: { src: VisitSource; e: CodedEvent; with: string }[] = [];
  for (const { src, e } of index.candidates(d, window)) {
    if (isVisitCode(e.cameo) || !during(e, src.facts, d, window)) continue;
    const partner = isMeetingCode(e.cameo) && statusOf(e, src.facts) ? meetingPartner(e, d) : null;
    const outcome = partner || !isOutcomeCode(e.cameo) ? null : outcomeOf(e, src, d);
    if (!partner && !outcome) continue;
    found.events.add(e.id);
    found.documents.add(src.facts.id);
    if (partner?.name) {
      partners.add(partner.name);
      meetingEvents.push({ src, e, with: partner.name });
      if (!found.meetings.has(partner.name)) found.meetings.set(partner.name, { country: partner.country, topics: new Set() });
    }
    if (outcome) {
      const known = found.outcomes.get(outcome.kind);
      found.outcomes.set(outcome.kind, known ? { kind: outcome.kind, status: strongerStatus(known.status, outcome.status) } : outcome);
    }
  }
  for (const m of meetingEvents) {
    const others = [...partners].filter((p) => p !== m.with);
    const topics = meetingTopics(m.src.facts, m.e, d.guest.name, m.with, others);
    for (const t of topics) found.meetings.get(m.with)?.topics.add(t);
  }
  return found;
}

function visitId(d: VisitDraft, start: string | null): string {
  const key = [d.guest.name ?? d.guest.country ?? '', d.host, start ?? d.documents[0] ?? ''].join('|');
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

function finish(d: VisitDraft, index: EventIndex): Visit {
  const window = windowOf(d.dates);
  const found = collect(d, index);
  const meetings: Meeting[] = [...found.meetings].map(([name, m]) => ({ with: name, country: m.country, topics: [...m.topics] }));
  return {
    id: visitId(d, window?.start ?? null),
    guest: d.guest,
    host: { country: d.host },
    invitedBy: d.invitedBy,
    kind: d.kind,
    start: window?.start ?? null,
    end: window?.end ?? null,
    status: d.status,
    meetings,
    outcomes: [...found.outcomes.values()],
    evidence: { events: [...found.events], documents: [...found.documents] },
  };
}

/** Visits told by these documents, linked across them, in order of their start date. */
export function buildVisits(sources: readonly VisitSource[]): Visit[] {
  const drafts = sources.flatMap((src) =>
    src.events.filter((e) => isVisitCode(e.cameo)).flatMap((e) => draftOf(e, src.facts) ?? []));
  const index = indexEvents(sources);
  return linkDrafts(drafts)
    .map((d) => finish(d, index))
    .sort((a, b) => (a.start ?? '9999').localeCompare(b.start ?? '9999'));
}
