/** `dyad eval GOLD --gold-format plover|cameo|seed`: code the gold texts and score them. */
import { Option, type Command } from 'commander';
import type { CodedEvent } from '../../core/event.js';
import { goldFormats, readGold, score, type EvalReport, type GoldFormat, type LevelReport } from '../../eval/index.js';
import { printError, type CliIO } from '../io.js';

interface EvalOptions {
  readonly goldFormat: GoldFormat;
  readonly json?: boolean;
  readonly dictionary?: readonly string[];
  readonly quiet?: boolean;
}

const LEVEL_NAMES: Readonly<Record<string, string>> = {
  typeOnly: 'type only (lenient on actors)',
  lenient: 'type + actors (lenient: CAMEO root / PLOVER type)',
  strict: 'strict (full CAMEO code, sectors)',
};

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

function levelLines(name: string, level: LevelReport): string[] {
  const o = level.overall;
  const lines = [`${LEVEL_NAMES[name] ?? name}: P ${pct(o.precision)}  R ${pct(o.recall)}  F1 ${pct(o.f1)}   (tp ${o.tp}, fp ${o.fp}, fn ${o.fn})`];
  for (const [type, c] of Object.entries(level.byType).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`    ${type.padEnd(12)} P ${pct(c.precision)}  R ${pct(c.recall)}  F1 ${pct(c.f1)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`);
  }
  return lines;
}

/** The human-readable report: summary per level and type, then every miss and false positive. */
export function formatReport(report: EvalReport, quiet: boolean): string {
  const out = [`items ${report.items}, expected events ${report.goldEvents}, coded events ${report.codedEvents} (${report.unscored} with no type in the gold's scheme)`, ''];
  for (const [name, level] of Object.entries(report.levels)) out.push(...levelLines(name, level), '');
  if (report.forbidden.length) {
    out.push(`forbidden (${report.forbidden.length}):`);
    for (const f of report.forbidden) out.push(`  ${JSON.stringify(f)}`);
    out.push('');
  }
  if (!quiet) {
    const lenient = report.levels.lenient;
    out.push(`misses (${lenient.misses.length}, type + actors):`);
    for (const m of lenient.misses) out.push(`  [${m.itemId}] expected ${m.expected}: ${m.why}`, `      ${m.text}`);
    out.push('', `false positives (${lenient.falsePositives.length}, type + actors):`);
    for (const f of lenient.falsePositives) out.push(`  [${f.itemId}] coded ${f.coded} "${f.trigger}": ${f.why}`, `      ${f.text}`);
  }
  return `${out.join('\n')}\n`;
}

export function registerEval(program: Command, io: CliIO, done: (exitCode: number) => void): void {
  program
    .command('eval')
    .summary('score the coder against hand-coded events')
    .description('Code the texts of a gold file and score them: precision, recall and F1, lenient and strict, overall and per type, with every miss and false positive.')
    .argument('<gold>', 'gold file (PLOVER JSON Lines, our CAMEO JSON Lines, or a seed .expected.json)')
    .addOption(new Option('--gold-format <format>', 'format of the gold file').choices(goldFormats).makeOptionMandatory())
    .option('--json', 'print the report as JSON')
    .option('--dictionary <file>', 'extra actor dictionary (dyad YAML, or PETRARCH .actors/.agents); repeatable', (v: string, prev: readonly string[] | undefined) => [...(prev ?? []), v])
    .option('-q, --quiet', 'only the scores, not the lists of misses and false positives')
    .action(async (gold: string, options: EvalOptions) => {
      try {
        const items = readGold(gold, options.goldFormat);
        const { createCoder } = await import('../../index.js');
        const coder = createCoder({ dictionaries: options.dictionary ?? [] });
        const coded = new Map<string, readonly CodedEvent[]>();
        for (const item of items) coded.set(item.id, coder.code({ id: item.id, text: item.text, published: item.date }).events);
        const report = score(items, coded);
        io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, options.quiet === true));
        done(0);
      } catch (err) {
        printError(io, err, gold);
        done(1);
      }
    });
}
