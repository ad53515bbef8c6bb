/**
 * Versioned migrations, applied in order, each once, recorded in `schema_migrations`.
 *
 * The DDL keeps to SQL that SQLite and PostgreSQL both accept (TEXT, INTEGER, BIGINT, DOUBLE
 * PRECISION, composite keys, ON DELETE CASCADE), so one list serves both stores. Never edit a
 * migration that has shipped: add the next number.
 */

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)`;

const actorColumns = (p: string): string => `
  ${p}_code TEXT, ${p}_country TEXT, ${p}_sector TEXT, ${p}_name TEXT, ${p}_role TEXT`;

const spanColumns = (p: string): string => `
  ${p}_text TEXT, ${p}_start INTEGER, ${p}_end INTEGER`;

const initial: Migration = {
  version: 1,
  name: 'documents, stories, events, mentions, actors',
  statements: [
    `CREATE TABLE stories (
      id TEXT PRIMARY KEY,
      representative_document_id TEXT NOT NULL,
      minhash TEXT,
      first_published TEXT,
      last_published TEXT,
      num_articles INTEGER NOT NULL DEFAULT 0,
      num_sources INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    )`,
    `CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      seq BIGINT NOT NULL UNIQUE,
      external_id TEXT,
      canonical_url TEXT UNIQUE,
      url TEXT,
      title TEXT,
      source TEXT,
      publisher TEXT,
      published TEXT,
      language TEXT,
      text TEXT NOT NULL,
      sentences INTEGER,
      characters INTEGER,
      coded_at TEXT NOT NULL,
      knowledge_version TEXT NOT NULL,
      story_id TEXT NOT NULL REFERENCES stories(id),
      minhash TEXT
    )`,
    'CREATE INDEX documents_story ON documents(story_id)',
    'CREATE INDEX documents_knowledge ON documents(knowledge_version)',
    'CREATE INDEX documents_published ON documents(published)',
    `CREATE TABLE document_bands (
      band_key BIGINT NOT NULL,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      PRIMARY KEY (band_key, document_id)
    )`,
    `CREATE TABLE events (
      id TEXT PRIMARY KEY,
      story_id TEXT NOT NULL REFERENCES stories(id),
      cameo TEXT NOT NULL,
      root TEXT NOT NULL,
      quad_class INTEGER NOT NULL,
      goldstein DOUBLE PRECISION NOT NULL,
      plover_type TEXT NOT NULL,
      plover_mode TEXT,
      plover_contexts TEXT NOT NULL,
      topics TEXT NOT NULL,
      modality TEXT NOT NULL,
      date_start TEXT, date_end TEXT, date_precision TEXT, date_basis TEXT,
      place_name TEXT, place_country TEXT, place_lat DOUBLE PRECISION, place_lon DOUBLE PRECISION,
      ${actorColumns('source')},
      ${actorColumns('target')},
      attribution_code TEXT,
      first_document_id TEXT NOT NULL REFERENCES documents(id),
      confidence DOUBLE PRECISION NOT NULL,
      rule TEXT NOT NULL,
      knowledge_version TEXT NOT NULL,
      num_mentions INTEGER NOT NULL DEFAULT 0,
      num_articles INTEGER NOT NULL DEFAULT 0,
      num_sources INTEGER NOT NULL DEFAULT 0
    )`,
    'CREATE INDEX events_story ON events(story_id)',
    'CREATE INDEX events_cameo ON events(cameo)',
    'CREATE INDEX events_dyad ON events(source_code, target_code)',
    'CREATE INDEX events_date ON events(date_start)',
    `CREATE TABLE event_mentions (
      event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
      document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      coded_event_id TEXT NOT NULL,
      sentence INTEGER NOT NULL,
      ${spanColumns('trigger')},
      ${spanColumns('source')},
      ${spanColumns('target')},
      ${spanColumns('cue')},
      modality TEXT NOT NULL,
      rule TEXT NOT NULL,
      confidence DOUBLE PRECISION NOT NULL,
      knowledge_version TEXT NOT NULL,
      PRIMARY KEY (event_id, document_id, sentence, trigger_start)
    )`,
    'CREATE INDEX event_mentions_document ON event_mentions(document_id)',
    `CREATE TABLE actors (
      code TEXT NOT NULL,
      name TEXT NOT NULL DEFAULT '',
      country TEXT,
      sector TEXT,
      role TEXT,
      first_document_id TEXT NOT NULL,
      num_mentions INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (code, name)
    )`,
    'CREATE INDEX actors_country ON actors(country)',
    `CREATE TABLE ingest_counts (
      reason TEXT PRIMARY KEY,
      n BIGINT NOT NULL DEFAULT 0
    )`,
  ],
};

/** 2: feeds polled by `dyad watch`, with their HTTP validators. */
const feeds: Migration = {
  version: 2,
  name: 'feeds',
  statements: [
    `CREATE TABLE feeds (
      url TEXT PRIMARY KEY,
      etag TEXT,
      last_modified TEXT,
      checked_at TEXT NOT NULL
    )`,
  ],
};

/**
 * 3: indexes for the query layer (src/query): a directed country dyad by date with its quad class and
 * Goldstein score (`dyad series` counts from the index alone); either side's country by date with
 * num_articles (series coverage, actor filters); target actor codes; root by date (filtered listings).
 */
const queryIndexes: Migration = {
  version: 3,
  name: 'query indexes',
  statements: [
    'CREATE INDEX events_country_dyad ON events(source_country, target_country, date_start, quad_class, goldstein)',
    'CREATE INDEX events_source_country ON events(source_country, date_start, num_articles)',
    'CREATE INDEX events_target_country ON events(target_country, date_start, source_country, num_articles)',
    'CREATE INDEX events_target_code ON events(target_code, date_start)',
    'CREATE INDEX events_root_date ON events(root, date_start)',
  ],
};

/** The countries on either side of an event row, once each, with its day and articles (for rollups). */
export const EVENT_COUNTRY_DAYS = `SELECT source_country AS country, SUBSTR(date_start, 1, 10) AS day, num_articles AS n
    FROM events WHERE source_country IS NOT NULL AND date_start IS NOT NULL
  UNION ALL
  SELECT target_country, SUBSTR(date_start, 1, 10), num_articles
    FROM events WHERE target_country IS NOT NULL AND date_start IS NOT NULL
    AND (source_country IS NULL OR target_country <> source_country)`;

/** Rebuilds country_reports from the events (after rows were loaded around the writes, e.g. a benchmark). */
export const REBUILD_COUNTRY_REPORTS: readonly string[] = [
  'DELETE FROM country_reports',
  `INSERT INTO country_reports (country, day, reports)
    SELECT country, day, SUM(n) FROM (${EVENT_COUNTRY_DAYS}) t GROUP BY country, day`,
];

/**
 * 4: how much each country was reported each day: the articles of every event with the country on
 * either side, summed (an event counts once per country). Kept up to date by the writes; `dyad series`
 * reads its coverage from here instead of scanning every event of the two countries.
 */
const countryReports: Migration = {
  version: 4,
  name: 'country reports',
  statements: [
    `CREATE TABLE country_reports (
      country TEXT NOT NULL,
      day TEXT NOT NULL,
      reports BIGINT NOT NULL DEFAULT 0,
      PRIMARY KEY (country, day)
    )`,
    `INSERT INTO country_reports (country, day, reports)
      SELECT country, day, SUM(n) FROM (${EVENT_COUNTRY_DAYS}) t GROUP BY country, day`,
    // Listings of some codes by date (the visits listing: 042, 043) read one index range per code.
    'CREATE INDEX events_cameo_date ON events(cameo, date_start)',
  ],
};

/**
 * 5: each document's visit facts (src/diplomacy: its sentences with paragraphs, topics and people, and
 * the people it names), JSON written at ingest and recode for documents with visit-relevant events, so
 * that `dyad visits` reads them instead of running the coder again. NULL when the document has none, or
 * was stored before this migration (the listing then reads them from the text, as before).
 */
const visitFacts: Migration = {
  version: 5,
  name: 'visit facts',
  statements: ['ALTER TABLE documents ADD COLUMN visit_facts TEXT'],
};

/**
 * 6: the spans each document was coded with (src/store/spans.ts: its actor, date and place mentions
 * and each coded event's date and place evidence), JSON written at ingest and recode, so that the
 * document view shows what coded the events. NULL for documents stored before it (the view then reads
 * the text again with the current knowledge, and says so).
 */
const documentSpans: Migration = {
  version: 6,
  name: 'document spans',
  statements: ['ALTER TABLE documents ADD COLUMN spans TEXT'],
};

export const MIGRATIONS: readonly Migration[] = [initial, feeds, queryIndexes, countryReports, visitFacts, documentSpans];
