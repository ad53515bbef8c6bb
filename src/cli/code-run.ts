/**
 * `dyad code`: read inputs, check them, code each document and write the chosen format to stdout.
 * Problems with one input are reported on stderr and the run goes on with the next.
 */
import { extname } from 'node:path';
import type { Doc, DocInput } from '../core/doc.js';
import { DyadError } from '../core/errors.js';
import type { CodingResult } from '../core/event.js';
import { readJsonl } from '../ingest/jsonl.js';
import { STDIN_NAME, explain, openStream, readFileBytes, readStreamBytes, statInput } from '../ingest/read-input.js';
import { decodeText } from '../ingest/text-input.js';
import { createFormatter, type Formatter, type OutputFormat } from '../output/format.js';
import { OutputSink, errorText, printError, type CliIO } from './io.js';
import { CodingPool } from './pool.js';
import { Tally } from './tally.js';

export const INPUT_FORMATS = ['text', 'jsonl'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];
export type CompoundMode = 'expand' | 'list';

export interface CodeRequest {
  readonly inputs: readonly string[];
  /** Publication date for inputs that carry none (validated, YYYY-MM-DD). */
  readonly date: string | null;
  readonly format: OutputFormat;
  /** null: by extension (.jsonl/.ndjson are JSON Lines, the rest text). */
  readonly inputFormat: InputFormat | null;
  readonly dictionaries: readonly string[];
  /** --only-dictionaries: code with the dictionaries alone. */
  readonly onlyDictionaries?: boolean;
  /** --cameo-verbs: also the converted CAMEO verb patterns. */
  readonly cameoVerbs?: boolean;
  readonly compound: CompoundMode | null;
  readonly maxBytes: number;
  /** Seconds per 100 KB of text a document may take (0: no limit). */
  readonly docTimeout?: number;
  readonly quiet: boolean;
  /** Threads coding at once, the main thread included (--jobs; default 1 here, the core count in the CLI). */
  readonly jobs?: number;
}

/** What the CLI needs of the coder (src/index.ts's Coder satisfies it). */
export interface DocumentCoder {
  code(input: DocInput): CodingResult;
  /** Every layer of the Doc (for --format conllu). */
  annotate?(input: DocInput): Doc;
}

export interface CoderSettings {
  readonly dictionaries?: readonly string[];
  readonly onlyDictionaries?: boolean;
  readonly cameoVerbs?: boolean;
  readonly compound?: CompoundMode;
  readonly docTimeout?: number;
}

export type CoderFactory = (settings: CoderSettings) => Promise<DocumentCoder>;

export function inputFormatOf(input: string, requested: InputFormat | null): InputFormat {
  if (requested) return requested;
  return ['.jsonl', '.ndjson'].includes(extname(input).toLowerCase()) ? 'jsonl' : 'text';
}

interface Run {
  readonly req: CodeRequest;
  readonly io: CliIO;
  /** The coder, loaded when the first document passes its checks (so bad inputs fail fast). */
  readonly coder: () => Promise<DocumentCoder>;
  readonly formatter: Formatter;
  readonly sink: OutputSink;
  readonly tally: Tally;
  /** Set when the coder cannot be loaded: the run stops, and nothing is written to stdout. */
  stopped: boolean;
  /** Whether the format's start (a CSV header, "[") is out. */
  started: boolean;
  /** Set with the coder: codes on this thread and, for long runs, on worker threads. */
  pool: CodingPool<CodingResult> | null;
  /** Documents being coded and skipped inputs, in input order: output and messages keep that order. */
  readonly pending: Pending[];
}

type Pending = { readonly result: Promise<CodingResult>; readonly where: string } | { readonly skipped: unknown; readonly where: string };

/** Runs `dyad code`; returns the exit code (0: something coded, 1: nothing could be). */
export async function runCode(req: CodeRequest, io: CliIO, makeCoder: CoderFactory): Promise<number> {
  const settings: CoderSettings = { dictionaries: req.dictionaries, ...(req.onlyDictionaries ? { onlyDictionaries: true } : {}), ...(req.cameoVerbs ? { cameoVerbs: true } : {}), ...(req.compound ? { compound: req.compound } : {}), ...(req.docTimeout !== undefined ? { docTimeout: req.docTimeout } : {}) };
  let loading: Promise<DocumentCoder> | null = null;
  const single = req.inputs.length === 1 && inputFormatOf(req.inputs[0], req.inputFormat) === 'text';
  const run: Run = {
    req, io, coder: () => (loading ??= makeCoder(settings)), formatter: createFormatter(req.format, { single }),
    sink: new OutputSink(io.stdout), tally: new Tally(), stopped: false, started: false, pool: null, pending: [],
  };
  try {
    for (const input of req.inputs) {
      if (inputFormatOf(input, req.inputFormat) === 'jsonl') await codeJsonl(run, input);
      else await codeText(run, input);
      if (run.stopped || !run.sink.open) break;
    }
    while (run.pending.length && !run.stopped) await settleOldest(run);
  } finally {
    await run.pool?.close();
  }
  if (run.stopped) return 1;
  await emit(run, run.formatter.end());
  const { tally } = run;
  const attempted = tally.documents + tally.skippedCount;
  // No summary when the reader went away early (`dyad code ... | head`): the run was cut short on purpose.
  if (!req.quiet && run.sink.open && (attempted > 1 || tally.skippedCount > 0)) io.stderr.write(`dyad: ${tally.summary()}\n`);
  return tally.documents > 0 ? 0 : 1;
}

async function codeText(run: Run, input: string): Promise<void> {
  const { req } = run;
  const name = input === '-' ? STDIN_NAME : input;
  let doc: DocInput;
  try {
    const bytes = input === '-' ? await readStreamBytes(run.io.stdin, name, req.maxBytes) : await readFileBytes(input, req.maxBytes);
    const checked = decodeText(bytes, name, { maxBytes: req.maxBytes });
    doc = { text: checked.text, language: checked.language, published: req.date };
  } catch (err) {
    skip(run, err, name);
    return;
  }
  await codeOne(run, doc, name);
}

async function codeJsonl(run: Run, input: string): Promise<void> {
  const { req } = run;
  const name = input === '-' ? STDIN_NAME : input;
  try {
    if (input !== '-') await statInput(input); // a missing file or a folder is named before reading starts
    const stream = input === '-' ? run.io.stdin : openStream(input);
    const options = { maxBytes: req.maxBytes, defaultDate: req.date };
    let lines = 0;
    for await (const record of readJsonl(stream, name, options)) {
      lines++;
      if (record.ok) await codeOne(run, record.doc, record.where);
      else skip(run, record.error, record.where);
      if (run.stopped || !run.sink.open) break;
    }
    if (lines === 0) skip(run, new DyadError('INPUT_EMPTY', 'input is empty: no JSON Lines records', name), name);
  } catch (err) {
    skip(run, explain(err, name), name);
  }
}

/** The coder; when it cannot be loaded, the run stops (null) and the error is printed. */
async function coderOrStop(run: Run): Promise<DocumentCoder | null> {
  try {
    return await run.coder();
  } catch (err) {
    printError(run.io, err);
    run.stopped = true;
    return null;
  }
}

async function codeOne(run: Run, doc: DocInput, where: string): Promise<void> {
  const { annotated } = run.formatter;
  if (annotated) {
    await annotateOne(run, doc, where, annotated);
    return;
  }
  if (!run.pool) {
    const coder = await coderOrStop(run);
    if (!coder) return;
    const settings = { kind: 'code' as const, dictionaries: run.req.dictionaries, ...(run.req.onlyDictionaries ? { onlyDictionaries: true } : {}), ...(run.req.cameoVerbs ? { cameoVerbs: true } : {}), ...(run.req.compound ? { compound: run.req.compound } : {}), ...(run.req.docTimeout !== undefined ? { docTimeout: run.req.docTimeout } : {}) };
    run.pool = new CodingPool(run.req.jobs ?? 1, settings, (input) => coder.code(input));
  }
  const result = run.pool.submit(doc);
  result.catch(() => undefined); // settled in order by settleOldest
  run.pending.push({ result, where });
  while (run.pending.length >= run.pool.window && !run.stopped) await settleOldest(run);
}

/** Formats that show every layer (CoNLL-U) need the whole Doc: coded here, in order, on this thread. */
async function annotateOne(run: Run, doc: DocInput, where: string, annotated: (full: Doc) => string): Promise<void> {
  const coder = await coderOrStop(run);
  if (!coder) return;
  let text: string;
  try {
    if (!coder.annotate) throw new DyadError('USAGE', 'this coder cannot show the annotated document');
    const full = coder.annotate(doc);
    text = annotated(full);
    run.tally.coded(full.events?.length ?? 0);
  } catch (err) {
    skip(run, err, where);
    return;
  }
  await emit(run, text);
}

/** Writes the oldest pending document's output, or reports why it was skipped. */
async function settleOldest(run: Run): Promise<void> {
  const next = run.pending.shift();
  if (!next) return;
  if ('skipped' in next) {
    report(run, next.skipped, next.where);
    return;
  }
  let text: string;
  try {
    const result: CodingResult = await next.result;
    text = run.formatter.document(result);
    run.tally.coded(result.events.length);
  } catch (err) {
    report(run, err, next.where);
    return;
  }
  await emit(run, text);
}

async function emit(run: Run, text: string): Promise<void> {
  if (!run.started) {
    run.started = true;
    await run.sink.write(run.formatter.start());
  }
  await run.sink.write(text);
}

/** An input that cannot be coded: reported after the documents before it. */
function skip(run: Run, err: unknown, where: string): void {
  if (run.pending.length) run.pending.push({ skipped: err, where });
  else report(run, err, where);
}

function report(run: Run, err: unknown, where: string): void {
  run.tally.skipped(err);
  if (run.req.quiet) return;
  const code = err instanceof DyadError ? ` [${err.code}]` : '';
  run.io.stderr.write(`dyad: ${errorText(err, where)}${code}\n`);
}
