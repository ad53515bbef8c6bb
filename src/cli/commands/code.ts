/** `dyad code [inputs...]`: options, help and the hand-over to runCode. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DyadError } from '../../core/errors.js';
import { parsePublicationDate } from '../../ingest/date.js';
import { DEFAULT_MAX_BYTES } from '../../ingest/text-input.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../../output/format.js';
import { INPUT_FORMATS, runCode, type CoderFactory, type CompoundMode, type InputFormat } from '../code-run.js';
import type { CliIO } from '../io.js';
import { jobsOption } from './jobs.js';
import { DEFAULT_DOC_TIMEOUT, DOC_TIMEOUT_HELP, parseDocTimeout, parseMaxBytes } from '../options.js';

interface CodeOptions {
  readonly date?: string;
  readonly format: OutputFormat;
  readonly inputFormat?: InputFormat;
  readonly dictionary?: readonly string[];
  readonly onlyDictionaries?: boolean;
  readonly cameoVerbs?: boolean;
  readonly compound?: CompoundMode;
  readonly maxBytes: number;
  readonly docTimeout: number;
  readonly quiet?: boolean;
  readonly jobs: number;
}

const HELP_AFTER = `
Examples:
  $ dyad code article.txt --date 2024-05-14                   # JSON {document, events}
  $ dyad code article.txt --date 2024-05-14 --format csv > events.csv
  $ cat article.txt | dyad code - --date 2024-05-14
  $ dyad code items.jsonl --format jsonl                      # JSON Lines in, one event per line out
  $ dyad code a.txt b.txt --dictionary my-actors.yaml --compound list

Output formats (--format):
  json     {document, events} for one text input; an array of them for several inputs or JSON Lines
  jsonl    one event per line (the full event record)
  csv      one event per row with a header row; flattened columns, RFC 4180 quoting
  tsv      GDELT 2.0 event-table columns in GDELT's order, with a header row
  plover   PLOVER JSON Lines: id, date, event_type, mode, context, source/target actor and agent,
           event_text, location, plus cameo, modality, evidence offsets and rule
  conllu   the dependency parse, not events: CoNLL-U, one block per sentence with # doc_id and
           # text, ten columns; MISC has TokenRange=start:end (character offsets in the text)

JSON Lines input: one object per line, {"id", "text", "date" (or "published"), "title", "url",
"source"}; only "text" is required. Files ending in .jsonl or .ndjson are read as JSON Lines.

Inputs that are empty, binary, not UTF-8, larger than --max-bytes or not in English are skipped
with a message on stderr: "dyad: FILE[:LINE]: problem". A summary line follows when there were
several documents or any problem. stdout carries only the chosen format.

Exit status: 0 when at least one document was coded (even with no events), 1 when none could be,
2 for a usage error.
`;

function parseDate(value: string): string {
  try {
    return parsePublicationDate(value);
  } catch (err) {
    throw new InvalidArgumentError(err instanceof DyadError ? err.message : String(err));
  }
}

function collect(value: string, previous: readonly string[] | undefined): readonly string[] {
  return [...(previous ?? []), value];
}

/** Adds `code` to the program; `done` receives the exit code. */
export function registerCode(program: Command, io: CliIO, done: (exitCode: number) => void, makeCoder: CoderFactory = loadCoder): void {
  program
    .command('code')
    .summary('code news text into events and print them (no database)')
    .description('Code news articles into political events (CAMEO and PLOVER) and print them to stdout.')
    .argument('<inputs...>', 'text or JSON Lines files; - reads stdin')
    .option('--date <YYYY-MM-DD>', 'publication date, for resolving "this week", "on Tuesday", ...', parseDate)
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('json'))
    .addOption(new Option('--input-format <format>', 'how to read inputs (default: jsonl for .jsonl/.ndjson files, else text)').choices(INPUT_FORMATS))
    .option('--dictionary <file>', 'extra dictionary (dyad YAML actors, or PETRARCH .actors/.agents/.verbs/.discards); repeatable', collect)
    .option('--only-dictionaries', "code with the --dictionary files alone, not dyad's own actors and patterns")
    .option('--cameo-verbs', "also the CAMEO verb patterns converted from PETRARCH's CAMEO.2.0.txt (opt-in: lowers accuracy on dyad's sets)")
    .addOption(new Option('--compound <mode>', 'compound actors ("Russia and China"): expand (default) gives one event per source-target pair; list gives one event per trigger with sources/targets lists').choices(['expand', 'list']))
    .addOption(new Option('--max-bytes <n>', 'largest document accepted, in bytes').argParser(parseMaxBytes).default(DEFAULT_MAX_BYTES, `${DEFAULT_MAX_BYTES}, 5 MB`))
    .addOption(new Option('--doc-timeout <seconds>', DOC_TIMEOUT_HELP).argParser(parseDocTimeout).default(DEFAULT_DOC_TIMEOUT))
    .option('-q, --quiet', 'no per-input messages and no summary on stderr')
    .addOption(jobsOption())
    .addHelpText('after', HELP_AFTER)
    .action(async (inputs: string[], options: CodeOptions) => {
      const request = {
        docTimeout: options.docTimeout,
        inputs,
        date: options.date ?? null,
        format: options.format,
        inputFormat: options.inputFormat ?? null,
        dictionaries: options.dictionary ?? [],
        ...(options.onlyDictionaries ? { onlyDictionaries: true } : {}),
        ...(options.cameoVerbs ? { cameoVerbs: true } : {}),
        compound: options.compound ?? null,
        maxBytes: options.maxBytes,
        quiet: options.quiet === true,
        jobs: options.jobs,
      };
      done(await runCode(request, io, makeCoder));
    });
}

/** Loads the coder only once the command line is known to be good (knowledge loading takes time). */
const loadCoder: CoderFactory = async (settings) => {
  const { createCoder } = await import('../../index.js');
  return createCoder(settings);
};
