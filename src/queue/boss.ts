/**
 * dyad's job queue: one pg-boss 10 queue in its own schema of the store's PostgreSQL database.
 * A job is one document to code: `{ documentId, kind }`, where documentId is the document's content
 * hash in the store; the worker's write is keyed by it, so delivery may be at-least-once.
 *
 *   const boss = await openBoss({ connectionString, schema: 'dyad_queue', role: 'client' });
 *   await boss.send(QUEUE_NAME, { documentId, kind: 'code' }, jobOptions(settings));
 */
import PgBoss from 'pg-boss';
import { DyadError } from '../core/errors.js';
import { redactUrl } from '../store/postgres.js';

/** The queue's name inside its pg-boss schema. */
export const QUEUE_NAME = 'dyad-code';
/** pg-boss's schema when --queue-schema is not given. */
export const DEFAULT_QUEUE_SCHEMA = 'dyad_queue';

export type JobKind = 'code' | 'recode';

export interface JobData {
  readonly documentId: string;
  readonly kind: JobKind;
}

/** How long a job may run and how often it is tried; fixed per job when it is enqueued. */
export interface JobSettings {
  /**
   * Seconds a fetched job may stay active before pg-boss takes it back (a killed worker's jobs come
   * back only this way: pg-boss 10 has no heartbeat). It covers a whole fetched batch.
   */
  readonly expireSeconds: number;
  /** Tries before the job is failed for good (pg-boss's retryLimit is tries - 1). */
  readonly tries: number;
  /** Seconds before a failed try is retried. */
  readonly retryDelaySeconds: number;
}

/**
 * Production defaults, from the measured job times (README, "Past one machine"): a Wikinews article
 * (about 2 KB) took about 110 ms to code and write on a loaded core, so a batch of 8 takes about
 * 1 s and 120 s covers batches of articles up to about a hundred times that length, while a dead
 * worker's jobs still come back within about two and a half minutes. Coding time grows with length:
 * corpora of very long documents (the ingest limit is 5 MB) need a larger --job-expire.
 */
export const DEFAULT_JOB_SETTINGS: JobSettings = { expireSeconds: 120, tries: 3, retryDelaySeconds: 5 };

export function jobOptions(s: JobSettings): PgBoss.SendOptions {
  return { expireInSeconds: s.expireSeconds, retryLimit: Math.max(0, s.tries - 1), retryDelay: s.retryDelaySeconds };
}

export type BossRole = 'client' | 'worker';

export interface BossOptions {
  readonly connectionString: string;
  readonly schema?: string;
  /** A worker runs pg-boss's maintenance (expiry, retention); a client (ingest, status) does not. */
  readonly role: BossRole;
  /** Seconds between maintenance passes (expiring a dead worker's jobs waits for one). Default 30. */
  readonly maintenanceSeconds?: number;
  /** Called with pg-boss's background errors (a lost connection); they do not stop the process. */
  readonly onError?: (err: Error) => void;
}

export function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new DyadError('USAGE', 'a queue schema name is lower-case letters, digits and underscores', schema);
  }
  return schema;
}

/** Starts pg-boss (creating or migrating its schema) and makes sure dyad's queue exists. */
export async function openBoss(options: BossOptions): Promise<PgBoss> {
  const schema = checkSchemaName(options.schema ?? DEFAULT_QUEUE_SCHEMA);
  const boss = new PgBoss({
    connectionString: options.connectionString, schema, application_name: 'dyad-queue', max: 2,
    supervise: options.role === 'worker', schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
    // Finished jobs stay in the job table a day, failed ones (the dead letters) a month, then are archived.
    archiveCompletedAfterSeconds: 24 * 3600, archiveFailedAfterSeconds: 30 * 24 * 3600, deleteAfterDays: 30,
  });
  boss.on('error', (err) => options.onError?.(err));
  try {
    await boss.start();
    await boss.createQueue(QUEUE_NAME, { name: QUEUE_NAME, policy: 'standard' });
  } catch (err) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    throw new DyadError('INPUT_UNREADABLE', `cannot open the job queue: ${(err as Error).message}`, redactUrl(options.connectionString));
  }
  return boss;
}

/** Stops pg-boss without waiting for its own workers (dyad fetches jobs itself). */
export async function closeBoss(boss: PgBoss): Promise<void> {
  await boss.stop({ graceful: false, wait: true, close: true });
}
