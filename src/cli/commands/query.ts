/** `dyad query`, `dyad export` and `dyad series`: reading the store (src/query does the work). */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DyadError } from '../../core/errors.js';
import {
  EXPORT_FORMATS, GRANULARITIES, QUERY_FORMATS, allEvents, checkDay, countEvents, dyadSeries, formatEvents, formatSeries,
  queryEvents, writeExport,
  type EventQuery, type ExportFormat, type Granularity, type QueryFormat,
} from '../../query/index.js';
import { PARTITIONS, writeParquet, type Partition } from '../../query/parquet.js';
import { openStore, type Store } from '../../store/index.js';
import { OutputSink, printError, type CliIO } from '../io.js';

const DEFAULT_DB = process.env.DYAD_DB ?? './dyad.db';

/** The store a reading command opens: a postgres:// URL or a SQLite file, read-only. */
async function openForReading(db: string): Promise<Store> {
  return openStore(db, { readonly: true });
}

const usage = (fn: (v: string) => unknown) => (v: string): never => {
  try {
    return fn(v) as never;
  } catch (err) {
    throw new InvalidArgumentError(err instanceof DyadError ? err.message : String(err));
  }
};

const parseDay = usage((v) => checkDay(v, 'date'));
const parseCount = usage((v) => {
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) throw new DyadError('USAGE', `"${v}" is not a whole number`);
  return n;
});
const parseQuad = usage((v) => {
  if (!/^[1-4]$/.test(v)) throw new DyadError('USAGE', `"${v}" is not a quad class (1-4)`);
  return Number(v);
});
const parseCodes = usage((v) => {
  const codes = v.split(',').map((c) => c.trim()).filter(Boolean);
  for (const c of codes) if (!/^\d{1,4}$/.test(c)) throw new DyadError('USAGE', `"${c}" is not a CAMEO code (1-4 digits)`);
  return codes;
});
const parseDyad = usage((v) => {
  const parts = v.split(',').map((s) => s.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new DyadError('USAGE', `"${v}" is not a dyad: give SOURCE,TARGET (e.g. RUS,CHN)`);
  return [parts[0], parts[1]] as const;
});

/** The command line's filters are the query's, plus where the store is. */
interface FilterOptions extends EventQuery {
  readonly db: string;
}

function addFilters(cmd: Command): Command {
  return cmd
    .option('--db <file>', 'SQLite file or postgres:// URL (or DYAD_DB)', DEFAULT_DB)
    .option('--actor <actor>', 'actor on either side: country (RUS), actor code (RUSGOV) or name (Putin)')
    .option('--dyad <A,B>', 'source A and target B (codes or countries)', parseDyad)
    .option('--undirected', 'with --dyad: either way round')
    .option('--cameo <codes>', 'CAMEO codes or prefixes, comma-separated (042; 03 is a root; 031 includes 0311)', parseCodes)
    .option('--root <root>', 'CAMEO root (01-20)')
    .option('--quad <n>', 'quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict', parseQuad)
    .option('--plover <type>', 'PLOVER event type (CONSULT, AGREE, ...)')
    .option('--modality <m>', 'occurred, planned, expected, hypothetical, negated or claimed')
    .option('--from <YYYY-MM-DD>', 'events whose dates overlap from this day on', parseDay)
    .option('--to <YYYY-MM-DD>', 'events whose dates overlap up to this day', parseDay)
    .option('--place <place>', 'event place: country code (CHN) or name')
    .option('--topic <topic>', 'PLOVER context or topic (economic, military, ...)')
    .option('--story <id>', 'events of one story');
}

function toQuery(o: FilterOptions): EventQuery {
  return {
    actor: o.actor, dyad: o.dyad, undirected: o.undirected === true, cameo: o.cameo, root: o.root, quad: o.quad,
    plover: o.plover, modality: o.modality, from: o.from, to: o.to, place: o.place, topic: o.topic, story: o.story,
  };
}

/** Opens the store, runs `work`, closes; errors go to stderr with exit 1. */
async function withStore(io: CliIO, db: string, done: (code: number) => void, work: (store: Store) => Promise<number>): Promise<void> {
  let store: Store | null = null;
  try {
    store = await openForReading(db);
    done(await work(store));
  } catch (err) {
    printError(io, err, db);
    done(1);
  } finally {
    await store?.close();
  }
}

const QUERY_HELP = `
Filters combine with AND. An actor in capitals matches a country when it has 3 letters (RUS) and a full
actor code otherwise (RUSGOV, IGONATO); other text matches inside actor names, ignoring case. Dates are the events' own dates.
Events are listed newest first. The table shows at most --limit events (default 100).

Examples:
  $ dyad query --actor RUS --root 19 --from 2024-01-01 --limit 20
  $ dyad query --dyad USA,CHN --undirected --quad 4 --format csv > conflict.csv
  $ dyad query --cameo 042,043 --modality planned --format jsonl
`;

export function registerQuery(program: Command, io: CliIO, done: (code: number) => void): void {
  addFilters(program.command('query').summary('list stored events that match filters'))
    .addOption(new Option('--format <format>', 'output format').choices(QUERY_FORMATS).default('table'))
    .option('--limit <n>', 'at most n events', parseCount, 100)
    .option('--offset <n>', 'skip the first n events', parseCount, 0)
    .addHelpText('after', QUERY_HELP)
    .action(async (o: FilterOptions & { format: QueryFormat; limit: number; offset: number }) => {
      await withStore(io, o.db, done, async (store) => {
        const q = toQuery(o);
        const events = await queryEvents(store, q, { limit: o.limit, offset: o.offset });
        await new OutputSink(io.stdout).write(formatEvents(o.format, events));
        if (o.format === 'table') {
          const total = await countEvents(store, q);
          io.stderr.write(total === 0 ? 'no events match\n' : `${events.length} of ${total} matching events shown\n`);
        }
        return 0;
      });
    });
}

const EXPORT_HELP = `
Formats:
  csv     one row per merged event, with a header row (RFC 4180; codes kept as text: "042")
  gdelt   GDELT 2.0 event table: 61 tab-separated columns in GDELT's order, empty where dyad has no
          value; NumMentions/NumSources/NumArticles from the merged event. No header row, as in
          GDELT's own files; --header adds one
  plover  PLOVER JSON Lines, one record per event, with the evidence of its first document
  parquet the csv columns, typed (codes as strings, dates as DATE, Goldstein as DOUBLE), zstd; needs
          --out; with --partition-by month, --out is a folder with one file per month (Hive layout)

Every matching event is written, in id order. Takes the same filters as dyad query.
`;

export function registerExport(program: Command, io: CliIO, done: (code: number) => void): void {
  addFilters(program.command('export').summary('write every matching event as CSV, GDELT TSV, PLOVER JSON Lines or Parquet'))
    .addOption(new Option('--format <format>', 'export format').choices([...EXPORT_FORMATS, 'parquet']).default('csv'))
    .option('--out <file>', 'write to this file (default stdout)')
    .addOption(new Option('--partition-by <key>', 'with --format parquet: one file per month of the event date').choices(PARTITIONS))
    .option('--header', 'with --format gdelt: a first row naming the columns')
    .option('-q, --quiet', 'no summary on stderr')
    .addHelpText('after', EXPORT_HELP)
    .action(async (o: FilterOptions & { format: ExportFormat | 'parquet'; out?: string; quiet?: boolean; header?: boolean; partitionBy?: Partition }) => {
      if (o.format === 'parquet' || o.partitionBy) {
        await exportParquet(io, o, done);
        return;
      }
      const format = o.format;
      await withStore(io, o.db, done, async (store) => {
        const stream: Writable = o.out ? createWriteStream(o.out) : io.stdout;
        const sink = new OutputSink(stream);
        const n = await writeExport(store, format, allEvents(store, toQuery(o)), (t) => sink.write(t), { gdeltHeader: o.header === true });
        if (o.out) {
          stream.end();
          await once(stream, 'finish');
        }
        if (!o.quiet) io.stderr.write(`exported ${n} events${o.out ? ` to ${o.out}` : ''}\n`);
        return 0;
      });
    });
}

async function exportParquet(io: CliIO, o: FilterOptions & { format: string; out?: string; quiet?: boolean; partitionBy?: Partition }, done: (code: number) => void): Promise<void> {
  if (o.format !== 'parquet' || !o.out) {
    printError(io, new DyadError('USAGE', o.format !== 'parquet' ? '--partition-by needs --format parquet' : '--format parquet needs --out FILE (Parquet is not written to stdout)'), '--format');
    done(2);
    return;
  }
  const out = o.out;
  await withStore(io, o.db, done, async (store) => {
    const n = await writeParquet(allEvents(store, toQuery(o)), { out, partitionBy: o.partitionBy ?? null });
    if (!o.quiet) io.stderr.write(`exported ${n} events to ${out}${o.partitionBy ? ' (one file per month)' : ''}\n`);
    return 0;
  });
}

const SERIES_HELP = `
For each period (day, ISO week from Monday, or calendar month) from --from, else the first event, to
--to, else the last, with no gaps:
  events     the dyad's events that start in the period (A→B and B→A; with --directed only A→B)
  q1..q4     of which quad class 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
             4 material conflict
  goldstein  their mean Goldstein score (-10 conflict .. +10 cooperation)
  reports    how much A and B were covered: for every event that starts in the period with A or B
             on either side (whoever the other side is), the number of articles reporting it, summed
  index      (sum of the dyad's Goldstein scores in the period) / reports; empty when reports is 0.
             Net cooperation (+) or conflict (-) per report about A or B, so that a busy news month
             does not weigh more for its volume alone.
A and B are country codes (3 letters: RUS, CHN) or full actor codes (RUSGOV, IGONATO). Undated
events are left out.

Examples:
  $ dyad series RUS CHN --by month
  $ dyad series USA IRN --by week --from 2024-01-01 --to 2024-06-30 --format csv
`;

export function registerSeries(program: Command, io: CliIO, done: (code: number) => void): void {
  program.command('series')
    .summary("a dyad's events per day, week or month: counts by quad class, mean Goldstein, normalised index")
    .argument('<A>', 'country code (RUS) or actor code (RUSGOV)')
    .argument('<B>', 'country code (CHN) or actor code')
    .option('--db <file>', 'SQLite file or postgres:// URL (or DYAD_DB)', DEFAULT_DB)
    .addOption(new Option('--by <period>', 'period').choices(GRANULARITIES).default('month'))
    .option('--directed', 'only A→B (default: A→B and B→A)')
    .option('--from <YYYY-MM-DD>', 'first day', parseDay)
    .option('--to <YYYY-MM-DD>', 'last day', parseDay)
    .addOption(new Option('--format <format>', 'output format').choices(QUERY_FORMATS).default('table'))
    .addHelpText('after', SERIES_HELP)
    .action(async (a: string, b: string, o: { db: string; by: Granularity; directed?: boolean; from?: string; to?: string; format: QueryFormat }) => {
      await withStore(io, o.db, done, async (store) => {
        const points = await dyadSeries(store, { a, b, by: o.by, directed: o.directed === true, from: o.from, to: o.to });
        await new OutputSink(io.stdout).write(formatSeries(o.format, points));
        if (points.length === 0) io.stderr.write(`no dated events between ${a} and ${b}\n`);
        return 0;
      });
    });
}
