/** The store: documents, stories, merged events and their evidence (SQLite now, PostgreSQL later). */
export * from './store.js';
export { openSqliteStore, SqliteStore, DEFAULT_DB_FILE, type SqliteStoreOptions } from './sqlite.js';
export { MIGRATIONS, type Migration } from './schema.js';
export { STORY_DEFAULTS, chooseStory, fingerprint, withinWindow, type StoryOptions } from './stories.js';
export { eventKey, eventRowId } from './rows.js';
