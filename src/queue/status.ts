/**
 * `dyad queue status` and `dyad queue retry`: the queue read from pg-boss's tables (job, and archive
 * for jobs moved out of it), with pg-boss's own state names.
 */
import type pg from 'pg';
import type PgBoss from 'pg-boss';
import { checkSchemaName, QUEUE_NAME } from './boss.js';

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface QueueFailure {
  readonly id: string;
  readonly documentId: string | null;
  readonly tries: number;
  readonly error: string | null;
  readonly failedAt: string | null;
}

export interface QueueStatus {
  readonly queue: string;
  readonly schema: string;
  readonly counts: Readonly<Record<JobState, number>>;
  /** Jobs completed per second over the last minute and the last ten minutes. */
  readonly throughput: { readonly lastMinute: number; readonly lastTenMinutes: number };
  /** The job that has waited longest (created or retry), or null when none waits. */
  readonly oldestWaiting: { readonly id: string; readonly documentId: string | null; readonly createdAt: string; readonly ageSeconds: number } | null;
  /** The most recent failed jobs (up to 20), with their last error. */
  readonly failures: readonly QueueFailure[];
}

type Row = Record<string, unknown>;
const iso = (v: unknown): string | null => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? null : String(v));

async function counts(db: pg.Pool, s: string): Promise<Record<JobState, number>> {
  const out = Object.fromEntries(JOB_STATES.map((k) => [k, 0])) as Record<JobState, number>;
  const { rows } = await db.query<Row>(
    `SELECT state::text AS state, COUNT(*)::int AS n FROM (SELECT state FROM ${s}.job WHERE name = $1
       UNION ALL SELECT state FROM ${s}.archive WHERE name = $1) j GROUP BY state`, [QUEUE_NAME]);
  for (const r of rows) if ((JOB_STATES as readonly string[]).includes(String(r.state))) out[r.state as JobState] = Number(r.n);
  return out;
}

export async function queueStatus(db: pg.Pool, schema: string): Promise<QueueStatus> {
  const s = checkSchemaName(schema);
  const [rate] = (await db.query<Row>(
    `SELECT COUNT(*) FILTER (WHERE completed_on > now() - interval '1 minute')::int AS m1,
       COUNT(*) FILTER (WHERE completed_on > now() - interval '10 minutes')::int AS m10
       FROM ${s}.job WHERE name = $1 AND state = 'completed' AND completed_on > now() - interval '10 minutes'`, [QUEUE_NAME])).rows;
  const [oldest] = (await db.query<Row>(
    `SELECT id::text, data->>'documentId' AS document_id, created_on, EXTRACT(EPOCH FROM now() - created_on)::float8 AS age
       FROM ${s}.job WHERE name = $1 AND state IN ('created', 'retry') ORDER BY created_on LIMIT 1`, [QUEUE_NAME])).rows;
  const failed = (await db.query<Row>(
    `SELECT id::text, data->>'documentId' AS document_id, retry_count, output->>'message' AS message, completed_on
       FROM ${s}.job WHERE name = $1 AND state = 'failed' ORDER BY completed_on DESC LIMIT 20`, [QUEUE_NAME])).rows;
  return {
    queue: QUEUE_NAME, schema: s, counts: await counts(db, s),
    throughput: { lastMinute: Number(rate?.m1 ?? 0) / 60, lastTenMinutes: Number(rate?.m10 ?? 0) / 600 },
    oldestWaiting: oldest ? {
      id: String(oldest.id), documentId: oldest.document_id === null ? null : String(oldest.document_id),
      createdAt: iso(oldest.created_on) ?? '', ageSeconds: Math.round(Number(oldest.age)),
    } : null,
    failures: failed.map((r) => ({
      id: String(r.id), documentId: r.document_id === null ? null : String(r.document_id), tries: Number(r.retry_count) + 1,
      error: r.message === null ? null : String(r.message), failedAt: iso(r.completed_on),
    })),
  };
}

/** The status as lines for a terminal. */
export function statusText(st: QueueStatus): string {
  const c = st.counts;
  const lines = [
    `queue ${st.queue} (schema ${st.schema})`,
    `  waiting ${c.created + c.retry} (created ${c.created}, retry ${c.retry}), active ${c.active}, completed ${c.completed}, failed ${c.failed}, cancelled ${c.cancelled}`,
    `  throughput ${st.throughput.lastMinute.toFixed(1)} documents/s over the last minute, ${st.throughput.lastTenMinutes.toFixed(1)}/s over ten`,
    `  oldest waiting ${st.oldestWaiting ? `${st.oldestWaiting.documentId ?? st.oldestWaiting.id}, ${st.oldestWaiting.ageSeconds} s` : 'none'}`,
  ];
  if (st.failures.length) lines.push(`  failed jobs (dyad queue retry re-queues them):`);
  for (const f of st.failures) lines.push(`    ${f.documentId ?? f.id} after ${f.tries} tries: ${f.error ?? 'no error recorded'}`);
  return `${lines.join('\n')}\n`;
}

/** Re-queues every failed job with one more try (pg-boss's retry); returns how many. */
export async function retryFailed(db: pg.Pool, boss: PgBoss, schema: string): Promise<number> {
  const s = checkSchemaName(schema);
  const { rows } = await db.query<Row>(`SELECT id::text FROM ${s}.job WHERE name = $1 AND state = 'failed'`, [QUEUE_NAME]);
  const ids = rows.map((r) => String(r.id));
  if (ids.length === 0) return 0;
  await boss.retry(QUEUE_NAME, ids);
  return ids.length;
}
