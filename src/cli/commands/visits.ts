/** `dyad visits`: the visits told by the stored events, linked across reports. */
import { existsSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { DyadError } from '../../core/errors.js';
import { lazyCoderFacts, listStoreVisits, type Visit } from '../../diplomacy/index.js';
import { isPostgresSpec, openStore } from '../../store/index.js';
import { printError, type CliIO } from '../io.js';

const DEFAULT_DB = process.env.DYAD_DB ?? './dyad.db';

interface VisitsOptions {
  readonly db: string;
  readonly country?: string;
  readonly from?: string;
  readonly to?: string;
  readonly format: 'table' | 'json';
}

function day(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  return value;
}

function country(value: string): string {
  if (!/^[A-Za-z]{3}$/.test(value)) throw new InvalidArgumentError('expected an ISO-3166 alpha-3 code (CHN)');
  return value.toUpperCase();
}

function format(value: string): 'table' | 'json' {
  if (value !== 'table' && value !== 'json') throw new InvalidArgumentError('expected table or json');
  return value;
}

const COLUMNS = ['guest', 'from', 'host', 'start', 'end', 'status', 'kind', 'meetings', 'outcomes'] as const;

function row(v: Visit): string[] {
  return [v.guest.name ?? v.guest.country ?? '?', v.guest.country ?? '', v.host.country, v.start ?? '', v.end ?? '', v.status, v.kind,
    String(v.meetings.length), v.outcomes.map((o) => `${o.kind} (${o.status})`).join('; ')];
}

export function visitsTable(visits: readonly Visit[]): string {
  const rows = [[...COLUMNS], ...visits.map(row)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n') + '\n';
}

async function listVisits(o: VisitsOptions): Promise<readonly Visit[]> {
  if (!isPostgresSpec(o.db) && !existsSync(o.db)) throw new DyadError('INPUT_UNREADABLE', 'no such database (run dyad ingest first)', o.db);
  const store = openStore(o.db, { readonly: true });
  try {
    // The coder (its knowledge) is loaded only for documents stored without visit facts (before migration 5).
    const { createCoder } = await import('../../index.js');
    return await listStoreVisits(store, lazyCoderFacts(() => createCoder()), { country: o.country ?? null, from: o.from ?? null, to: o.to ?? null });
  } finally {
    await store.close();
  }
}

export function registerVisits(program: Command, io: CliIO, done: (code: number) => void): void {
  program
    .command('visits')
    .summary('list the visits told by the stored events')
    .description('Visits (guest, host, dates, status, meetings, outcomes) built from the events in the store; an announcement and a later report of the same visit are one visit.')
    .option('--db <file>', 'SQLite database file or postgres:// URL (or DYAD_DB)', DEFAULT_DB)
    .option('--country <ISO3>', 'visits with this country as guest or host', country)
    .option('--from <YYYY-MM-DD>', 'visits ending on or after this day', day)
    .option('--to <YYYY-MM-DD>', 'visits starting on or before this day', day)
    .option('--format <format>', 'table or json (full records)', format, 'table')
    .action(async (o: VisitsOptions) => {
      try {
        const visits = await listVisits(o);
        io.stdout.write(o.format === 'json' ? `${JSON.stringify(visits, null, 2)}\n` : visitsTable(visits));
        done(0);
      } catch (err) {
        printError(io, err, o.db);
        done(1);
      }
    });
}
