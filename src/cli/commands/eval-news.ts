/** Printing for `dyad eval --gold-format news` and the actor-recall line every format prints. */
import type { ActorRecall } from '../../eval/actor-recall.js';
import type { NewsLevelReport, NewsReport, Share } from '../../eval/news-score.js';

const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);

function levelLine(name: string, level: NewsLevelReport): string {
  const o = level.overall;
  return `${name}: P ${pct(o.precision)}  R ${pct(o.recall)}  F1 ${pct(o.f1)}   (tp ${o.tp}, fp ${o.fp}, fn ${o.fn}; ${level.optional} on optional gold, not scored)`;
}

function rootTable(full: NewsLevelReport, eventRoot: NewsLevelReport): string[] {
  const roots = [...new Set([...Object.keys(full.byRoot), ...Object.keys(eventRoot.byRoot)])].sort();
  const lines = ['per root      root+source+target      event+root', '              tp   fn   fp          tp   fn   fp'];
  const z = { tp: 0, fn: 0, fp: 0 };
  for (const root of roots) {
    const f = full.byRoot[root] ?? z;
    const e = eventRoot.byRoot[root] ?? z;
    const n = (x: number): string => String(x).padStart(4);
    lines.push(`    ${root.padEnd(8)}${n(f.tp)} ${n(f.fn)} ${n(f.fp)}        ${n(e.tp)} ${n(e.fn)} ${n(e.fp)}`);
  }
  return lines;
}

const share = (name: string, s: Share): string => `    ${name.padEnd(28)} ${pct(s.share)}%  (${s.right} of ${s.of})`;

export function formatNewsReport(report: NewsReport, recall: ActorRecall, quiet: boolean): string {
  const a = report.attributes;
  const out = [
    `items ${report.items}, required events ${report.requiredEvents} (optional ${report.optionalEvents}), coded events ${report.codedEvents}`,
    '',
    levelLine('root + source + target', report.full),
    levelLine('event + root (actors ignored)', report.eventRoot),
    '',
    ...rootTable(report.full, report.eventRoot),
    '',
    'over matched required events (root + source + target):',
    share('modality right', a.modality),
    share('date right (gold has a date)', a.date),
    share('no date (gold has none)', a.noDate),
    share('source sector right', a.sourceSector),
    share('same full code', a.fullCode),
    '',
    actorRecallLine(recall),
  ];
  if (!quiet) {
    const full = report.full;
    out.push('', `misses (${full.misses.length}, root + source + target):`);
    for (const m of full.misses) out.push(`  [${m.goldId}] expected ${m.expected} "${m.trigger}": ${m.why}`, `      ${m.text}`);
    out.push('', `false positives (${full.falsePositives.length}, root + source + target):`);
    for (const f of full.falsePositives) out.push(`  [${f.itemId}] coded ${f.coded} "${f.trigger}": ${f.why}`, `      ${f.text}`);
    out.push('', `sources not found as a mention of their country (${recall.missed.length}):`);
    for (const p of recall.missed) out.push(`  [${p.itemId}] ${p.label}`);
  }
  return `${out.join('\n')}\n`;
}

export function actorRecallLine(recall: ActorRecall): string {
  return `actor recall (gold sources found as a mention of the right country): ${pct(recall.recall)}%  (${recall.found} of ${recall.of})`;
}
