/**
 * Putting documents on the queue: `dyad ingest --queue` stores each new document (its story
 * settled, not coded) and enqueues its job in the same transaction; `dyad recode --queue` enqueues
 * a job for every stored document coded by another knowledge version.
 */
import type PgBoss from 'pg-boss';
import type { DocInput } from '../core/doc.js';
import { DyadError } from '../core/errors.js';
import type { IngestSummary, ItemSaver } from '../cli/ingest-run.js';
import { QUEUED_VERSION } from '../store/postgres-queue.js';
import { PostgresStore } from '../store/postgres.js';
import type { Store } from '../store/store.js';
import { jobOptions, QUEUE_NAME, type JobData, type JobSettings } from './boss.js';

/** The PostgreSQL store behind `store`, or a USAGE error: the queue lives on PostgreSQL only. */
export function postgresStore(store: Store): PostgresStore {
  if (store instanceof PostgresStore) return store;
  throw new DyadError('USAGE', 'the job queue needs a PostgreSQL store: --db postgres://...', '--queue');
}

export interface QueueingSaver extends ItemSaver {
  /** Jobs enqueued so far. */
  readonly queued: () => number;
}

/** An ItemSaver for runIngest that stores each new document and enqueues its job, atomically. */
export function queueingSaver(boss: PgBoss, settings: JobSettings, canonicalUrlOf: (input: DocInput, kind: string) => string | null): QueueingSaver {
  let queued = 0;
  const options = jobOptions(settings);
  return {
    queued: () => queued,
    async save(store: Store, input: DocInput, kind: string, s: IngestSummary): Promise<void> {
      const pg = postgresStore(store);
      const canonicalUrl = canonicalUrlOf(input, kind);
      const outcome = await pg.saveQueued({
        text: input.text, externalId: input.id ?? null, title: input.title ?? null, url: input.url ?? null, canonicalUrl,
        source: input.source ?? null, published: input.published ?? null, language: input.language ?? null,
      }, async (db, saved) => {
        if (saved.status !== 'new') return;
        const data: JobData = { documentId: saved.documentId, kind: 'code' };
        await boss.send(QUEUE_NAME, data, { ...options, db });
      });
      if (outcome.status === 'known') s.known++;
      else {
        s.added++;
        queued++;
      }
    },
    async close(): Promise<void> {},
  };
}

/** Enqueues a recode job for every stored document coded by another version than `version`; returns how many. */
export async function enqueueRecode(store: Store, boss: PgBoss, version: string, settings: JobSettings): Promise<number> {
  const rows = await store.query<{ id: string }>(
    'SELECT id FROM documents WHERE knowledge_version <> ? AND knowledge_version <> ? ORDER BY seq', [version, QUEUED_VERSION]);
  const options = jobOptions(settings);
  for (let i = 0; i < rows.length; i += 1000) {
    await boss.insert(rows.slice(i, i + 1000).map((r) => ({
      name: QUEUE_NAME, data: { documentId: String(r.id), kind: 'recode' } satisfies JobData,
      expireInSeconds: options.expireInSeconds, retryLimit: options.retryLimit, retryDelay: options.retryDelay,
    })));
  }
  return rows.length;
}
