/** The output contract: one coded event. Field names are documented in README.md; keep them stable. */
import type { DatePrecision, ModalityValue, TextSpan } from './doc.js';

export interface ActorOut {
  readonly code: string;
  readonly country: string | null;
  readonly sector: string | null;
  readonly name: string | null;
  readonly role: string | null;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface PloverOut {
  readonly type: string;
  readonly mode: string | null;
  readonly contexts: readonly string[];
}

export interface DateOut {
  readonly start: string;
  readonly end: string;
  readonly precision: DatePrecision;
  /** text: the sentence dates it; attributed: from the event it belongs to; published: the publication date. */
  readonly basis: 'text' | 'attributed' | 'published';
}

export interface PlaceOut {
  readonly name: string;
  readonly country: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
}

/** Another place in the document that reports the same event. */
export interface MentionOut {
  readonly sentence: number;
  readonly trigger: TextSpan;
  readonly rule: string;
}

export interface CodedEvent {
  readonly id: string;
  readonly doc: string;
  readonly sentence: number;
  readonly source: ActorOut | null;
  readonly target: ActorOut | null;
  readonly cameo: string;
  readonly root: string;
  readonly quadClass: 1 | 2 | 3 | 4;
  readonly goldstein: number;
  readonly plover: PloverOut;
  readonly modality: ModalityValue;
  readonly modalityCue: TextSpan | null;
  readonly date: DateOut | null;
  readonly place: PlaceOut | null;
  readonly topics: readonly string[];
  readonly trigger: TextSpan;
  readonly rule: string;
  readonly confidence: number;
  readonly knowledge: string;
  /** Who reported it ("according to the Kremlin"), kept apart from who did it. */
  readonly attribution: ActorOut | null;
  /** Every place in the document that supports this event, the first one included. */
  readonly mentions: readonly MentionOut[];
  /** With --compound list only: every source and target actor of the trigger ("Russia and China"). */
  readonly sources?: readonly ActorOut[];
  readonly targets?: readonly ActorOut[];
}

export interface DocumentOut {
  readonly id: string;
  readonly title: string | null;
  readonly url: string | null;
  readonly source: string | null;
  readonly published: string | null;
  readonly language: string | null;
  readonly sentences: number;
  readonly characters: number;
  /** Every actor mention resolved in the text ("who is in this article"), in text order. */
  readonly actors?: readonly ActorMentionOut[];
}

/** An actor mention: the actor, where it is, and the rule or dictionary entry that resolved it. */
export interface ActorMentionOut extends ActorOut {
  /** "person.rus.vladimir-putin", "country.syr+agent.military", "agent.police+story-country:dateline:GBR". */
  readonly rule: string;
}

export interface CodingResult {
  readonly document: DocumentOut;
  readonly events: readonly CodedEvent[];
}
