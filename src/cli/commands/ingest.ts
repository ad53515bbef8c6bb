/** `dyad ingest`, `dyad recode` and `dyad watch`: the commands that fill and refresh the store. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DyadError } from '../../core/errors.js';
import { codeWithVisitFacts } from '../../diplomacy/stored-facts.js';
import { parsePublicationDate } from '../../ingest/date.js';
import { openStore } from '../../store/open.js';
import { redactUrl } from '../../store/postgres.js';
import { canonicalUrlOf, runIngest, type CoderLoader } from '../ingest-run.js';
import { jobsOption } from './jobs.js';
import { closeBoss, openBoss } from '../../queue/boss.js';
import { enqueueRecode, queueingSaver } from '../../queue/enqueue.js';
import type { Store } from '../../store/store.js';
import { addQueueOptions, jobSettings } from './queue.js';
import { printError, type CliIO } from '../io.js';
import { DEFAULT_DOC_TIMEOUT, DOC_TIMEOUT_HELP, parseDocTimeout, parseMaxBytes } from '../options.js';
import { DEFAULT_MAX_BYTES } from '../../ingest/text-input.js';
import { parseInterval, runWatch } from '../watch-run.js';

const DEFAULT_DB = process.env.DYAD_DB ?? './dyad.db';

const collect = (v: string, prev: readonly string[] | undefined): readonly string[] => [...(prev ?? []), v];

function parseDate(value: string): string {
  try {
    return parsePublicationDate(value);
  } catch (err) {
    throw new InvalidArgumentError(err instanceof DyadError ? err.message : String(err));
  }
}

function parseEvery(value: string): number {
  try {
    return parseInterval(value);
  } catch (err) {
    throw new InvalidArgumentError(err instanceof DyadError ? err.message : String(err));
  }
}

/** The coder, with the document time budget of --doc-timeout. */
const coderLoader = (docTimeout: number): CoderLoader => async (dictionaries) => {
  const { createCoder } = await import('../../index.js');
  return createCoder({ dictionaries, docTimeout });
};

const maxBytesOption = (): Option => new Option('--max-bytes <n>', 'largest document (or fetched page) accepted, in bytes')
  .argParser(parseMaxBytes).default(DEFAULT_MAX_BYTES, `${DEFAULT_MAX_BYTES}, 5 MB`);
const docTimeoutOption = (): Option => new Option('--doc-timeout <seconds>', DOC_TIMEOUT_HELP).argParser(parseDocTimeout).default(DEFAULT_DOC_TIMEOUT);

const exitNow = (): never => process.exit(130);

/**
 * Runs `work` with a signal that Ctrl-C or SIGTERM aborts: it stops after the document in hand; a
 * second Ctrl-C exits at once. The handlers go when the work ends (a CLI run in-process leaves none).
 */
async function interruptible(work: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  const firstInterrupt = (): void => {
    abort();
    process.once('SIGINT', exitNow);
  };
  process.once('SIGINT', firstInterrupt);
  process.once('SIGTERM', abort);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', firstInterrupt).off('SIGINT', exitNow).off('SIGTERM', abort);
  }
}

interface IngestOptions {
  readonly db: string;
  readonly date?: string;
  readonly follow?: boolean;
  readonly dictionary?: readonly string[];
  readonly quiet?: boolean;
  readonly progress: boolean;
  readonly jobs: number;
  readonly maxBytes: number;
  readonly docTimeout: number;
}

/** --queue and its settings (ingest and recode). */
interface QueueFlags {
  readonly queue?: boolean;
  readonly queueSchema: string;
  readonly jobExpire?: number;
  readonly jobTries?: number;
  readonly jobRetryDelay?: number;
}

const INGEST_HELP = `
Sources: files, folders (recursively), http(s) URLs, feed files or feed URLs (RSS, Atom, RDF), JSON
Lines corpora ({id, title, date, text, url, source} per line) and - for stdin. What each one is, is
detected from its content type, extension and first bytes. HTML pages are reduced to their article text,
with title, date, publisher, canonical URL and language. Documents not in English are skipped.

A document already in the store (same text, or same canonical URL or feed link) is not coded again, so
ingesting the same sources twice adds nothing, and an interrupted ingest resumes where it stopped.

Examples:
  $ dyad ingest news/ --db news.db
  $ dyad ingest https://example.org/feed.xml --follow
  $ dyad ingest corpus.jsonl --date 2024-05-14
`;

export function registerIngest(program: Command, io: CliIO, done: (code: number) => void): void {
  addQueueOptions(program
    .command('ingest')
    .summary('read news into the store (SQLite by default)')
    .description('Read news from files, folders, URLs and feeds, code it, and keep documents, events and stories in the store.')
    .argument('<sources...>', 'files, folders, URLs, feeds, JSON Lines, or - for stdin')
    .option('--db <file>', 'SQLite file or postgres:// URL (or DYAD_DB)', DEFAULT_DB)
    .option('--date <YYYY-MM-DD>', 'publication date where a source gives none', parseDate)
    .option('--follow', "fetch each feed item's link and code the page")
    .option('--dictionary <file>', 'extra actor dictionary (dyad YAML, or PETRARCH .actors/.agents); repeatable', collect)
    .addOption(maxBytesOption())
    .addOption(docTimeoutOption())
    .option('--no-progress', 'no progress bar')
    .option('-q, --quiet', 'no messages but fatal errors')
    .option('--queue', 'store the documents and enqueue one job each for `dyad worker` instead of coding them (PostgreSQL)'), true)
    .addOption(jobsOption())
    .addHelpText('after', INGEST_HELP)
    .action(async (sources: string[], o: IngestOptions & QueueFlags) => {
      const progress = o.progress && o.quiet !== true && (io.stderr as { isTTY?: boolean }).isTTY === true;
      const req = { sources, db: o.db, date: o.date ?? null, follow: o.follow === true, dictionaries: o.dictionary ?? [], quiet: o.quiet === true, progress, jobs: o.jobs, maxBytes: o.maxBytes, docTimeout: o.docTimeout };
      try {
        if (o.queue) {
          done(await interruptible((signal) => queuedIngest(req, o, io, signal)));
          return;
        }
        done(await interruptible((signal) => runIngest(req, io, coderLoader(o.docTimeout), signal)));
      } catch (err) {
        printError(io, err, redactUrl(o.db));
        done(1);
      }
    });

  addQueueOptions(program
    .command('recode')
    .summary('code stored documents again after the knowledge changed')
    .option('--db <file>', 'SQLite file or postgres:// URL (or DYAD_DB)', DEFAULT_DB)
    .option('--dictionary <file>', 'extra actor dictionary (dyad YAML, or PETRARCH .actors/.agents); repeatable', collect)
    .addOption(docTimeoutOption())
    .option('-q, --quiet', 'no summary')
    .option('--queue', 'enqueue one job per document for `dyad worker` instead of recoding here (PostgreSQL)'), true)
    .action(async (o: { db: string; dictionary?: readonly string[]; quiet?: boolean; docTimeout: number } & QueueFlags) => {
      try {
        if (o.queue) {
          done(await queuedRecode(o.db, o.dictionary ?? [], o, io, o.quiet === true));
          return;
        }
        done(await recode(o.db, o.dictionary ?? [], io, o.quiet === true, coderLoader(o.docTimeout)));
      } catch (err) {
        printError(io, err, redactUrl(o.db));
        done(1);
      }
    });

  program
    .command('watch')
    .summary('poll feeds and ingest new items')
    .argument('<feeds>', 'a text file with one feed URL a line (# comments allowed)')
    .option('--db <file>', 'SQLite file or postgres:// URL (or DYAD_DB)', DEFAULT_DB)
    .option('--every <interval>', 'how often to poll: 30s, 15m, 1h', parseEvery, 15 * 60_000)
    .option('--rounds <n>', 'stop after n rounds (default: until Ctrl-C)', (v: string) => Number.parseInt(v, 10))
    .option('--dictionary <file>', 'extra actor dictionary (dyad YAML, or PETRARCH .actors/.agents); repeatable', collect)
    .addOption(maxBytesOption())
    .addOption(docTimeoutOption())
    .option('-q, --quiet', 'no messages but fatal errors')
    .action(async (feedsFile: string, o: { db: string; every: number; rounds?: number; dictionary?: readonly string[]; quiet?: boolean; maxBytes: number; docTimeout: number }) => {
      const req = { feedsFile, db: o.db, everyMs: o.every, rounds: o.rounds ?? null, dictionaries: o.dictionary ?? [], quiet: o.quiet === true, maxBytes: o.maxBytes };
      try {
        done(await interruptible((signal) => runWatch(req, io, coderLoader(o.docTimeout), signal)));
      } catch (err) {
        printError(io, err, feedsFile);
        done(1);
      }
    });
}

/** Re-codes the documents whose events an older knowledge version coded. */
async function recode(db: string, dictionaries: readonly string[], io: CliIO, quiet: boolean, loadCoder: CoderLoader): Promise<number> {
  const store = openStore(db);
  try {
    await store.migrate();
    const coder = await loadCoder(dictionaries);
    const ids = await store.recodeCandidates(coder.knowledge.version);
    let added = 0;
    let removed = 0;
    let failed = 0;
    for (const id of ids) {
      const doc = await store.document(id);
      if (!doc) continue;
      const input = { id: doc.externalId ?? doc.id, text: doc.text, title: doc.title, url: doc.url, source: doc.source, published: doc.published?.slice(0, 10) ?? null };
      let coded: ReturnType<typeof codeWithVisitFacts>;
      try {
        coded = codeWithVisitFacts(coder, input);
      } catch (err) {
        // A document past its time budget keeps its events; the others are recoded.
        if (!(err instanceof DyadError)) throw err;
        failed++;
        if (!quiet) printError(io, err);
        continue;
      }
      const outcome = await store.replaceEvents(id, coded.result, coder.knowledge.version, coded);
      added += outcome.eventsAdded;
      removed += outcome.eventsRemoved;
    }
    if (!quiet) io.stderr.write(`recoded ${ids.length - failed} documents with ${coder.knowledge.version}: ${added} events added, ${removed} removed${failed ? `; errors: ${failed}` : ''}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/** `dyad ingest --queue`: read and store as ingest does, and enqueue a job per new document. */
async function queuedIngest(req: Parameters<typeof runIngest>[0], q: QueueFlags, io: CliIO, signal: AbortSignal): Promise<number> {
  const boss = await openBoss({ connectionString: req.db, schema: q.queueSchema, role: 'client' });
  const saver = queueingSaver(boss, jobSettings(q), canonicalUrlOf);
  try {
    const code = await runIngest(req, io, coderLoader(DEFAULT_DOC_TIMEOUT), signal, async () => saver);
    if (!req.quiet) io.stderr.write(`queued ${saver.queued()} documents for dyad worker (queue schema ${q.queueSchema})\n`);
    return code;
  } finally {
    await closeBoss(boss);
  }
}

/** `dyad recode --queue`: a job per document coded by another knowledge version. */
async function queuedRecode(db: string, dictionaries: readonly string[], q: QueueFlags, io: CliIO, quiet: boolean): Promise<number> {
  const store: Store = openStore(db);
  try {
    await store.migrate();
    const coder = await coderLoader(DEFAULT_DOC_TIMEOUT)(dictionaries);
    const boss = await openBoss({ connectionString: db, schema: q.queueSchema, role: 'client' });
    try {
      const n = await enqueueRecode(store, boss, coder.knowledge.version, jobSettings(q));
      if (!quiet) io.stderr.write(`queued ${n} documents to recode with ${coder.knowledge.version} (queue schema ${q.queueSchema})\n`);
      return 0;
    } finally {
      await closeBoss(boss);
    }
  } finally {
    await store.close();
  }
}
