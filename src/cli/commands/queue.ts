/** `dyad worker`, `dyad queue status` and `dyad queue retry`: the job queue on PostgreSQL (src/queue). */
import { availableParallelism } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DyadError } from '../../core/errors.js';
import { closeBoss, DEFAULT_JOB_SETTINGS, DEFAULT_QUEUE_SCHEMA, openBoss, type JobSettings } from '../../queue/boss.js';
import { queueStatus, retryFailed, statusText } from '../../queue/status.js';
import { supervise } from '../../queue/supervisor.js';
import { runWorker, type WorkerTally } from '../../queue/worker.js';
import { isPostgresSpec } from '../../store/open.js';
import { openPostgresStore, redactUrl, type PostgresStore } from '../../store/postgres.js';
import { printError, type CliIO } from '../io.js';

const DEFAULT_DB = process.env.DYAD_DB ?? '';

export function positiveInt(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a positive whole number`);
  return n;
}

function wholeNumber(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw new InvalidArgumentError(`"${value}" is not a whole number`);
  return n;
}

/** The --db of a queue command: a postgres:// URL. */
function queueDb(db: string): string {
  if (!isPostgresSpec(db)) throw new DyadError('USAGE', 'the job queue needs a PostgreSQL store: --db postgres://...', db || '--db');
  return db.trim();
}

/** Adds --queue-schema (and, for commands that enqueue, --job-expire and --job-tries) to a command. */
export function addQueueOptions(cmd: Command, enqueues: boolean): Command {
  cmd.option('--queue-schema <name>', "pg-boss's schema in the store's database", DEFAULT_QUEUE_SCHEMA);
  if (!enqueues) return cmd;
  return cmd
    .option('--job-expire <seconds>', 'seconds a fetched job may run before it is taken back (covers a batch)', positiveInt, DEFAULT_JOB_SETTINGS.expireSeconds)
    .option('--job-tries <n>', 'tries before a job is failed for good (dead letter)', positiveInt, DEFAULT_JOB_SETTINGS.tries)
    .option('--job-retry-delay <seconds>', 'seconds before a failed try is tried again', wholeNumber, DEFAULT_JOB_SETTINGS.retryDelaySeconds);
}

export function jobSettings(o: { jobExpire?: number; jobTries?: number; jobRetryDelay?: number }): JobSettings {
  const d = DEFAULT_JOB_SETTINGS;
  return { expireSeconds: o.jobExpire ?? d.expireSeconds, tries: o.jobTries ?? d.tries, retryDelaySeconds: o.jobRetryDelay ?? d.retryDelaySeconds };
}

interface WorkerOptions {
  readonly db: string;
  readonly queueSchema: string;
  readonly concurrency: number;
  readonly batchSize: number;
  readonly maintenanceSeconds: number;
  readonly exitWhenEmpty?: boolean;
  readonly dictionary?: readonly string[];
  readonly format: 'text' | 'json';
  readonly quiet?: boolean;
}

const WORKER_HELP = `
Takes jobs from the queue that "dyad ingest --queue" and "dyad recode --queue" fill, codes each
document and writes its events to the store in one transaction keyed by the document's content hash:
a job that runs twice changes nothing. Run it on as many machines as you like with the same --db.

SIGTERM or Ctrl-C: the job in hand is finished, the rest of the batch goes back to the queue, then the
worker exits. A worker killed outright loses nothing: its jobs come back after --job-expire.

Examples:
  $ dyad worker --db postgres://dyad@db.example.org/dyad              # one process per core
  $ dyad worker --db postgres://dyad@db.example.org/dyad --concurrency 2
`;

function tallyText(t: WorkerTally): string {
  const s = (ms: number): string => (ms / 1000).toFixed(1);
  return `worker: ${t.coded} coded, ${t.recoded} recoded, ${t.unchanged} already done, ${t.failed} failed, ${t.handedBack} handed back; `
    + `seconds in fetch ${s(t.ms.fetch)}, read ${s(t.ms.read)}, code ${s(t.ms.code)}, write ${s(t.ms.write)}, complete ${s(t.ms.complete)}\n`;
}

/** SIGTERM and SIGINT stop after the job in hand; a second SIGINT exits at once. */
function stopSignal(): AbortController {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGTERM', stop);
  process.once('SIGINT', () => {
    stop();
    process.once('SIGINT', () => process.exit(130));
  });
  return controller;
}

async function oneWorker(o: WorkerOptions, io: CliIO, signal: AbortSignal): Promise<WorkerTally> {
  const store = openPostgresStore({ connectionString: queueDb(o.db), maxConnections: 2 });
  try {
    await store.migrate();
    const boss = await openBoss({
      connectionString: queueDb(o.db), schema: o.queueSchema, role: 'worker', maintenanceSeconds: o.maintenanceSeconds,
      onError: (err) => { if (!o.quiet) io.stderr.write(`dyad: queue: ${err.message}\n`); },
    });
    try {
      const { createCoder } = await import('../../index.js');
      const coder = createCoder({ dictionaries: o.dictionary ?? [] });
      return await runWorker(boss, store, coder, {
        queueSchema: o.queueSchema, batchSize: o.batchSize, exitWhenEmpty: o.exitWhenEmpty === true, signal,
        onJob: (j) => { if (j.status === 'failed' && !o.quiet) io.stderr.write(`dyad: ${j.documentId}: ${j.error ?? 'failed'}\n`); },
      });
    } finally {
      await closeBoss(boss);
    }
  } finally {
    await store.close();
  }
}

function childArgs(o: WorkerOptions): string[] {
  return [
    'worker', '--db', o.db, '--queue-schema', o.queueSchema, '--concurrency', '1', '--batch-size', String(o.batchSize),
    '--maintenance-seconds', String(o.maintenanceSeconds), '--format', 'json',
    ...(o.exitWhenEmpty ? ['--exit-when-empty'] : []), ...(o.quiet ? ['--quiet'] : []),
    ...(o.dictionary ?? []).flatMap((d) => ['--dictionary', d]),
  ];
}

async function worker(o: WorkerOptions, io: CliIO): Promise<number> {
  const controller = stopSignal();
  let tally: WorkerTally;
  let exitCode = 0;
  if (o.concurrency > 1) {
    queueDb(o.db);
    const run = await supervise({
      processes: o.concurrency, childArgs: childArgs(o), signal: controller.signal, restart: o.exitWhenEmpty !== true,
      log: (line) => io.stderr.write(`${line}\n`),
    });
    tally = run.tally;
    exitCode = run.exitCode;
  } else {
    tally = await oneWorker(o, io, controller.signal);
  }
  if (o.format === 'json') io.stdout.write(`${JSON.stringify(tally)}\n`);
  else if (!o.quiet) io.stderr.write(tallyText(tally));
  return exitCode;
}

async function withQueue(db: string, schema: string, fn: (store: PostgresStore, boss: Awaited<ReturnType<typeof openBoss>>) => Promise<number>): Promise<number> {
  const store = openPostgresStore({ connectionString: queueDb(db), maxConnections: 2 });
  try {
    const boss = await openBoss({ connectionString: queueDb(db), schema, role: 'client' });
    try {
      return await fn(store, boss);
    } finally {
      await closeBoss(boss);
    }
  } finally {
    await store.close();
  }
}

export function registerQueue(program: Command, io: CliIO, done: (code: number) => void): void {
  const fail = (err: unknown, db: string): void => {
    printError(io, err, redactUrl(db));
    done(1);
  };
  addQueueOptions(program.command('worker')
    .summary('code queued documents (PostgreSQL job queue); run on any number of machines')
    .option('--db <url>', 'postgres:// URL of the store (or DYAD_DB)', DEFAULT_DB), false)
    .option('--concurrency <n>', 'worker processes (default: one per core)', positiveInt, availableParallelism())
    .option('--batch-size <n>', 'jobs fetched at once per process', positiveInt, 8)
    .option('--maintenance-seconds <n>', "seconds between pg-boss's maintenance passes (expiring a dead worker's jobs)", positiveInt, 30)
    .option('--exit-when-empty', 'exit once the queue is empty instead of waiting for more')
    .option('--dictionary <file>', 'extra actor dictionary (YAML); repeatable', (v: string, p: readonly string[] | undefined) => [...(p ?? []), v])
    .addOption(new Option('--format <format>', 'the closing summary: text on stderr, or json on stdout').choices(['text', 'json']).default('text'))
    .option('-q, --quiet', 'no messages but fatal errors')
    .addHelpText('after', WORKER_HELP)
    .action(async (o: WorkerOptions) => {
      try {
        done(await worker(o, io));
      } catch (err) {
        fail(err, o.db);
      }
    });

  const queue = program.command('queue').summary('the job queue: status, retry failed jobs');
  addQueueOptions(queue.command('status').summary('counts by state, throughput, oldest waiting job, failures')
    .option('--db <url>', 'postgres:// URL of the store (or DYAD_DB)', DEFAULT_DB), false)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (o: { db: string; queueSchema: string; format: 'text' | 'json' }) => {
      try {
        done(await withQueue(o.db, o.queueSchema, async (store) => {
          const st = await queueStatus(store.pool, o.queueSchema);
          io.stdout.write(o.format === 'json' ? `${JSON.stringify(st)}\n` : statusText(st));
          return 0;
        }));
      } catch (err) {
        fail(err, o.db);
      }
    });
  addQueueOptions(queue.command('retry').summary('re-queue the failed jobs (one more try each)')
    .option('--db <url>', 'postgres:// URL of the store (or DYAD_DB)', DEFAULT_DB), false)
    .action(async (o: { db: string; queueSchema: string }) => {
      try {
        done(await withQueue(o.db, o.queueSchema, async (store, boss) => {
          io.stderr.write(`re-queued ${await retryFailed(store.pool, boss, o.queueSchema)} failed jobs\n`);
          return 0;
        }));
      } catch (err) {
        fail(err, o.db);
      }
    });
}
