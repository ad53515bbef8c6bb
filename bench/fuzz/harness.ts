/**
 * Runs fuzz documents through the two ways dyad reads input, in-process: `dyad code` (runCode on
 * stdin, text or JSON Lines) and `dyad ingest` (readSources and handleItem into a real SQLite file,
 * from a file of the document's kind). For each document it records:
 *
 * - a crash: an exception that is not a DyadError, or an "internal error" reported;
 * - a silent drop: a document that was neither coded nor reported (skipped, error or warning);
 * - bad offsets: an event span (trigger, actors, cue, mentions) whose text is not the text it indexes;
 * - CPU time per 100 KB of input (documents under 10 KB count as 10 KB): the process's (every thread:
 *   the main one, and V8's compiler and garbage-collector helpers), and the main thread's alone where
 *   the system says it (Linux), which is the time a document holds `dyad ingest` or `watch` for.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { TextSpan } from '../../src/core/doc.js';
import { DyadError } from '../../src/core/errors.js';
import type { CodingResult } from '../../src/core/event.js';
import { runCode, type CodeRequest } from '../../src/cli/code-run.js';
import { handleItem, newSummary, type IngestSummary } from '../../src/cli/ingest-run.js';
import type { CliIO } from '../../src/cli/io.js';
import type { Coder } from '../../src/index.js';
import { readSources } from '../../src/ingest/sources.js';
import type { Store } from '../../src/store/index.js';
import type { FuzzDoc } from './mutate.js';

export interface Outcome {
  readonly id: string;
  readonly path: 'code' | 'ingest';
  readonly container: string;
  readonly mutations: readonly string[];
  readonly bytes: number;
  /** CPU ms of the process, every thread. */
  readonly cpuMs: number;
  /** CPU ms per 100 KB, documents under 10 KB counted as 10 KB. */
  readonly cpuPer100Kb: number;
  /** CPU ms of the main thread alone (null where the system does not say). */
  readonly mainCpuMs: number | null;
  /** `mainCpuMs` per 100 KB, counted as `cpuPer100Kb` is. */
  readonly mainCpuPer100Kb: number | null;
  readonly crash: string | null;
  readonly silentDrop: boolean;
  readonly badOffsets: readonly string[];
  /** How it ended: coded N, or the codes of what was reported. */
  readonly result: string;
}

/** A coder that checks the offsets of everything it codes against the text it was given. */
export class CheckingCoder {
  readonly bad: string[] = [];

  constructor(readonly inner: Coder) {}

  get knowledge(): Coder['knowledge'] {
    return this.inner.knowledge;
  }

  code(input: Parameters<Coder['code']>[0]): CodingResult {
    const result = this.inner.code(input);
    this.bad.push(...badOffsets(input.text, result));
    return result;
  }

  annotate(input: Parameters<Coder['annotate']>[0]): ReturnType<Coder['annotate']> {
    const doc = this.inner.annotate(input);
    for (const t of doc.tokens ?? []) if (input.text.slice(t.start, t.end) !== t.text) this.bad.push(`token ${t.index} ${JSON.stringify(t.text)} at ${t.start}-${t.end}`);
    return doc;
  }
}

/** Every span of every event that does not index `text`. */
export function badOffsets(text: string, result: CodingResult): string[] {
  const bad: string[] = [];
  const check = (what: string, span: TextSpan | null | undefined): void => {
    if (!span) return;
    if (span.start < 0 || span.end > text.length || span.start > span.end || text.slice(span.start, span.end) !== span.text) {
      bad.push(`${what} ${JSON.stringify(span.text.slice(0, 40))} at ${span.start}-${span.end}`);
    }
  };
  for (const e of result.events) {
    check(`${e.id} trigger`, e.trigger);
    check(`${e.id} source`, e.source);
    check(`${e.id} target`, e.target);
    check(`${e.id} attribution`, e.attribution);
    check(`${e.id} modality cue`, e.modalityCue);
    for (const m of e.mentions) check(`${e.id} mention`, m.trigger);
    for (const a of [...(e.sources ?? []), ...(e.targets ?? [])]) check(`${e.id} actor`, a);
  }
  return bad;
}

function memoryIO(stdin: Buffer): { io: CliIO; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdin: Readable.from([stdin]),
      stdout: new Writable({ write(c: Buffer, _e, cb) { out += c.toString(); cb(); } }),
      stderr: new Writable({ write(c: Buffer, _e, cb) { err += c.toString(); cb(); } }),
    },
    out: () => out,
    err: () => err,
  };
}

/** The main thread's CPU time in ms so far (Linux: /proc/self/task/PID/schedstat, in ns), or null. */
function mainThreadMs(): number | null {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
}

/** CPU clocks read when a document starts. */
interface Clocks {
  readonly process: NodeJS.CpuUsage;
  readonly main: number | null;
}

function startClocks(): Clocks {
  return { main: mainThreadMs(), process: process.cpuUsage() };
}

function elapsed(since: Clocks): { process: number; main: number | null } {
  const d = process.cpuUsage(since.process);
  const main = mainThreadMs();
  return { process: (d.user + d.system) / 1000, main: main === null || since.main === null ? null : main - since.main };
}

function outcome(doc: FuzzDoc, path: Outcome['path'], ms: { process: number; main: number | null }, fields: Pick<Outcome, 'crash' | 'silentDrop' | 'badOffsets' | 'result'>): Outcome {
  const units = Math.max(doc.bytes.length, 10 * 1024) / (100 * 1024);
  return {
    id: doc.id, path, container: doc.container, mutations: doc.mutations, bytes: doc.bytes.length,
    cpuMs: ms.process, cpuPer100Kb: ms.process / units,
    mainCpuMs: ms.main, mainCpuPer100Kb: ms.main === null ? null : ms.main / units, ...fields,
  };
}

/** `dyad code -` on the document (JSON Lines for the jsonl container, else text), in-process. */
export async function throughCode(doc: FuzzDoc, coder: CheckingCoder): Promise<Outcome> {
  const { io, out, err } = memoryIO(doc.bytes);
  const req: CodeRequest = {
    inputs: ['-'], date: '2024-05-14', format: 'json', inputFormat: doc.container === 'jsonl' ? 'jsonl' : 'text',
    dictionaries: [], compound: null, maxBytes: 5 * 1024 * 1024, quiet: false,
  };
  coder.bad.length = 0;
  const started = startClocks();
  let crash: string | null = null;
  try {
    await runCode(req, io, async () => coder);
  } catch (e) {
    crash = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  const ms = elapsed(started);
  const stderr = err();
  if (/internal error/.test(stderr)) crash ??= stderr.trim().split('\n')[0];
  const coded = codedCount(out());
  const reported = stderr.split('\n').filter((l) => /^dyad: .*\[[A-Z_]+\]$/.test(l));
  const result = coded > 0 ? `coded ${coded}` : reported.map((l) => /\[([A-Z_]+)\]$/.exec(l)?.[1]).join(',');
  return outcome(doc, 'code', ms, { crash, silentDrop: crash === null && coded === 0 && reported.length === 0, badOffsets: [...coder.bad], result });
}

function codedCount(stdout: string): number {
  if (stdout.trim() === '') return 0;
  try {
    const value: unknown = JSON.parse(stdout);
    return Array.isArray(value) ? value.length : 1;
  } catch {
    return 0;
  }
}

const EXTENSIONS: Readonly<Record<string, string>> = { text: 'txt', jsonl: 'jsonl', html: 'html', feed: 'rss' };

/** `dyad ingest FILE` on the document saved as a file of its kind, in-process, into `store`. */
export async function throughIngest(doc: FuzzDoc, coder: CheckingCoder, store: Store, dir: string): Promise<Outcome> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${doc.id}.${EXTENSIONS[doc.container]}`);
  writeFileSync(file, doc.bytes);
  const s: IngestSummary = newSummary();
  const lines: string[] = [];
  coder.bad.length = 0;
  const started = startClocks();
  let crash: string | null = null;
  try {
    for await (const item of readSources([file], { date: '2024-05-14' })) {
      await handleItem(item, store, () => coder as unknown as Coder, s, (line) => lines.push(line));
    }
  } catch (e) {
    crash = e instanceof DyadError ? null : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    if (e instanceof DyadError) lines.push(`unexpected DyadError thrown: ${e.message}`);
  }
  const ms = elapsed(started);
  if (lines.some((l) => /internal error|unexpected DyadError/.test(l))) crash ??= lines.find((l) => /internal error|unexpected/.test(l)) ?? null;
  const skipped = [...s.skipped.values()].reduce((a, b) => a + b, 0);
  const units = s.added + s.known + s.failed + skipped + s.warnings;
  const result = `new ${s.added}, known ${s.known}, skipped ${skipped}, errors ${s.failed}, warnings ${s.warnings}`;
  return outcome(doc, 'ingest', ms, { crash, silentDrop: crash === null && units === 0, badOffsets: [...coder.bad], result });
}
