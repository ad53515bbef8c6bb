/** The dashboard's calls to dyad's API (/api/v1) and the types of what it returns. */

export interface Actor { code: string; country: string | null; sector: string | null; name: string | null; role: string | null }
export interface Span { text: string; start: number; end: number }
export interface Event {
  id: string; storyId: string; cameo: string; root: string; quadClass: number; goldstein: number;
  plover: { type: string; mode: string | null; contexts: string[] }; topics: string[]; modality: string;
  date: { start: string; end: string | null; precision: string | null; basis: string | null } | null;
  place: { name: string | null; country: string | null; lat: number | null; lon: number | null } | null;
  source: Actor | null; target: Actor | null; attribution: string | null;
  firstDocument: { id: string; url: string | null; published: string | null };
  confidence: number; rule: string; knowledge: string; numMentions: number; numArticles: number; numSources: number;
}
export interface Mention { documentId: string; sentence: number; trigger: Span; source: Span | null; target: Span | null; modalityCue: Span | null; rule: string; knowledgeVersion: string }
export interface EventDetail { event: Event; mentions: Mention[]; excerpt: { documentId: string; title: string | null; text: string; offset: number } | null }
export type AnnotationKind = 'trigger' | 'source' | 'target' | 'cue' | 'actor' | 'date' | 'place';
export interface Annotation { kind: AnnotationKind; start: number; end: number; text: string; label: string; eventId: string | null }
export interface DocumentDetail {
  document: { id: string; externalId: string | null; url: string | null; title: string | null; source: string | null; published: string | null; language: string | null; text: string; codedAt: string; knowledgeVersion: string; storyId: string };
  events: Event[]; annotations: Annotation[];
  /** stored: the spans the coder used; recomputed: read again with today's knowledge (stored before they were kept). */
  spans: 'stored' | 'recomputed';
}
export interface SeriesPoint { label: string; start: string; end: string; events: number; quad: number[]; goldsteinSum: number; goldsteinMean: number | null; reports: number; index: number | null }
export interface Edge { source: string; target: string; events: number; goldstein: number }
export interface Place { name: string | null; country: string | null; lat: number; lon: number; events: number; goldstein: number }
export interface VisitPerson { name: string | null; country: string | null; role: string | null }
export interface Visit {
  id: string; guest: VisitPerson; host: { country: string }; invitedBy: VisitPerson | null; kind: string; start: string | null; end: string | null; status: string;
  meetings: Array<{ with: string; country: string | null; topics: string[] }>; outcomes: Array<{ kind: string; status: string }>;
  evidence: { events: string[]; documents: string[] };
}
export interface Stats { documents: number; events: number; mentions: number; stories: number; actors: number; firstDate: string | null; lastDate: string | null; knowledge: string[]; ploverTypes: string[] }

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** GET /api/v1{path}; an error answer becomes an ApiFailure with the API's code and message. */
export async function api<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(`/api/v1${path}`, { signal, headers: { accept: 'application/json' } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiFailure(res.status, err?.code ?? 'HTTP', err?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

/** The query string of a filter object, without empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
