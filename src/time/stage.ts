/**
 * The time stage: finds every date expression (chrono-node plus our own parsers and refiners),
 * resolved against the publication date in UTC, and dates every event (EventDateResolver).
 */
import type {
  DateMention, Doc, EventMention, LayerName, Modality, Sentence, Span, Token,
} from '../core/doc.js';
import { layer } from '../core/doc.js';
import type { Stage, StageContext } from '../core/stage.js';
import { modalityDirection, tenseDirection } from './direction.js';
import { DurationParser } from './duration.js';
import { EventDateResolver } from './event-dates.js';
import { checkPublished, extractCandidates, resolveDates, toDateMention } from './extract.js';
import type { DateFrame, Direction, DurationMention } from './types.js';

/** Direction from the modality of the event in the sentence whose trigger is closest to `span`. */
function eventDirection(
  events: readonly EventMention[], modality: readonly Modality[], sentence: number, span: Span,
): Direction | null {
  let best: Direction | null = null;
  let bestGap = Infinity;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.sentence !== sentence) continue;
    const gap = Math.max(0, Math.max(e.trigger.start, span.start) - Math.min(e.trigger.end, span.end));
    const direction = modalityDirection(modality[i]?.value ?? null);
    if (direction !== null && gap < bestGap) [best, bestGap] = [direction, gap];
  }
  return best;
}

function frameOf(doc: Doc, s: Sentence, tokens: readonly Token[], published: string | null): DateFrame {
  const events = doc.events ?? [];
  const modality = doc.modality ?? [];
  const own = tokens.slice(s.tokenStart, s.tokenEnd);
  return {
    text: doc.text,
    start: s.start,
    end: s.end,
    sentence: s.index,
    published,
    tokens: own,
    direction: (span) => eventDirection(events, modality, s.index, span) ?? tenseDirection(doc.text, s, own, span),
  };
}

/** A letter or a digit: every date expression and every duration has one. */
const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * Whether sentence `s` can hold a date or a duration. A sentence of punctuation, symbols and emoji
 * cannot, and chrono costs about as much per sentence as per character: a page of such fragments
 * (17,550 of them in 91 KB) spent a fifth of its time there for nothing.
 */
function mayHoldDate(text: string, s: Sentence): boolean {
  return WORDLIKE.test(text.slice(s.start, s.end));
}

/** A sentence with dates, in Latin-1 and with a character past it (an em dash). */
const WARM_TEXTS: readonly string[] = [
  'The talks resumed on Monday, 12 May 2024, and will end next week, officials said.',
  'The talks resumed on Monday, 12 May 2024 \u2014 and will end next week, officials said.',
];

export interface TimeStageOptions {
  /**
   * all (default): date mentions of every sentence, for `annotate` and evidence views. events: only
   * of sentences that hold an event, the only ones that date an event (chrono is the costliest part
   * of the stage, and about one sentence in ten has an event); the events' dates are the same.
   */
  readonly dates?: 'all' | 'events';
}

/** chrono compiles its patterns once per process; the first sentence that needs a date does it (TimeStage.ready). */
let chronoWarm = false;

export class TimeStage implements Stage {
  readonly name = 'time';
  readonly requires: readonly LayerName[] = ['sentences', 'tokens', 'events', 'modality'];
  readonly provides: readonly LayerName[] = ['dates', 'eventDates'];
  private readonly durations = new DurationParser();
  private readonly resolver = new EventDateResolver();
  private readonly allDates: boolean;

  constructor(options: TimeStageOptions = {}) {
    this.allDates = options.dates !== 'events';
  }

  /**
   * Compiles chrono's patterns now. V8 compiles a regular expression on its first use and again, to
   * machine code, on its second, and once more for text with characters past Latin-1: chrono's
   * patterns took ~0.2 s over the first two documents of a run and ~30 ms on the first with such a
   * character, inside their time budgets.
   */
  warm(): void {
    chronoWarm = true;
    for (const text of WARM_TEXTS) for (let k = 0; k < 2; k++) resolveDates(text, '2024-05-14');
  }

  /** Compiles chrono's patterns once per process, on the first sentence that needs a date, outside its document's budget. */
  private ready(ctx: StageContext | undefined): void {
    if (chronoWarm) return;
    chronoWarm = true;
    if (ctx?.deadline) ctx.deadline.excluding(() => this.warm());
    else this.warm();
  }

  run(doc: Doc, ctx?: StageContext): Doc {
    const published = checkPublished(doc.published);
    const sentences = layer(doc, 'sentences');
    const tokens = layer(doc, 'tokens');
    const events = layer(doc, 'events');
    const modality = layer(doc, 'modality');
    const dates: DateMention[] = [];
    const durations: DurationMention[] = [];
    const dated = this.allDates ? null : new Set(events.map((e) => e.sentence));
    for (const s of sentences) {
      if (!mayHoldDate(doc.text, s)) continue;
      if (dated === null || dated.has(s.index)) {
        this.ready(ctx);
        const frame = frameOf(doc, s, tokens, published);
        dates.push(...extractCandidates(frame).map((c) => toDateMention(c, s.index)));
      }
      durations.push(...this.durations.parse(doc.text, s, s.index));
    }
    const eventDates = this.resolver.resolve({
      text: doc.text,
      published,
      sentences,
      events,
      modality: events.map((_, i) => modality[i]?.value ?? null),
      tense: events.map((_, i) => modality[i]?.tense ?? null),
      mentions: doc.mentions ?? [],
      dates,
      durations,
    });
    return { ...doc, dates, eventDates };
  }
}
