/**
 * Rule 1: the date mention in an event's own sentence that dates it. Closest to the trigger wins,
 * with penalties for a clause break in between and for a date that belongs to a reporting verb
 * ("said on Tuesday that ..."; skipped outright for an event in the past perfect). Dates that contradict the modality are skipped: a planned event
 * does not end before the publication date, an occurred one does not start after it.
 */
import type { DateMention, EventMention, ModalityValue, Span } from '../core/doc.js';
import { CLAUSE_BREAK } from './cues.js';
import { modalityDirection, reportingVerbBefore } from './direction.js';

const CLAUSE_PENALTY = 200;
const REPORTING_PENALTY = 1000;

export interface OwnDateInput {
  readonly text: string;
  /** Span of the event's sentence. */
  readonly sentence: Span;
  readonly event: EventMention;
  readonly modality: ModalityValue | null;
  readonly dates: readonly DateMention[];
  readonly published: string | null;
  /** The event is told in the past perfect ("had invaded"): background before the time of the telling. */
  readonly perfect?: boolean;
}

function fitsModality(d: DateMention, modality: ModalityValue | null, published: string | null): boolean {
  if (published === null) return true;
  const direction = modalityDirection(modality);
  if (direction === 'future' && modality !== 'hypothetical') return d.range.end >= published;
  if (direction === 'past') return d.range.start <= published;
  return true;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function score(input: OwnDateInput, d: DateMention): number {
  const t = input.event.trigger;
  const from = Math.min(d.end, t.end);
  const to = Math.max(d.start, t.start);
  const gap = Math.max(0, to - from);
  let s = gap;
  if (gap > 0 && CLAUSE_BREAK.test(input.text.slice(from, to))) s += CLAUSE_PENALTY;
  const verb = reportingVerbBefore(input.text, input.sentence.start, d.start);
  if (verb && !overlaps(verb, t)) s += REPORTING_PENALTY;
  return s;
}

/** The best date mention for the event in its own sentence, or null. */
export function ownDate(input: OwnDateInput): DateMention | null {
  let best: DateMention | null = null;
  let bestScore = Infinity;
  for (const d of input.dates) {
    if (d.sentence !== input.event.sentence) continue;
    if (!fitsModality(d, input.modality, input.published)) continue;
    // time.past-perfect-background: "Iraq had invaded Kuwait, the minister said on Monday": the saying's date is not the event's.
    if (input.perfect && reportingVerbBefore(input.text, input.sentence.start, d.start)) continue;
    const s = score(input, d);
    if (s < bestScore) [best, bestScore] = [d, s];
  }
  return best;
}
