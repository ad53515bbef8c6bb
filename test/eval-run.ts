/**
 * Test helper: runs `dyad eval FILE --gold-format plover|news --json` as a user would (the CLI in this
 * process, test/in-process.ts) and asserts the F1 figures against the floors given.
 */
import assert from 'node:assert/strict';
import { runCli } from './in-process.js';

interface Overall {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly f1: number;
}

interface EvalJson {
  readonly items: number;
  readonly levels: { readonly typeOnly: { readonly overall: Overall }; readonly lenient: { readonly overall: Overall } };
}

export interface EvalFloors {
  readonly minItems: number;
  readonly typeOnly: number;
  readonly typePlusActors: number;
}

async function runEval(goldFile: string, format: 'plover' | 'news'): Promise<unknown> {
  const r = await runCli(['eval', goldFile, '--gold-format', format, '--json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

const line = (o: Overall): string => `F1 ${o.f1.toFixed(3)} (tp ${o.tp}, fp ${o.fp}, fn ${o.fn})`;

export async function assertEvalMeets(goldFile: string, floors: EvalFloors): Promise<void> {
  const report = (await runEval(goldFile, 'plover')) as EvalJson;
  const typeOnly = report.levels.typeOnly.overall;
  const lenient = report.levels.lenient.overall;
  assert.ok(report.items >= floors.minItems, `the set has at least ${floors.minItems} items (read ${report.items})`);
  assert.ok(typeOnly.f1 >= floors.typeOnly, `type-only ${line(typeOnly)} is under ${floors.typeOnly}`);
  assert.ok(lenient.f1 >= floors.typePlusActors, `type-plus-actors ${line(lenient)} is under ${floors.typePlusActors}`);
}

interface Share { readonly right: number; readonly of: number; readonly share: number }

interface NewsJson {
  readonly items: number;
  readonly full: { readonly overall: Overall };
  readonly eventRoot: { readonly overall: Overall };
  readonly attributes: { readonly modality: Share; readonly date: Share };
  readonly actorRecall: { readonly recall: number; readonly found: number; readonly of: number };
}

export interface NewsFloors {
  readonly minItems: number;
  /** root + source + target F1 */
  readonly full: number;
  /** event + root F1 (actors ignored) */
  readonly eventRoot: number;
  /** actor recall: gold sources found as a mention of the right country in their quote */
  readonly actorRecall: number;
}

/** Checks the floors; returns the report (`dyad eval --json`) for further checks. */
export async function assertNewsEvalMeets(goldFile: string, floors: NewsFloors): Promise<unknown> {
  const report = (await runEval(goldFile, 'news')) as NewsJson;
  assert.ok(report.items >= floors.minItems, `the set has at least ${floors.minItems} items (read ${report.items})`);
  assert.ok(report.full.overall.f1 >= floors.full, `root+source+target ${line(report.full.overall)} is under ${floors.full}`);
  assert.ok(report.eventRoot.overall.f1 >= floors.eventRoot, `event+root ${line(report.eventRoot.overall)} is under ${floors.eventRoot}`);
  const ar = report.actorRecall;
  assert.ok(ar.recall >= floors.actorRecall, `actor recall ${ar.recall.toFixed(3)} (${ar.found} of ${ar.of}) is under ${floors.actorRecall}`);
  return report;
}
