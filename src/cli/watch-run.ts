/**
 * `dyad watch FEEDS.txt --every 15m`: polls feeds with conditional requests (ETag, Last-Modified),
 * ingests new items (an item already stored, by content hash or link, is never ingested twice), and
 * stops cleanly on Ctrl-C.
 */
import { readFileSync } from 'node:fs';
import { DyadError } from '../core/errors.js';
import type { Coder } from '../index.js';
import { Fetcher } from '../ingest/fetch.js';
import { readFetched } from '../ingest/sources.js';
import type { Store } from '../store/index.js';
import { openStore } from '../store/open.js';
import { errorText, type CliIO } from './io.js';
import { handleItem, newSummary, summaryLine, type CoderLoader, type IngestSummary } from './ingest-run.js';

export interface WatchRequest {
  readonly feedsFile: string;
  readonly db: string;
  readonly everyMs: number;
  /** Stop after this many rounds (tests); null: until interrupted. */
  readonly rounds: number | null;
  readonly dictionaries: readonly string[];
  readonly quiet: boolean;
  /** Largest feed or document, in bytes (--max-bytes; default 5 MB). */
  readonly maxBytes?: number;
}

/** "15m", "1h", "30s", "2h30m" to milliseconds. */
export function parseInterval(text: string): number {
  const re = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)/gy;
  let total = 0;
  let matched = 0;
  const unit: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    total += Number(m[1]) * unit[m[2]];
    matched = re.lastIndex;
  }
  if (matched !== text.length || total <= 0) throw new DyadError('USAGE', `"${text}" is not an interval such as 30s, 15m or 1h`, '--every');
  return total;
}

/** Feed URLs, one a line; blank lines and # comments are ignored. */
export function readFeedList(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new DyadError('INPUT_UNREADABLE', (err as Error).message, file);
  }
  const urls = text.split(/\r?\n/).map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean);
  const bad = urls.find((u) => !/^https?:\/\//i.test(u));
  if (bad) throw new DyadError('USAGE', `"${bad}" is not an http(s) URL`, file);
  if (!urls.length) throw new DyadError('INPUT_EMPTY', 'no feed URLs', file);
  return urls;
}

async function pollFeed(url: string, store: Store, fetcher: Fetcher, coder: Coder, s: IngestSummary, report: (line: string) => void, maxBytes?: number): Promise<void> {
  const prev = await store.feedState(url);
  try {
    const fetched = await fetcher.fetch(url, { etag: prev?.etag ?? undefined, lastModified: prev?.lastModified ?? undefined });
    if (!fetched.notModified) {
      for await (const item of readFetched(Buffer.from(fetched.bytes), { name: url, url: fetched.url, contentType: fetched.contentType }, maxBytes !== undefined ? { maxBytes } : {})) {
        await handleItem(item, store, () => coder, s, report);
      }
    }
    await store.saveFeedState({ url, etag: fetched.etag ?? prev?.etag ?? null, lastModified: fetched.lastModified ?? prev?.lastModified ?? null, checkedAt: new Date().toISOString() });
  } catch (err) {
    if (!(err instanceof DyadError)) throw err;
    s.failed++;
    report(errorText(err, url));
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

export async function runWatch(req: WatchRequest, io: CliIO, loadCoder: CoderLoader, signal: AbortSignal): Promise<number> {
  const urls = readFeedList(req.feedsFile);
  const store = openStore(req.db);
  await store.migrate();
  const coder = await loadCoder(req.dictionaries);
  const fetcher = new Fetcher(req.maxBytes !== undefined ? { maxBytes: req.maxBytes } : {});
  const report = (line: string): void => {
    if (!req.quiet) io.stderr.write(`dyad: ${line}\n`);
  };
  try {
    for (let round = 1; !signal.aborted && (req.rounds === null || round <= req.rounds); round++) {
      const s = newSummary();
      for (const url of urls) {
        if (signal.aborted) break;
        await pollFeed(url, store, fetcher, coder, s, report, req.maxBytes);
      }
      const stats = await store.stats();
      if (!req.quiet) io.stderr.write(`${new Date().toISOString()} round ${round}: ${summaryLine(s, stats.stories)}\n`);
      if (req.rounds === null || round < req.rounds) await pause(req.everyMs, signal);
    }
  } finally {
    await store.close();
  }
  if (signal.aborted && !req.quiet) io.stderr.write('dyad: watch stopped\n');
  return 0;
}
