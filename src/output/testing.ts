/** Hand-built coding results for format tests (and the CLI's tests, which use a stand-in coder). */
import type { ActorOut, CodedEvent, CodingResult, DocumentOut } from '../core/event.js';

export function sampleActor(overrides: Partial<ActorOut> = {}): ActorOut {
  return { code: 'RUSGOV', country: 'RUS', sector: 'GOV', name: 'Vladimir Putin', role: 'President', text: 'Vladimir Putin', start: 9, end: 23, ...overrides };
}

/** A planned visit with every field filled, including text that needs quoting in CSV and TSV. */
export function sampleEvent(overrides: Partial<CodedEvent> = {}): CodedEvent {
  return {
    id: 'doc1-e0',
    doc: 'doc1',
    sentence: 0,
    source: sampleActor(),
    target: sampleActor({ code: 'CHN', sector: null, name: null, role: null, country: 'CHN', text: 'China', start: 60, end: 65 }),
    cameo: '042',
    root: '04',
    quadClass: 1,
    goldstein: 1.9,
    plover: { type: 'CONSULT', mode: 'visit', contexts: ['diplomatic', 'economic'] },
    modality: 'planned',
    modalityCue: { text: 'is set to', start: 24, end: 33 },
    date: { start: '2024-05-16', end: '2024-05-17', precision: 'day', basis: 'text' },
    place: { name: 'Beijing, "the capital"', country: 'CHN', lat: 39.9042, lon: 116.4074 },
    topics: ['diplomatic'],
    trigger: { text: 'embark on a\tvisit,\n"official"', start: 34, end: 58 },
    rule: 'visit.embark',
    confidence: 0.9,
    knowledge: 'dyad-0.1.0/abc123',
    attribution: null,
    mentions: [{ sentence: 0, trigger: { text: 'visit', start: 53, end: 58 }, rule: 'visit.embark' }],
    ...overrides,
  };
}

export function sampleDocument(overrides: Partial<DocumentOut> = {}): DocumentOut {
  return { id: 'doc1', title: null, url: 'https://example.org/news/1', source: null, published: '2024-05-14', language: 'en', sentences: 3, characters: 400, ...overrides };
}

export function sampleResult(events: readonly CodedEvent[] = [sampleEvent()], document: DocumentOut = sampleDocument()): CodingResult {
  return { document, events };
}
