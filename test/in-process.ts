/**
 * Runs the dyad CLI in this process (src/cli/main.ts's main) with captured streams, as the spawned
 * `node bin/dyad.js` would run: the same exit code, stdout and stderr, without a new process and a
 * new knowledge load per call. test/start.test.ts and a few end-to-end tests still spawn bin/dyad.js.
 */
import { Readable, Writable } from 'node:stream';
import { main } from '../src/cli/main.js';

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: readonly string[], stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void): Writable => new Writable({
    write(chunk, _encoding, done) {
      add(String(chunk));
      done();
    },
  });
  const io = { stdin: Readable.from([Buffer.from(stdin)]), stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)) };
  const status = await main(['node', 'dyad', ...args], io);
  return { status, stdout, stderr };
}
