/**
 * `dyad ingest`: read every source, skip what the store already has, code the rest and save it.
 * Errors name their source and the batch goes on; a summary closes the run.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { DocInput } from '../core/doc.js';
import { DyadError } from '../core/errors.js';
import { codeWithVisitFacts } from '../diplomacy/stored-facts.js';
import type { Coder } from '../index.js';
import { readSources, type SourceItem } from '../ingest/sources.js';
import { documentHash, type Store } from '../store/index.js';
import { openStore } from '../store/open.js';
import { errorText, type CliIO } from './io.js';
import { estimateTotal } from './ingest-total.js';

export interface IngestRequest {
  readonly sources: readonly string[];
  readonly db: string;
  readonly date: string | null;
  readonly follow: boolean;
  readonly dictionaries: readonly string[];
  readonly quiet: boolean;
  /** Show a progress bar (on a terminal, unless --quiet). */
  readonly progress: boolean;
  /** Largest document or fetched page, in bytes (--max-bytes; default 5 MB). */
  readonly maxBytes?: number;
}

export interface IngestSummary {
  read: number;
  added: number;
  known: number;
  failed: number;
  events: number;
  merged: number;
  readonly skipped: Map<string, number>;
  warnings: number;
}

export function newSummary(): IngestSummary {
  return { read: 0, added: 0, known: 0, failed: 0, events: 0, merged: 0, skipped: new Map(), warnings: 0 };
}

/** "documents: 120 new, 3 already known, 2 skipped (not English: 2); events: 310 (12 merged into stories); ..." */
export function summaryLine(s: IngestSummary, stories: number): string {
  const skipped = [...s.skipped.values()].reduce((a, b) => a + b, 0);
  const reasons = [...s.skipped.entries()].map(([r, n]) => `${r}: ${n}`).join(', ');
  return `documents: ${s.added} new, ${s.known} already known, ${skipped} skipped${reasons ? ` (${reasons})` : ''}; `
    + `events: ${s.events} new, ${s.merged} merged into known events; stories: ${stories}; errors: ${s.failed}`;
}

/** Why an item was skipped, without its detail ("not English (fr)" counts as "not English"). */
function skipReason(text: string): string {
  return text.replace(/\s*\(.*\)\s*$/, '');
}

async function saveOne(store: Store, coder: Coder, input: DocInput, kind: string, s: IngestSummary): Promise<void> {
  // A page's canonical URL and a feed item's link identify it even when its text changes.
  const canonicalUrl = kind === 'html' || kind === 'feed' ? input.url ?? null : null;
  if (await store.hasDocument(documentHash(input.text), canonicalUrl)) {
    s.known++;
    return;
  }
  // One run of the pipeline gives the events and, for documents with visit-relevant events, their visit facts.
  const { result, visitFacts } = codeWithVisitFacts(coder, input);
  const outcome = await store.saveCoded({
    text: input.text,
    externalId: input.id ?? null,
    title: input.title ?? null,
    url: input.url ?? null,
    canonicalUrl,
    source: input.source ?? null,
    published: input.published ?? null,
    language: input.language ?? null,
    knowledgeVersion: coder.knowledge.version,
    visitFacts,
  }, result);
  if (outcome.status === 'known') s.known++;
  else {
    s.added++;
    s.events += outcome.eventsAdded;
    s.merged += outcome.eventsMerged;
  }
}

/** Where messages go: straight to stderr, or held until the progress bar is done. */
export type Report = (line: string) => void;

export async function handleItem(item: SourceItem, store: Store, coder: () => Coder, s: IngestSummary, report: Report): Promise<void> {
  if ('error' in item) {
    s.failed++;
    report(errorText(item.error, item.origin));
    return;
  }
  if ('skipped' in item) {
    const reason = skipReason(item.skipped);
    s.skipped.set(reason, (s.skipped.get(reason) ?? 0) + 1);
    return;
  }
  if ('warning' in item) {
    s.warnings++;
    report(`${item.origin}: warning: ${item.warning}`);
    return;
  }
  s.read++;
  try {
    await saveOne(store, coder(), item.input, item.kind, s);
  } catch (err) {
    if (!(err instanceof DyadError)) throw err;
    s.failed++;
    report(errorText(err, item.origin));
  }
}

export type CoderLoader = (dictionaries: readonly string[]) => Promise<Coder>;

function progressBar(io: CliIO, total: number | null): SingleBar {
  const format = total === null
    ? 'ingest {bar} {value} documents | {speed}/s | {duration_formatted}'
    : 'ingest {bar} {percentage}% | {value}/{total} | {speed}/s | ETA {eta_formatted}';
  return new SingleBar({ format, stream: io.stderr as NodeJS.WritableStream, hideCursor: true, etaBuffer: 200 }, Presets.shades_classic);
}

/** Runs the ingest; resolves to the exit code (1 when nothing could be read, else 0). */
export async function runIngest(req: IngestRequest, io: CliIO, loadCoder: CoderLoader, signal?: AbortSignal): Promise<number> {
  const store = openStore(req.db);
  await store.migrate();
  const coder = await loadCoder(req.dictionaries);
  const s = newSummary();
  const held: string[] = [];
  const total = req.progress ? await estimateTotal(req.sources) : null;
  const bar = req.progress ? progressBar(io, total) : null;
  const report: Report = (line) => {
    if (req.quiet) return;
    if (bar) held.push(line);
    else io.stderr.write(`dyad: ${line}\n`);
  };
  const started = Date.now();
  bar?.start(total ?? 0, 0, { speed: '0' });
  try {
    for await (const item of readSources(req.sources, { date: req.date, follow: req.follow, ...(req.maxBytes !== undefined ? { maxBytes: req.maxBytes } : {}) })) {
      await handleItem(item, store, () => coder, s, report);
      const done = s.added + s.known + s.failed + [...s.skipped.values()].reduce((a, b) => a + b, 0);
      if (total === null) bar?.setTotal(done);
      bar?.update(done, { speed: (done / Math.max(1, (Date.now() - started) / 1000)).toFixed(1) });
      if (signal?.aborted) break;
    }
  } finally {
    bar?.stop();
    for (const line of held) io.stderr.write(`dyad: ${line}\n`);
    const stats = await store.stats();
    if (!req.quiet) io.stderr.write(`${signal?.aborted ? 'stopped; ' : ''}${summaryLine(s, stats.stories)}\n`);
    await store.close();
  }
  return s.read + s.known === 0 && s.failed > 0 ? 1 : 0;
}
