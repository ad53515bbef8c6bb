/**
 * One place that turns `--db` (or DYAD_DB) into a store: a postgres:// or postgresql:// URL opens
 * PostgreSQL, anything else is a SQLite file path.
 *
 *   const store = openStore(req.db);   // 'dyad.db', '/data/news.db', 'postgres://dyad@127.0.0.1/dyad'
 *   await store.migrate();
 */
import { openPostgresStore } from './postgres.js';
import { DEFAULT_DB_FILE, openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** Open for reading only: no migrations, no saves. */
  readonly readonly?: boolean;
}

/** True when `spec` names a PostgreSQL server rather than a SQLite file. */
export function isPostgresSpec(spec: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(spec.trim());
}

/** Opens the store `spec` names (default ./dyad.db). Call migrate() before the first save. */
export function openStore(spec: string = DEFAULT_DB_FILE, options: OpenStoreOptions = {}): Store {
  const readonly = options.readonly ?? false;
  if (isPostgresSpec(spec)) return openPostgresStore({ connectionString: spec.trim(), readonly });
  return openSqliteStore({ file: spec, readonly });
}
