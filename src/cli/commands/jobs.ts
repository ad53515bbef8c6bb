/** `--jobs N` of `dyad code` and `dyad ingest`: how many threads code at once. */
import { InvalidArgumentError, Option } from 'commander';
import { defaultJobs } from '../pool.js';

function parseJobs(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError(`"${value}" is not a number of jobs from 1 to 256`);
  return n;
}

export function jobsOption(): Option {
  const cores = defaultJobs();
  return new Option('--jobs <n>', 'documents coded at once, on worker threads (output order and content do not depend on it)')
    .argParser(parseJobs)
    .default(cores, `${cores}, the core count`);
}
