/**
 * Diplomatic visits: who travels where, when, whom they meet on what, and what comes of it.
 * Built from coded events (build.ts); a later report of the same visit updates the record (link.ts).
 */

export type VisitKind = 'state visit' | 'official visit' | 'working visit' | 'visit';

/** planned: announced or expected; occurred: reported as having happened; cancelled: called off. */
export type VisitStatus = 'planned' | 'occurred' | 'cancelled';

export interface VisitPerson {
  readonly name: string | null;
  /** ISO-3166 alpha-3 (or an IGO code). */
  readonly country: string | null;
  readonly role: string | null;
}

export interface Meeting {
  /** The host-side person the guest meets ("Xi Jinping"). */
  readonly with: string;
  readonly country: string | null;
  /** Plain topic names (security, economy, energy, ...), the themes of data/topics/contexts.yaml. */
  readonly topics: readonly string[];
}

/** 'joint statement' | 'joint declaration' | 'agreement' | 'memorandum' | 'treaty' | 'deal'. */
export type OutcomeKind = string;

export interface Outcome {
  readonly kind: OutcomeKind;
  readonly status: VisitStatus;
}

export interface VisitEvidence {
  /** Ids of the events the visit was built from (coder event ids, or store event row ids). */
  readonly events: readonly string[];
  /** Ids of the documents those events come from, in the order they were read. */
  readonly documents: readonly string[];
}

export interface Visit {
  /** Stable for the same guest, host and dates. */
  readonly id: string;
  readonly guest: VisitPerson;
  readonly host: { readonly country: string };
  readonly invitedBy: VisitPerson | null;
  readonly kind: VisitKind;
  /** YYYY-MM-DD, null when no text dates the visit. */
  readonly start: string | null;
  readonly end: string | null;
  readonly status: VisitStatus;
  readonly meetings: readonly Meeting[];
  readonly outcomes: readonly Outcome[];
  readonly evidence: VisitEvidence;
}

/** What a later report does to an earlier status: occurred beats cancelled, which beats planned. */
export function strongerStatus(a: VisitStatus, b: VisitStatus): VisitStatus {
  const rank: Record<VisitStatus, number> = { planned: 0, cancelled: 1, occurred: 2 };
  return rank[b] > rank[a] ? b : a;
}
