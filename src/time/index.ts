/** The time stage: date mentions and event dates. */
export { TimeStage } from './stage.js';
export { resolveDates, extractCandidates, DEFAULT_PARSERS, DEFAULT_REFINERS } from './extract.js';
export { EventDateResolver, type EventDateInput } from './event-dates.js';
export { ChronoParser } from './chrono-parser.js';
export { RelativePeriodParser, relativePeriod } from './relative-period-parser.js';
export { DayRangeParser } from './day-range-parser.js';
export { YearParser } from './year-parser.js';
export { FalseDateFilter, OverlapRefiner, WeekdayDirectionRefiner, resolveWeekday } from './refiners.js';
export { DurationParser, DurationRefiner, durationFor } from './duration.js';
export type { DateCandidate, DateFrame, DateParser, DateRefiner, Direction, DurationMention } from './types.js';
