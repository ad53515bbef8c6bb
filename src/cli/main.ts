/** The `dyad` command line. Only src/cli writes to stdout/stderr and decides the exit code. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerCode } from './commands/code.js';
import { registerEval } from './commands/eval.js';
import { registerIngest } from './commands/ingest.js';
import { registerExport, registerQuery, registerSeries } from './commands/query.js';
import { registerServe } from './commands/serve.js';
import { registerQueue } from './commands/queue.js';
import { registerVisits } from './commands/visits.js';
import { processIO, type CliIO } from './io.js';

/** Exit code for a bad command line. */
export const USAGE_EXIT = 2;

function version(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return (pkg as { version?: string }).version ?? '0.0.0';
}

function buildProgram(io: CliIO, done: (code: number) => void): Command {
  const program = new Command('dyad')
    .description('Political event coding from news: who did what to whom, when and where, in CAMEO and PLOVER.')
    .version(version())
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`dyad: ${s.replace(/^error: /, '')}`),
    });
  registerCode(program, io, done);
  registerEval(program, io, done);
  registerIngest(program, io, done);
  registerVisits(program, io, done);
  registerQuery(program, io, done);
  registerExport(program, io, done);
  registerSeries(program, io, done);
  registerServe(program, io, done);
  registerQueue(program, io, done);
  return program;
}

/** Runs the CLI on `argv` (as process.argv: node, script, args...); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    const shown = err.code === 'commander.helpDisplayed' || err.code === 'commander.version';
    return shown ? 0 : USAGE_EXIT;
  }
  return exitCode;
}
