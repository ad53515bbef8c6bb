/**
 * `dyad worker --concurrency N` with N > 1: N worker processes (one per core by default), each a
 * `dyad worker --concurrency 1` child. Processes, not worker threads: measured in bench/queue.ts
 * (README, "Past one machine"), processes and threads were within noise of each other, and a crashed
 * or killed process loses only its own jobs, which come back through expiry.
 *
 * SIGTERM or SIGINT is passed to every child, which finishes its job in hand and hands the rest back;
 * the supervisor returns once all have exited. A child that dies on its own is started again.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { newTally, type WorkerTally } from './worker.js';

/** The CLI entry the children run. */
const CLI = fileURLToPath(new URL('../../bin/dyad.js', import.meta.url));

export interface SupervisorOptions {
  readonly processes: number;
  /** The child's arguments after `dyad` (they include `worker --concurrency 1 --format json`). */
  readonly childArgs: readonly string[];
  readonly signal: AbortSignal;
  /** Children's stderr lines go here. */
  readonly log: (line: string) => void;
  /** Restart a child that exits on its own (not when the queue emptied with --exit-when-empty). */
  readonly restart: boolean;
}

function addTally(into: WorkerTally, t: WorkerTally): void {
  for (const k of ['coded', 'recoded', 'unchanged', 'failed', 'handedBack'] as const) into[k] += t[k];
  for (const k of Object.keys(into.ms) as (keyof WorkerTally['ms'])[]) into.ms[k] += t.ms[k];
}

function start(opts: SupervisorOptions, total: WorkerTally, onExit: (code: number | null, child: ChildProcess) => void): ChildProcess {
  const child = fork(CLI, [...opts.childArgs], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: process.execArgv });
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => { out += d; });
  child.stderr?.setEncoding('utf8').on('data', (d: string) => { for (const l of d.split('\n')) if (l) opts.log(l); });
  child.on('exit', (code) => {
    try {
      addTally(total, JSON.parse(out.trim().split('\n').pop() ?? '') as WorkerTally);
    } catch {
      // a child killed before it reported: its jobs come back through expiry
    }
    onExit(code, child);
  });
  return child;
}

/** Runs the children until the signal aborts (or every child has exited); returns their summed tally. */
export async function supervise(opts: SupervisorOptions): Promise<{ tally: WorkerTally; exitCode: number }> {
  const total = newTally();
  const live = new Set<ChildProcess>();
  let exitCode = 0;
  await new Promise<void>((resolve) => {
    const onExit = (code: number | null, child: ChildProcess): void => {
      live.delete(child);
      if (code !== 0 && !opts.signal.aborted && opts.restart) {
        opts.log(`worker process ${child.pid} exited (${code ?? 'killed'}); starting another`);
        setTimeout(() => live.add(start(opts, total, onExit)), 1000);
        return;
      }
      if (code !== 0 && !opts.signal.aborted) exitCode = 1;
      if (live.size === 0) resolve();
    };
    for (let i = 0; i < opts.processes; i++) live.add(start(opts, total, onExit));
    opts.signal.addEventListener('abort', () => { for (const c of live) c.kill('SIGTERM'); }, { once: true });
  });
  return { tally: total, exitCode };
}
