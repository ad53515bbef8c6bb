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
 * start, more than a few documents take). inlineWhileBusy: the main thread codes a document when no
 * worker is free. Tests set { startAfter: 0, inlineWhileBusy: false } so that workers code everything.
 */
export const poolTuning: { startAfter: number; inlineWhileBusy: boolean } = { startAfter: 8, inlineWhileBusy: true };

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
  busy: boolean;
  dead: boolean;
}

interface Waiting {
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: Error) => void;
  readonly input: DocInput;
  readonly slot: Slot;
}

export class CodingPool<T> {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, Waiting>();
  private submitted = 0;
  private nextId = 0;
  /** Submissions waiting for a free worker (inlineWhileBusy false). */
  private readonly wanting: (() => void)[] = [];

  /** `inline` codes on the main thread; `jobs` counts the main thread. */
  constructor(private readonly jobs: number, private readonly settings: WorkerSettings, private readonly inline: (input: DocInput) => T) {}

  /** How many documents may be in flight before the caller should take the oldest result. */
  get window(): number {
    return this.jobs <= 1 ? 1 : this.jobs * 4;
  }

  /** Codes `input` on an idle worker, else here; the promise settles with the result or the error. */
  async submit(input: DocInput): Promise<T> {
    this.submitted++;
    if (this.jobs > 1 && this.submitted > poolTuning.startAfter && this.slots.length === 0) this.start();
    if (this.slots.length) await new Promise((r) => setImmediate(r)); // let finished workers report
    let slot = this.free();
    while (!slot && !poolTuning.inlineWhileBusy && this.slots.some((s) => !s.dead)) {
      await new Promise<void>((r) => this.wanting.push(r));
      slot = this.free();
    }
    if (!slot) return this.inline(input);
    return new Promise<T>((resolve, reject) => {
      const id = this.nextId++;
      slot.busy = true;
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject, input, slot });
      slot.worker.postMessage({ id, input });
    });
  }

  private free(): Slot | undefined {
    return this.slots.find((s) => s.ready && !s.busy && !s.dead);
  }

  private wake(): void {
    for (const w of this.wanting.splice(0)) w();
  }

  private start(): void {
    for (let i = 1; i < this.jobs; i++) {
      const worker = newWorker(this.settings);
      const slot: Slot = { worker, ready: false, busy: false, dead: false };
      worker.on('message', (msg: WorkerReply | { readonly ready: true }) => this.onMessage(slot, msg));
      worker.on('error', () => this.onDeath(slot));
      worker.on('exit', () => this.onDeath(slot));
      this.slots.push(slot);
    }
  }

  private onMessage(slot: Slot, msg: WorkerReply | { readonly ready: true }): void {
    if ('ready' in msg) {
      slot.ready = true;
      this.wake();
      return;
    }
    const w = this.waiting.get(msg.id);
    if (!w) return;
    this.waiting.delete(msg.id);
    slot.busy = false;
    poolStats.workerDocuments++;
    this.wake();
    if (msg.ok) w.resolve(msg.value);
    else w.reject(fromWire(msg.error));
  }

  /** A worker that failed: its documents are coded here instead. */
  private onDeath(slot: Slot): void {
    if (slot.dead) return;
    slot.dead = true;
    this.wake();
    for (const [id, w] of this.waiting) {
      if (w.slot !== slot) continue;
      this.waiting.delete(id);
      try {
        w.resolve(this.inline(w.input));
      } catch (err) {
        w.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const s of slots) s.dead = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}
