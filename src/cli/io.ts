/** The CLI's streams, passed in so commands can be run in tests; the only place dyad writes to them. */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { DyadError } from '../core/errors.js';

export interface CliIO {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

export function processIO(): CliIO {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

/** Writes to stdout with backpressure; stops quietly when the reader has gone (`dyad code ... | head`). */
export class OutputSink {
  private closed = false;

  constructor(private readonly stream: Writable) {
    stream.on('error', () => {
      this.closed = true;
    });
  }

  /** False once the reader has gone away: there is no point coding more. */
  get open(): boolean {
    return !this.closed;
  }

  async write(text: string): Promise<void> {
    if (text === '' || this.closed) return;
    if (this.stream.write(text)) return;
    try {
      await once(this.stream, 'drain');
    } catch {
      this.closed = true;
    }
  }
}

/** One error line on stderr: `dyad: FILE[:LINE]: message` (DyadError messages already start with their input). */
export function printError(io: CliIO, err: unknown, input: string | null = null): void {
  io.stderr.write(`dyad: ${errorText(err, input)}\n`);
}

export function errorText(err: unknown, input: string | null = null): string {
  if (err instanceof DyadError) return err.input === null && input ? `${input}: ${err.message}` : err.message;
  const message = err instanceof Error ? err.message : String(err);
  return `${input ? `${input}: ` : ''}internal error: ${message}`;
}
