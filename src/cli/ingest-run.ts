/**
 * `dyad ingest`: read every source, skip what the store already has, code the rest and save it.
 * Errors name their source and the batch goes on; a summary closes the run.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { DocInput } from '../core/doc.js';
import { DyadError } from '../core/errors.js';
import { codeWithVisitFacts, type CodedWithFacts } from '../diplomacy/stored-facts.js';
import type { Coder } from '../index.js';
import { readSources, type SourceItem } from '../ingest/sources.js';
import { documentHash, type Store } from '../store/index.js';
import { openStore } from '../store/open.js';
import { errorText, type CliIO } from './io.js';
import { estimateTotal } from './ingest-total.js';
import { CodingPool } from './pool.js';

export interface IngestRequest {
  readonly sources: readonly string[];
  readonly db: string;
  readonly date: string | null;
  readonly follow: boolean;
  readonly dictionaries: readonly string[];
  readonly quiet: boolean;
  /** Show a progress bar (on a terminal, unless --quiet). */
  readonly progress: boolean;
  /** Threads coding at once, the main thread included (--jobs; default 1 here, the core count in the CLI). */
  readonly jobs?: number;
  /** Largest document or fetched page, in bytes (--max-bytes; default 5 MB). */
  readonly maxBytes?: number;
  /** --doc-timeout for the pool's worker threads (the main thread's coder has it from its loader). */
  readonly docTimeout?: number;
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

/** A page's canonical URL and a feed item's link identify it even when its text changes. */
export function canonicalUrlOf(input: DocInput, kind: string): string | null {
  return kind === 'html' || kind === 'feed' ? input.url ?? null : null;
}

/** Saves an item another way than coding it now (`dyad ingest --queue` stores it and enqueues a job). */
export interface ItemSaver {
  save(store: Store, input: DocInput, kind: string, s: IngestSummary): Promise<void>;
  close(): Promise<void>;
}

/** A document's coding, started on the pool; saved in input order by `settle`. */
type Coding = Promise<CodedWithFacts>;

async function saveCoded(store: Store, coder: Coder, input: DocInput, canonicalUrl: string | null, coded: CodedWithFacts, s: IngestSummary): Promise<void> {
  const { result, visitFacts, spans } = coded;
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
    spans,
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

/** Codes a document: on this thread, or on the pool's workers (`--jobs`). */
export type CodeDocument = (input: DocInput) => Coding;

/**
 * Starts an item: counts what is skipped or known, and starts coding a new document. Resolves to
 * the step that finishes it (saves, reports); steps run in input order, so the store and the
 * messages are the same whatever the number of jobs. A document coded twice in one window (the
 * same text twice) is found known when saved.
 */
export async function startItem(
  item: SourceItem, store: Store, coder: () => Coder, s: IngestSummary, report: Report, code?: CodeDocument, saver?: ItemSaver,
): Promise<() => Promise<void>> {
  if ('error' in item) {
    return async () => {
      s.failed++;
      report(errorText(item.error, item.origin));
    };
  }
  if ('skipped' in item) {
    const reason = skipReason(item.skipped);
    return async () => {
      s.skipped.set(reason, (s.skipped.get(reason) ?? 0) + 1);
    };
  }
  if ('warning' in item) {
    return async () => {
      s.warnings++;
      report(`${item.origin}: warning: ${item.warning}`);
    };
  }
  const fail = (err: unknown): void => {
    if (!(err instanceof DyadError)) throw err;
    s.failed++;
    report(errorText(err, item.origin));
  };
  const input = item.input;
  if (saver) {
    return async () => {
      s.read++;
      try {
        await saver.save(store, input, item.kind, s);
      } catch (err) {
        fail(err);
      }
    };
  }
  const canonicalUrl = canonicalUrlOf(input, item.kind);
  let known: boolean;
  try {
    known = await store.hasDocument(documentHash(input.text), canonicalUrl);
  } catch (err) {
    return async () => {
      s.read++;
      fail(err);
    };
  }
  if (known) {
    return async () => {
      s.read++;
      s.known++;
    };
  }
  // One run of the pipeline gives the events and, for documents with visit-relevant events, their visit facts.
  const coding: Coding = code ? code(input) : new Promise((resolve) => resolve(codeWithVisitFacts(coder(), input)));
  coding.catch(() => undefined); // settled by the step below
  return async () => {
    s.read++;
    try {
      await saveCoded(store, coder(), input, canonicalUrl, await coding, s);
    } catch (err) {
      fail(err);
    }
  };
}

export async function handleItem(item: SourceItem, store: Store, coder: () => Coder, s: IngestSummary, report: Report): Promise<void> {
  await (await startItem(item, store, coder, s, report))();
}

export type CoderLoader = (dictionaries: readonly string[]) => Promise<Coder>;

function progressBar(io: CliIO, total: number | null): SingleBar {
  const format = total === null
    ? 'ingest {bar} {value} documents | {speed}/s | {duration_formatted}'
    : 'ingest {bar} {percentage}% | {value}/{total} | {speed}/s | ETA {eta_formatted}';
  return new SingleBar({ format, stream: io.stderr as NodeJS.WritableStream, hideCursor: true, etaBuffer: 200 }, Presets.shades_classic);
}

/** Runs the ingest; resolves to the exit code (1 when nothing could be read, else 0). */
export async function runIngest(
  req: IngestRequest, io: CliIO, loadCoder: CoderLoader, signal?: AbortSignal, makeSaver?: (store: Store) => Promise<ItemSaver>,
): Promise<number> {
  const store = openStore(req.db);
  await store.migrate();
  const saver = makeSaver ? await makeSaver(store) : undefined;
  // Queued items are coded by `dyad worker`: no coder and no pool here.
  const coder = saver ? null : await loadCoder(req.dictionaries);
  const theCoder = (): Coder => {
    if (!coder) throw new Error('no coder is loaded when items are queued');
    return coder;
  };
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
  const pool = new CodingPool(saver ? 1 : req.jobs ?? 1, { kind: 'ingest', dictionaries: req.dictionaries, ...(req.docTimeout !== undefined ? { docTimeout: req.docTimeout } : {}) }, (input) => codeWithVisitFacts(theCoder(), input));
  const steps: (() => Promise<void>)[] = [];
  const settle = async (): Promise<void> => {
    await steps.shift()?.();
    const done = s.added + s.known + s.failed + [...s.skipped.values()].reduce((a, b) => a + b, 0);
    if (total === null) bar?.setTotal(done);
    bar?.update(done, { speed: (done / Math.max(1, (Date.now() - started) / 1000)).toFixed(1) });
  };
  bar?.start(total ?? 0, 0, { speed: '0' });
  try {
    for await (const item of readSources(req.sources, { date: req.date, follow: req.follow, ...(req.maxBytes !== undefined ? { maxBytes: req.maxBytes } : {}) })) {
      steps.push(await startItem(item, store, theCoder, s, report, (input) => pool.submit(input), saver));
      while (steps.length >= pool.window) await settle();
      if (signal?.aborted) break;
    }
    while (steps.length) await settle();
  } finally {
    await pool.close();
    bar?.stop();
    for (const line of held) io.stderr.write(`dyad: ${line}\n`);
    await saver?.close();
    const stats = await store.stats();
    if (!req.quiet) io.stderr.write(`${signal?.aborted ? 'stopped; ' : ''}${summaryLine(s, stats.stories)}\n`);
    await store.close();
  }
  return s.read + s.known === 0 && s.failed > 0 ? 1 : 0;
}
