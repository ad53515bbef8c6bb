/** The `dyad` command line. Only src/cli writes to stdout/stderr and decides the exit code. */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { processIO, type CliIO } from './io.js';

type Register = (program: Command, io: CliIO, done: (code: number) => void) => void;

/**
 * Each command's module, loaded only when that command runs (`dyad code` does not load the store,
 * the HTML reader or the query code); help and unknown commands load them all.
 */
const COMMANDS: readonly (readonly [readonly string[], () => Promise<readonly Register[]>])[] = [
  [['code'], async () => [(await import('./commands/code.js')).registerCode]],
  [['eval'], async () => [(await import('./commands/eval.js')).registerEval]],
  [['ingest', 'watch', 'recode'], async () => [(await import('./commands/ingest.js')).registerIngest]],
  [['visits'], async () => [(await import('./commands/visits.js')).registerVisits]],
  [['serve'], async () => [(await import('./commands/serve.js')).registerServe]],
  [['worker', 'queue'], async () => [(await import('./commands/queue.js')).registerQueue]],
  [['query', 'export', 'series'], async () => {
    const m = await import('./commands/query.js');
    return [m.registerQuery, m.registerExport, m.registerSeries];
  }],
];

async function commandsFor(name: string | undefined): Promise<Register[]> {
  const only = COMMANDS.find(([names]) => name !== undefined && names.includes(name));
  const groups = await Promise.all((only ? [only] : COMMANDS).map(([, load]) => load()));
  return groups.flat();
}

/** Exit code for a bad command line. */
export const USAGE_EXIT = 2;

function version(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  return (pkg as { version?: string }).version ?? '0.0.0';
}

function buildProgram(io: CliIO, done: (code: number) => void, commands: readonly Register[]): Command {
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
  for (const register of commands) register(program, io, done);
  return program;
}

/** Runs the CLI on `argv` (as process.argv: node, script, args...); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  }, await commandsFor(argv[2]));
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    const shown = err.code === 'commander.helpDisplayed' || err.code === 'commander.version';
    return shown ? 0 : USAGE_EXIT;
  }
  return exitCode;
}
