/** `dyad eval GOLD --gold-format plover|cameo|seed|news`: code the gold texts and score them. */
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { ActorMention, DocInput } from '../../core/doc.js';
import { DyadError, type KnowledgeIssue } from '../../core/errors.js';
import type { CodedEvent } from '../../core/event.js';
import { clauseReadings, type ClauseReading } from '../../core/stage.js';
import {
  actorRecall, goldFormats, parseNewsGold, probesOfGold, probesOfNews, readGold, score, scoreNews,
  type EvalReport, type GoldFormat, type LevelReport,
} from '../../eval/index.js';
import type { Coder } from '../../index.js';
import { printError, type CliIO } from '../io.js';
import { actorRecallLine, formatNewsReport } from './eval-news.js';
import { formatPetrarchReport, parsePetrarchGold, scorePetrarch } from '../../eval/petrarch-gold.js';

type EvalFormat = GoldFormat | 'news' | 'petrarch';
const evalFormats: readonly EvalFormat[] = [...goldFormats, 'news', 'petrarch'];

interface EvalOptions {
  readonly goldFormat: EvalFormat;
  readonly json?: boolean;
  readonly dictionary?: readonly string[];
  readonly onlyDictionaries?: boolean;
  readonly cameoVerbs?: boolean;
  readonly quiet?: boolean;
  readonly clauseReading?: ClauseReading;
}

const LEVEL_NAMES: Readonly<Record<string, string>> = {
  typeOnly: 'type only (lenient on actors)',
  lenient: 'type + actors (lenient: CAMEO root / PLOVER type)',
  strict: 'strict (full CAMEO code, sectors)',
};

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

interface Coded {
  readonly events: Map<string, readonly CodedEvent[]>;
  readonly mentions: Map<string, readonly ActorMention[]>;
}

/** Codes every text once, keeping its events and its actor mentions (for actor recall). */
function codeAll(coder: Coder, inputs: readonly DocInput[]): Coded {
  const out: Coded = { events: new Map(), mentions: new Map() };
  for (const input of inputs) {
    const id = input.id ?? '';
    const { doc, result } = coder.inspect(input);
    out.events.set(id, result.events);
    out.mentions.set(id, doc.mentions ?? []);
  }
  return out;
}

function readSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new DyadError('INPUT_UNREADABLE', `cannot read gold file: ${(err as Error).message}`, file);
  }
}

/** The report for a gold file, as text or JSON. */
function evaluate(coder: Coder, gold: string, options: EvalOptions): string {
  const quiet = options.quiet === true;
  if (options.goldFormat === 'petrarch') {
    const records = parsePetrarchGold(readSource(gold), gold);
    const coded = codeAll(coder, records.filter((r) => r.active).map((r) => ({ id: r.id, text: r.text, published: r.date })));
    const report = scorePetrarch(records, coded.events);
    return options.json ? `${JSON.stringify(report, null, 2)}\n` : formatPetrarchReport(report, quiet);
  }
  if (options.goldFormat === 'news') {
    const items = parseNewsGold(readSource(gold), gold);
    const coded = codeAll(coder, items.map((i) => ({ id: i.id, text: i.text, published: i.date })));
    const report = scoreNews(items, coded.events);
    const recall = actorRecall(probesOfNews(items), coded.mentions);
    return options.json ? `${JSON.stringify({ ...report, actorRecall: recall }, null, 2)}\n` : formatNewsReport(report, recall, quiet);
  }
  const items = readGold(gold, options.goldFormat);
  const coded = codeAll(coder, items.map((i) => ({ id: i.id, text: i.text, published: i.date })));
  const report = score(items, coded.events);
  const recall = actorRecall(probesOfGold(items), coded.mentions);
  return options.json ? `${JSON.stringify({ ...report, actorRecall: recall }, null, 2)}\n` : formatReport(report, quiet, actorRecallLine(recall));
}

function levelLines(name: string, level: LevelReport): string[] {
  const o = level.overall;
  const lines = [`${LEVEL_NAMES[name] ?? name}: P ${pct(o.precision)}  R ${pct(o.recall)}  F1 ${pct(o.f1)}   (tp ${o.tp}, fp ${o.fp}, fn ${o.fn})`];
  for (const [type, c] of Object.entries(level.byType).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`    ${type.padEnd(12)} P ${pct(c.precision)}  R ${pct(c.recall)}  F1 ${pct(c.f1)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`);
  }
  return lines;
}

/** The human-readable report: summary per level and type, then every miss and false positive. */
export function formatReport(report: EvalReport, quiet: boolean, recallLine: string | null = null): string {
  const out = [`items ${report.items}, expected events ${report.goldEvents}, coded events ${report.codedEvents} (${report.unscored} with no type in the gold's scheme)`, ''];
  for (const [name, level] of Object.entries(report.levels)) out.push(...levelLines(name, level), '');
  if (recallLine !== null) out.push(recallLine, '');
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

/** What the user's PETRARCH dictionaries hold that dyad left out: a count, and each note unless there are many. */
export function printNotes(io: CliIO, notes: readonly KnowledgeIssue[]): void {
  if (!notes.length) return;
  io.stderr.write(`dyad: ${notes.length} dictionary line(s) read in part or left out:\n`);
  for (const n of notes.slice(0, 20)) io.stderr.write(`  ${n.file}:${n.line ?? '?'}: ${n.message}\n`);
  if (notes.length > 20) io.stderr.write(`  ... and ${notes.length - 20} more\n`);
}

export function registerEval(program: Command, io: CliIO, done: (exitCode: number) => void): void {
  program
    .command('eval')
    .summary('score the coder against hand-coded events')
    .description('Code the texts of a gold file and score them: precision, recall and F1, lenient and strict, overall and per type, with every miss and false positive.')
    .argument('<gold>', 'gold file (PLOVER JSON Lines, our CAMEO JSON Lines, news ledes JSON Lines, or a seed .expected.json)')
    .addOption(new Option('--gold-format <format>', 'format of the gold file').choices(evalFormats).makeOptionMandatory())
    .option('--json', 'print the report as JSON')
    .option('--dictionary <file>', 'extra dictionary (dyad YAML actors, or PETRARCH .actors/.agents/.verbs/.discards); repeatable', (v: string, prev: readonly string[] | undefined) => [...(prev ?? []), v])
    .option('--only-dictionaries', "code with the --dictionary files alone, not dyad's own actors and patterns")
    .option('--cameo-verbs', "also the CAMEO verb patterns converted from PETRARCH's CAMEO.2.0.txt (opt-in)")
    .option('-q, --quiet', 'only the scores, not the lists of misses and false positives')
    .addOption(new Option('--clause-reading <how>', 'how source and target are read: word windows, or the parse').choices(clauseReadings))
    .action(async (gold: string, options: EvalOptions) => {
      try {
        const { createCoder } = await import('../../index.js');
        // Scores must not depend on the machine's load: no time budget per document.
        const coder = createCoder({ dictionaries: options.dictionary ?? [], onlyDictionaries: options.onlyDictionaries === true, cameoVerbs: options.cameoVerbs === true, clauseReading: options.clauseReading, docTimeout: 0 });
        printNotes(io, coder.knowledge.notes);
        io.stdout.write(evaluate(coder, gold, options));
        done(0);
      } catch (err) {
        printError(io, err, gold);
        done(1);
      }
    });
}
