/**
 * The time stage's internal vocabulary, chrono-node style: parsers find date candidates in one
 * frame of text (a sentence), refiners filter and adjust them.
 */
import type { DateRange, Span, Token } from '../core/doc.js';

/** Which way an ambiguous date (bare weekday, month/day without a year) should be read. */
export type Direction = 'past' | 'future' | 'nearest';

/** What a parser found, before refiners run. */
export interface DateCandidate extends Span {
  readonly range: DateRange;
  /** The rule that made it, for debugging and tests. */
  readonly parser: string;
  /** Higher wins when two candidates overlap. */
  readonly priority: number;
  /** Weekdays (0 = Sunday) of a bare weekday expression ("on Monday", "Monday to Wednesday"). */
  readonly weekdays: { readonly start: number; readonly end: number } | null;
  /** The year was not written and was guessed (nearest to the publication date). */
  readonly yearImplied: boolean;
}

/** One stretch of text (a sentence) and what is known around it. */
export interface DateFrame {
  /** The whole document text; spans index it. */
  readonly text: string;
  /** The frame's own span within `text`. */
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  /** ISO publication date, or null: then only absolute dates resolve. */
  readonly published: string | null;
  /** Tokens of this frame (empty when there is no Doc). */
  readonly tokens: readonly Token[];
  /** How to read an ambiguous date at this span (from event modality or tense cues). */
  readonly direction: (span: Span) => Direction;
}

export interface DateParser {
  readonly name: string;
  parse(frame: DateFrame): DateCandidate[];
}

export interface DateRefiner {
  readonly name: string;
  refine(candidates: readonly DateCandidate[], frame: DateFrame): DateCandidate[];
}

/** A duration attached to an event: "a two-day visit", "a week-long trip", "for three days". */
export interface DurationMention extends Span {
  readonly sentence: number;
  readonly days: number;
}
