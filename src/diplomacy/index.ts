/** Diplomacy: visits, meetings and outcomes built from coded events, linked across reports. */
export type { Visit, VisitKind, VisitStatus, VisitPerson, Meeting, Outcome, OutcomeKind, VisitEvidence } from './visit.js';
export { strongerStatus } from './visit.js';
export { buildVisits, type VisitSource } from './build.js';
export { documentFacts, type DocumentFacts, type SentenceFacts, type PersonMention } from './facts.js';
export { codeForVisits, coderFacts, lazyCoderFacts, storeVisitSources, type FactsReader, type StoreVisitFilter } from './sources.js';
export {
  codeWithVisitFacts, decodeVisitFacts, encodeVisitFacts, isVisitRelevant, type CodedWithFacts, type FactsDocument,
} from './stored-facts.js';
export { listStoreVisits } from './list.js';
export { filterVisits, type VisitFilter } from './filter.js';
