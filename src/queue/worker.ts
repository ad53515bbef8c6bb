/**
 * One worker loop (`dyad worker`, one per process): fetch a batch of jobs, code each document,
 * write its coding in one transaction keyed by its content hash (PostgresStore.writeCoding), and
 * mark the jobs done. A job whose coding throws is failed with its error; pg-boss retries it until
 * its tries are spent and then keeps it in the `failed` state (the dead letters).
 *
 * Stopping (the signal aborts): the job in hand is finished and written, the batch's unstarted jobs
 * are handed back to the queue untouched (state created/retry, no try spent), and the loop returns.
 * A process killed outright loses nothing either: its jobs come back after their expiry and the
 * write's idempotence makes a second run of a finished job change nothing.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type PgBoss from 'pg-boss';
import { DyadError } from '../core/errors.js';
import { codeWithVisitFacts } from '../diplomacy/stored-facts.js';
import type { Coder } from '../index.js';
import type { CodeStoredStatus } from '../store/postgres-queue.js';
import type { PostgresStore } from '../store/postgres.js';
import { checkSchemaName, QUEUE_NAME, type JobData } from './boss.js';

export interface WorkerOptions {
  /** pg-boss's schema, for handing back unstarted jobs. */
  readonly queueSchema: string;
  /** Jobs fetched at once (their expiry clocks start together). Default 8. */
  readonly batchSize?: number;
  /** Milliseconds to wait when the queue is empty. Default 500. */
  readonly idleMs?: number;
  /** Stop when the queue is empty instead of waiting for more (bench, tests). */
  readonly exitWhenEmpty?: boolean;
  readonly signal?: AbortSignal;
  /** Called after each job (for progress lines). */
  readonly onJob?: (job: JobReport) => void;
}

export interface JobReport {
  readonly id: string;
  readonly documentId: string;
  readonly status: CodeStoredStatus | 'failed';
  readonly error?: string;
}

/** What a worker did and where its time went (milliseconds). */
export interface WorkerTally {
  coded: number;
  recoded: number;
  unchanged: number;
  failed: number;
  handedBack: number;
  readonly ms: { fetch: number; read: number; code: number; write: number; complete: number };
}

export function newTally(): WorkerTally {
  return { coded: 0, recoded: 0, unchanged: 0, failed: 0, handedBack: 0, ms: { fetch: 0, read: 0, code: 0, write: 0, complete: 0 } };
}

type Phase = keyof WorkerTally['ms'];

async function timed<T>(tally: WorkerTally, phase: Phase, fn: () => Promise<T> | T): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    tally.ms[phase] += performance.now() - t0;
  }
}

function isJobData(data: unknown): data is JobData {
  const d = data as Partial<JobData> | null;
  return typeof d?.documentId === 'string' && (d.kind === 'code' || d.kind === 'recode');
}

/** Codes one job's document and writes the result; throws when the job cannot be done. */
async function runJob(job: PgBoss.Job<unknown>, store: PostgresStore, coder: Coder, tally: WorkerTally): Promise<CodeStoredStatus> {
  if (!isJobData(job.data)) throw new DyadError('USAGE', 'not a dyad job: data must be {documentId, kind}', job.id);
  const { documentId } = job.data;
  const version = coder.knowledge.version;
  const doc = await timed(tally, 'read', () => store.document(documentId));
  if (!doc) throw new DyadError('INPUT_UNREADABLE', 'no such document in the store (was it deleted after it was queued?)', documentId);
  if (doc.knowledgeVersion === version) return 'unchanged';
  const input = {
    id: doc.externalId ?? undefined, text: doc.text, title: doc.title, url: doc.url, source: doc.source,
    published: doc.published?.slice(0, 10) ?? null, language: doc.language,
  };
  const coded = await timed(tally, 'code', () => codeWithVisitFacts(coder, input));
  const outcome = await timed(tally, 'write', () => store.writeCoding(documentId, coded.result, version, coded));
  return outcome.status;
}

function errorOutput(err: unknown, documentId: string | null): Record<string, string | null> {
  const e = err as { message?: unknown; code?: unknown };
  return { message: String(e?.message ?? err), code: typeof e?.code === 'string' ? e.code : null, documentId };
}

/** Puts fetched jobs that were never started back in the queue, without spending a try. */
async function handBack(store: PostgresStore, schema: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await store.pool.query(
    `UPDATE ${checkSchemaName(schema)}.job SET state = (CASE WHEN retry_count > 0 THEN 'retry' ELSE 'created' END)::${schema}.job_state,
       started_on = NULL WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'active'`, [QUEUE_NAME, ids]);
}

/** pg-boss 10 completes several ids with one output (manager.js); its types only declare it for one id. */
function completeMany(boss: PgBoss, ids: readonly string[], output: object): Promise<void> {
  const complete = boss.complete as unknown as (name: string, ids: readonly string[], data: object) => Promise<void>;
  return complete.call(boss, QUEUE_NAME, ids, output);
}

/** One batch: returns false when the queue was empty. */
async function runBatch(boss: PgBoss, store: PostgresStore, coder: Coder, o: WorkerOptions, tally: WorkerTally): Promise<boolean> {
  const jobs = await timed(tally, 'fetch', () => boss.fetch<unknown>(QUEUE_NAME, { batchSize: o.batchSize ?? 8 }));
  if (jobs.length === 0) return false;
  const done = new Map<CodeStoredStatus, string[]>();
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i];
    if (o.signal?.aborted) {
      const rest = jobs.slice(i).map((j) => j.id);
      await handBack(store, o.queueSchema, rest);
      tally.handedBack += rest.length;
      break;
    }
    const documentId = isJobData(job.data) ? job.data.documentId : null;
    try {
      const status = await runJob(job, store, coder, tally);
      tally[status]++;
      done.set(status, [...(done.get(status) ?? []), job.id]);
      o.onJob?.({ id: job.id, documentId: documentId ?? '', status });
    } catch (err) {
      const output = errorOutput(err, documentId);
      await timed(tally, 'complete', () => boss.fail(QUEUE_NAME, job.id, output));
      tally.failed++;
      o.onJob?.({ id: job.id, documentId: documentId ?? '', status: 'failed', error: output.message ?? '' });
    }
  }
  for (const [status, ids] of done) await timed(tally, 'complete', () => completeMany(boss, ids, { status }));
  return true;
}

/** Runs until the signal aborts (or, with exitWhenEmpty, the queue is empty); returns the tally. */
export async function runWorker(boss: PgBoss, store: PostgresStore, coder: Coder, options: WorkerOptions): Promise<WorkerTally> {
  const tally = newTally();
  while (!options.signal?.aborted) {
    const worked = await runBatch(boss, store, coder, options, tally);
    if (worked) continue;
    if (options.exitWhenEmpty) break;
    await sleep(options.idleMs ?? 500, undefined, { signal: options.signal }).catch(() => undefined);
  }
  return tally;
}
