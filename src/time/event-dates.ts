/**
 * EventDateResolver: one `EventDate | null` per event, by these rules in order:
 * 1. a date mention in the event's own sentence (own-date.ts), basis 'text';
 * 2. merged with, or taken from, coreferent events (chain.ts), basis 'text';
 * 3. the date of a dated event it is part of (attribution.ts), basis 'attributed';
 * 4. an occurred event: the publication date, basis 'published', precision day, unless it is told
 *    in the past perfect ("had invaded": background, before the news; time.past-perfect-background)
 *    or in the simple past ("Police arrested 20 people": the text says it happened, not when; only
 *    the perfect, "have arrested", and the present tell today's news; time.simple-past-undated);
 * 5. else null: planned, expected and hypothetical events never silently get the publication date.
 * Durations ("a two-day visit") stretch a single text day into a day range.
 */
import type {
  ActorMention, DateMention, EventDate, EventMention, ModalityValue, Sentence, Tense,
} from '../core/doc.js';
import { attributedDate } from './attribution.js';
import { chainDate, chainIds } from './chain.js';
import { DurationRefiner, durationFor } from './duration.js';
import { PAST_PERFECT_BEFORE } from './cues.js';
import { ownDate } from './own-date.js';
import type { DurationMention } from './types.js';

export interface EventDateInput {
  readonly text: string;
  readonly published: string | null;
  readonly sentences: readonly Sentence[];
  readonly events: readonly EventMention[];
  /** Parallel to `events`; null where unknown. */
  readonly modality: readonly (ModalityValue | null)[];
  /** Parallel to `events`: the tense an occurred event is told in, null where none was read. */
  readonly tense: readonly (Tense | null)[];
  readonly mentions: readonly ActorMention[];
  readonly dates: readonly DateMention[];
  readonly durations: readonly DurationMention[];
}

export class EventDateResolver {
  private readonly durationRefiner = new DurationRefiner();

  resolve(input: EventDateInput): (EventDate | null)[] {
    const perfect = input.events.map((event) => {
      const sentence = input.sentences[event.sentence] ?? { start: 0, end: input.text.length };
      return PAST_PERFECT_BEFORE.test(input.text.slice(sentence.start, event.trigger.start));
    });
    const own = input.events.map((event, i) => {
      const sentence = input.sentences[event.sentence] ?? { start: 0, end: input.text.length };
      return ownDate({
        text: input.text, sentence, event, modality: input.modality[i] ?? null,
        dates: input.dates, published: input.published, perfect: perfect[i],
      });
    });
    const chain = chainIds(input.events);
    const textual = input.events.map((_, i) => this.textDate(i, input, chain, own));
    return textual.map((date, i) => date ?? (perfect[i] ? null
      : attributedDate(i, { events: input.events, modality: input.modality, mentions: input.mentions, dated: textual, published: input.published })
        ?? (input.tense[i] === 'past' ? null : publishedDate(input.modality[i] ?? null, input.published))));
  }

  /** Rules 1-2 plus the duration of the event or of its chain. */
  private textDate(i: number, input: EventDateInput, chain: readonly number[], own: readonly (DateMention | null)[]): EventDate | null {
    const mention = chainDate(i, input.events, chain, own);
    if (!mention) return null;
    const range = this.durationRefiner.refine(mention.range, chainDuration(i, input, chain));
    return { ...range, basis: 'text', evidence: { start: mention.start, end: mention.end } };
  }
}

/** The event's own duration, else the first one found on a coreferent event. */
function chainDuration(i: number, input: EventDateInput, chain: readonly number[]): DurationMention | null {
  const order = input.events.map((_, j) => j).filter((j) => chain[j] === chain[i]);
  order.sort((a, b) => Number(b === i) - Number(a === i) || a - b);
  for (const j of order) {
    const e = input.events[j];
    const found = durationFor(input.text, e.trigger, input.durations.filter((d) => d.sentence === e.sentence));
    if (found) return found;
  }
  return null;
}

function publishedDate(modality: ModalityValue | null, published: string | null): EventDate | null {
  if (modality !== 'occurred' || published === null) return null;
  return { start: published, end: published, precision: 'day', basis: 'published', evidence: null };
}
