/** The store: documents, stories, merged events and their evidence, in SQLite or PostgreSQL. */
export * from './store.js';
export { openSqliteStore, SqliteStore, DEFAULT_DB_FILE, type SqliteStoreOptions } from './sqlite.js';
export { MIGRATIONS, type Migration } from './schema.js';
export { STORY_DEFAULTS, chooseStory, fingerprint, withinWindow, type StoryOptions } from './stories.js';
export { eventKey, eventRowId } from './rows.js';
export { openPostgresStore, PostgresStore, type PostgresStoreOptions } from './postgres.js';
export { openStore, isPostgresSpec, type OpenStoreOptions } from './open.js';
