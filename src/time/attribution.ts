/**
 * Rule 3: an undated event that is part of a dated one takes its date (basis 'attributed'):
 * overlapping actor countries (sources and targets), the same modality class (planned/expected vs
 * occurred). Talks "during the visit" get the visit's dates. Across sentences a date told as
 * background (a month or more before publication) is lent by a container (a visit, hosting, a
 * meeting at a third place) only.
 */
import type { ActorMention, EventDate, EventMention, ModalityValue } from '../core/doc.js';
import { isCameo } from '../knowledge/cameo-categories.js';

export type ModalityClass = 'past' | 'future';

export function modalityClass(value: ModalityValue | null): ModalityClass | null {
  if (value === 'occurred') return 'past';
  if (value === 'planned' || value === 'expected') return 'future';
  return null;
}

export function eventCountries(event: EventMention, mentions: readonly ActorMention[]): Set<string> {
  const out = new Set<string>();
  for (const m of [...event.sources, ...event.targets]) {
    for (const actor of mentions[m]?.actors ?? []) {
      if (actor.country) out.add(actor.country);
    }
  }
  return out;
}

export interface AttributionInput {
  readonly events: readonly EventMention[];
  readonly modality: readonly (ModalityValue | null)[];
  readonly mentions: readonly ActorMention[];
  /** Dates from the text (rules 1-2); only these are passed on. */
  readonly dated: readonly (EventDate | null)[];
  /** The publication date (YYYY-MM-DD), or null. */
  readonly published: string | null;
}

interface Donor {
  readonly at: number;
  readonly overlap: number;
  readonly container: boolean;
  readonly distance: number;
}

function better(a: Donor, b: Donor): boolean {
  if (a.overlap !== b.overlap) return a.overlap > b.overlap;
  if (a.container !== b.container) return a.container;
  if (a.distance !== b.distance) return a.distance < b.distance;
  return a.at < b.at;
}

/** The date event `self` takes from the dated event it is part of, or null. */
export function attributedDate(self: number, input: AttributionInput): EventDate | null {
  const cls = modalityClass(input.modality[self] ?? null);
  if (cls === null) return null;
  const event = input.events[self];
  const countries = eventCountries(event, input.mentions);
  if (countries.size === 0) return null;
  let best: Donor | null = null;
  const { from, to } = nearby(input.events, event.sentence);
  for (let at = from; at < to; at++) {
    const donor = donorAt(at, self, cls, countries, input);
    if (donor && (!best || better(donor, best))) best = donor;
  }
  const date = best ? input.dated[best.at] : null;
  return date ? { ...date, basis: 'attributed' } : null;
}

/**
 * How far (in sentences) a donor may be: far enough for any news article, near enough that a
 * document of thousands of events is not a scan of all of them for each one.
 */
const DONOR_WINDOW = 100;

/** The events (in sentence order) within DONOR_WINDOW sentences of `sentence`. */
function nearby(events: readonly EventMention[], sentence: number): { from: number; to: number } {
  const firstAt = (s: number): number => {
    let lo = 0;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (events[mid].sentence < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { from: firstAt(sentence - DONOR_WINDOW), to: firstAt(sentence + DONOR_WINDOW + 1) };
}

/** Days before publication beyond which a date is background, not the news period. */
const NEWS_PERIOD_DAYS = 31;

function background(date: EventDate, published: string | null): boolean {
  if (published === null) return false;
  return Date.parse(date.end) < Date.parse(published) - NEWS_PERIOD_DAYS * 86_400_000;
}

function donorAt(at: number, self: number, cls: ModalityClass, countries: ReadonlySet<string>, input: AttributionInput): Donor | null {
  const date = input.dated[at];
  if (at === self || !date || date.basis !== 'text') return null;
  if (modalityClass(input.modality[at] ?? null) !== cls) return null;
  const other = input.events[at];
  const theirs = eventCountries(other, input.mentions);
  const overlap = [...countries].filter((c) => theirs.has(c)).length;
  if (overlap === 0) return null;
  const container = isCameo('container', other.cameo);
  const distance = Math.abs(other.sentence - input.events[self].sentence);
  // A date told as background, a month or more before publication ("under house arrest since 2003"),
  // stays with its own event; only the news period's dates carry over to the story's other events.
  if (!container && distance > 0 && background(date, input.published)) return null;
  return { at, overlap, container, distance };
}
