/**
 * Coding on several cores (`--jobs N`): the main thread codes documents itself and, once a run has
 * more than a few documents, hands some to worker threads (N - 1 of them), each with its own coder.
 * Results come back as promises that the caller awaits in input order, so the output is the same
 * as with one job. A worker that cannot start or dies leaves its work to the main thread.
 */
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocInput } from '../core/doc.js';
import { DyadError, type DyadErrorCode } from '../core/errors.js';

/** What a worker codes: `code` gives CodingResult, `ingest` gives CodedWithFacts. */
export type WorkKind = 'code' | 'ingest';

export interface WorkerSettings {
  readonly kind: WorkKind;
  readonly dictionaries?: readonly string[];
  readonly onlyDictionaries?: boolean;
  readonly cameoVerbs?: boolean;
  readonly compound?: 'expand' | 'list';
  /** --doc-timeout, seconds per 100 KB (the coder's default when absent). */
  readonly docTimeout?: number;
}

/** A DyadError or another error, as it crosses the thread boundary. */
export interface WireError {
  readonly dyad: boolean;
  readonly code: DyadErrorCode | null;
  readonly message: string;
  readonly input: string | null;
}

export type WorkerReply = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly error: WireError };

export function toWire(err: unknown): WireError {
  if (err instanceof DyadError) {
    const prefix = err.input ? `${err.input}: ` : '';
    const message = err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
    return { dyad: true, code: err.code, message, input: err.input };
  }
  return { dyad: false, code: null, message: err instanceof Error ? err.message : String(err), input: null };
}

function fromWire(e: WireError): Error {
  return e.dyad && e.code ? new DyadError(e.code, e.message, e.input) : new Error(e.message);
}

/** The default --jobs: the cores this process may use. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * startAfter: workers start only when a run has more documents than this (a worker takes ~0.5 s to
 * start, more than a few documents take). inlineWhileBusy: the main thread codes a document when every
 * worker has enough queued (see `fed`). Tests set { startAfter: 0, inlineWhileBusy: false } so that
 * workers code everything.
 */
export const poolTuning: { startAfter: number; inlineWhileBusy: boolean } = { startAfter: 8, inlineWhileBusy: true };

/**
 * Documents a worker holds at most (being coded and queued): it never waits for the main thread to
 * hand it the next one, even while the main thread codes a document of its own.
 */
const WORKER_DEPTH = 4;
/** A worker is fed when it holds this many documents, or twice the text the main thread would code instead. */
const FED_DOCUMENTS = 2;

/** Documents coded on worker threads in this process, for tests. */
export const poolStats = { workerDocuments: 0 };

// Compiled, the worker is dist/cli/code-worker.js. Under tsx (tests) it is the .ts sibling, and a
// worker does not inherit tsx's loader: a small entry registers tsx, then imports the worker.
const workerFile = new URL(`./code-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

function newWorker(workerData: WorkerSettings): Worker {
  if (!workerFile.pathname.endsWith('.ts')) return new Worker(workerFile, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(workerFile.href)}); });`;
  return new Worker(entry, { eval: true, workerData });
}

interface Slot {
  readonly worker: Worker;
  ready: boolean;
  /** Documents sent and not yet answered, and their characters of text. */
  held: number;
  heldChars: number;
  dead: boolean;
}

interface Job {
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: Error) => void;
  readonly input: DocInput;
}

interface Waiting extends Job {
  readonly slot: Slot;
}

export class CodingPool<T> {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, Waiting>();
  /** Documents not yet handed to a worker nor coded here, in input order. */
  private readonly queue: Job[] = [];
  private submitted = 0;
  private nextId = 0;
  private draining = false;
  private closed = false;

  /** `inline` codes on the main thread; `jobs` counts the main thread. */
  constructor(private readonly jobs: number, private readonly settings: WorkerSettings, private readonly inline: (input: DocInput) => T) {}

  /** How many documents may be in flight before the caller should take the oldest result. */
  get window(): number {
    return this.jobs <= 1 ? 1 : this.jobs * 16;
  }

  /**
   * Codes `input` here, or once workers run, on a worker that is not yet fed, else here
   * (inlineWhileBusy), else on the first worker with room; the promise settles with the result or
   * the error. Workers are sent documents while they start: they code them once their coder is loaded.
   */
  async submit(input: DocInput): Promise<T> {
    this.submitted++;
    if (this.jobs > 1 && this.submitted > poolTuning.startAfter && this.slots.length === 0) this.start();
    if (this.slots.length === 0) return this.inline(input);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ resolve: resolve as (v: unknown) => void, reject, input });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.draining || this.closed || this.queue.length === 0) return;
    this.draining = true;
    setImmediate(() => this.drain());
  }

  /**
   * Hands queued documents to the workers that are not fed; codes at most one here, then lets the
   * event loop turn, so that workers that finished meanwhile report and are fed again at once.
   */
  private drain(): void {
    this.draining = false;
    while (this.queue.length && !this.closed) {
      const job = this.queue[0];
      const slot = this.hungry(job.input.text.length) ?? (poolTuning.inlineWhileBusy ? undefined : this.roomy());
      if (slot) {
        this.queue.shift();
        this.send(slot, job);
        continue;
      }
      if (!poolTuning.inlineWhileBusy && this.slots.some((s) => !s.dead)) return; // a worker's report drains again
      this.queue.shift();
      this.codeHere(job);
      this.schedule();
      return;
    }
  }

  private send(slot: Slot, job: Job): void {
    const id = this.nextId++;
    slot.held++;
    slot.heldChars += job.input.text.length;
    this.waiting.set(id, { ...job, slot });
    slot.worker.postMessage({ id, input: job.input });
  }

  private codeHere(job: Job): void {
    try {
      job.resolve(this.inline(job.input));
    } catch (err) {
      job.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  /** The live worker holding least, if it is not fed for a document of `chars` characters. */
  private hungry(chars: number): Slot | undefined {
    let least: Slot | undefined;
    for (const s of this.slots) if (!s.dead && (!least || s.heldChars < least.heldChars)) least = s;
    if (!least) return undefined;
    const fed = least.held >= WORKER_DEPTH || (least.held >= FED_DOCUMENTS && least.heldChars >= 2 * chars);
    return fed ? undefined : least;
  }

  /** A live worker with room for another document. */
  private roomy(): Slot | undefined {
    return this.slots.find((s) => !s.dead && s.held < WORKER_DEPTH);
  }

  private start(): void {
    for (let i = 1; i < this.jobs; i++) {
      const worker = newWorker(this.settings);
      const slot: Slot = { worker, ready: false, held: 0, heldChars: 0, dead: false };
      worker.on('message', (msg: WorkerReply | { readonly ready: true }) => this.onMessage(slot, msg));
      worker.on('error', () => this.onDeath(slot));
      worker.on('exit', () => this.onDeath(slot));
      this.slots.push(slot);
    }
  }

  private onMessage(slot: Slot, msg: WorkerReply | { readonly ready: true }): void {
    if ('ready' in msg) {
      slot.ready = true;
      return;
    }
    const w = this.waiting.get(msg.id);
    if (!w) return;
    this.waiting.delete(msg.id);
    slot.held--;
    slot.heldChars -= w.input.text.length;
    poolStats.workerDocuments++;
    this.schedule();
    if (msg.ok) w.resolve(msg.value);
    else w.reject(fromWire(msg.error));
  }

  /** A worker that failed: its documents are coded here instead. */
  private onDeath(slot: Slot): void {
    if (slot.dead) return;
    slot.dead = true;
    for (const [id, w] of this.waiting) {
      if (w.slot !== slot) continue;
      this.waiting.delete(id);
      this.codeHere(w);
    }
    this.schedule();
  }

  /** Stops the workers; documents still queued are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the coding pool was closed'));
    const slots = this.slots.splice(0);
    for (const s of slots) s.dead = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
