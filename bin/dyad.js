#!/usr/bin/env node
// dyad's command line: runs the JavaScript compiled from src/ into dist/ (built by `npm ci` through
// the `prepare` script, or `npm run build`); no TypeScript compiler at run time.
let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (err) {
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || !String(err.message).includes('dist/cli/main.js')) throw err;
  process.stderr.write('dyad: the compiled code is missing (dist/); run `npm run build` (npm ci builds it)\n');
  process.exit(1);
}
process.exitCode = await cli.main(process.argv);
