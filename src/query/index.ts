/** The query layer: filters, event listings, exports and dyad series over any Store (SQLite, PostgreSQL). */
export * from './filter.js';
export * from './events.js';
export * from './export.js';
export * from './format.js';
export * from './periods.js';
export * from './series.js';
export * from './series-format.js';
export * from './browse.js';
