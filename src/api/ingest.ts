/**
 * The documents the API codes (`POST /code`) and stores (`POST /documents`): a JSON body with text
 * or HTML, a batch, or a URL (page or feed) read by the ingest stage's own reader.
 */
import type { DocInput } from '../core/doc.js';
import { DyadError } from '../core/errors.js';
import { codeWithVisitFacts } from '../diplomacy/stored-facts.js';
import type { Coder } from '../index.js';
import { publicAddressesOnly } from '../ingest/address-policy.js';
import { Fetcher } from '../ingest/fetch.js';
import { extractArticle } from '../ingest/html.js';
import { readSources } from '../ingest/sources.js';
import { detectLanguage } from '../ingest/text-input.js';
import { documentHash, type Store } from '../store/index.js';

export interface DocumentIn {
  readonly text?: string;
  readonly html?: string;
  readonly date?: string;
  readonly title?: string;
  readonly url?: string;
  readonly source?: string;
  readonly id?: string;
}

/** The pipeline's input for a body: HTML reduced to its article text; refuses text not in English. */
export function toInput(body: DocumentIn, where = 'body'): { input: DocInput; canonicalUrl: string | null } {
  if (body.html !== undefined) {
    if (/\p{Surrogate}/u.test(body.html)) throw new DyadError('INPUT_ENCODING', 'html has a lone surrogate (\\uD800-\\uDFFF): it is not valid Unicode', where);
    const page = extractArticle(body.html, body.url ?? null, where);
    return {
      input: {
        id: body.id ?? null, text: page.text, title: body.title ?? page.title, url: body.url ?? page.canonicalUrl,
        source: body.source ?? page.publisher, published: body.date ?? page.published, language: page.language ?? 'en',
      },
      canonicalUrl: page.canonicalUrl ?? body.url ?? null,
    };
  }
  const text = body.text ?? '';
  if (text.trim() === '') throw new DyadError('INPUT_EMPTY', 'text is empty', where);
  if (/\p{Surrogate}/u.test(text)) throw new DyadError('INPUT_ENCODING', 'text has a lone surrogate (\\uD800-\\uDFFF): it is not valid Unicode', where);
  const guess = detectLanguage(text);
  if (guess.confident && guess.code !== 'eng') throw new DyadError('INPUT_LANGUAGE', `text looks like ${guess.name} (${guess.code}), not English`, where);
  return {
    input: { id: body.id ?? null, text, title: body.title ?? null, url: body.url ?? null, source: body.source ?? null, published: body.date ?? null, language: 'en' },
    canonicalUrl: null,
  };
}

export interface IngestReport {
  added: number;
  known: number;
  failed: number;
  skipped: number;
  events: number;
  readonly documents: Array<{ id: string; status: 'new' | 'known' }>;
  readonly errors: Array<{ code: string; message: string }>;
}

const emptyReport = (): IngestReport => ({ added: 0, known: 0, failed: 0, skipped: 0, events: 0, documents: [], errors: [] });

async function save(store: Store, coder: Coder, input: DocInput, canonicalUrl: string | null, r: IngestReport): Promise<void> {
  const id = documentHash(input.text);
  if (await store.hasDocument(id, canonicalUrl)) {
    r.known++;
    r.documents.push({ id, status: 'known' });
    return;
  }
  const { result, visitFacts, spans } = codeWithVisitFacts(coder, input);
  const outcome = await store.saveCoded({
    text: input.text, externalId: input.id ?? null, title: input.title ?? null, url: input.url ?? null, canonicalUrl,
    source: input.source ?? null, published: input.published ?? null, language: input.language ?? null,
    knowledgeVersion: coder.knowledge.version, visitFacts, spans,
  }, result);
  r.documents.push({ id: outcome.documentId, status: outcome.status });
  if (outcome.status === 'known') r.known++;
  else {
    r.added++;
    r.events += outcome.eventsAdded;
  }
}

function failed(r: IngestReport, err: unknown): void {
  if (!(err instanceof DyadError)) throw err;
  r.failed++;
  r.errors.push({ code: err.code, message: err.message });
}

/** Codes and stores each document; a bad one is reported and the rest go on. */
export async function ingestBodies(store: Store, coder: Coder, bodies: readonly DocumentIn[]): Promise<IngestReport> {
  const r = emptyReport();
  for (const [i, body] of bodies.entries()) {
    try {
      const { input, canonicalUrl } = toInput(body, bodies.length > 1 ? `documents[${i}]` : 'body');
      await save(store, coder, input, canonicalUrl, r);
    } catch (err) {
      failed(r, err);
    }
  }
  return r;
}

export interface FetchRequest {
  readonly url: string;
  /** Fetch each feed item's link too. */
  readonly follow: boolean;
  /** Allow loopback, private and link-local addresses (`dyad serve --allow-private-fetch`); else refused. */
  readonly allowPrivate: boolean;
}

/**
 * Fetches a page or feed (with the ingest stage's limits and politeness) and stores what it yields.
 * Unless `allowPrivate`, only public addresses are fetched (on every redirect hop and followed link):
 * a refused URL is the request's error (INPUT_HOST_REFUSED), a refused feed link that item's.
 */
export async function ingestUrl(store: Store, coder: () => Promise<Coder>, o: FetchRequest): Promise<IngestReport> {
  const r = emptyReport();
  const fetcher = new Fetcher({ addressPolicy: o.allowPrivate ? null : publicAddressesOnly });
  for await (const item of readSources([o.url], { follow: o.follow, fetcher })) {
    if ('error' in item && item.error.code === 'INPUT_HOST_REFUSED' && item.origin === o.url) throw item.error;
    if ('error' in item) failed(r, item.error);
    else if ('skipped' in item) r.skipped++;
    else if ('input' in item) {
      try {
        await save(store, await coder(), item.input, item.kind === 'html' || item.kind === 'feed' ? item.input.url ?? null : null, r);
      } catch (err) {
        failed(r, err);
      }
    }
  }
  return r;
}

/** A JSON Lines body as documents; a bad line is an error naming its line. */
export function parseJsonLines(text: string): DocumentIn[] {
  const out: DocumentIn[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new DyadError('INPUT_JSONL', `invalid JSON: ${(err as Error).message}`, `line ${i + 1}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new DyadError('INPUT_JSONL', 'expected a JSON object', `line ${i + 1}`);
    out.push(value as DocumentIn);
  }
  if (out.length === 0) throw new DyadError('INPUT_EMPTY', 'the JSON Lines body has no records', 'body');
  return out;
}
