/**
 * Test helper: runs `dyad eval FILE --gold-format plover --json` as a user would and asserts the
 * type-only and type-plus-actors F1 against the floors given.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/dyad.js', import.meta.url));

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

export function assertEvalMeets(goldFile: string, floors: EvalFloors): void {
  const r = spawnSync(process.execPath, [BIN, 'eval', goldFile, '--gold-format', 'plover', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as EvalJson;
  const typeOnly = report.levels.typeOnly.overall;
  const lenient = report.levels.lenient.overall;
  assert.ok(report.items >= floors.minItems, `the set has at least ${floors.minItems} items (read ${report.items})`);
  const line = (o: Overall): string => `F1 ${o.f1.toFixed(3)} (tp ${o.tp}, fp ${o.fp}, fn ${o.fn})`;
  assert.ok(typeOnly.f1 >= floors.typeOnly, `type-only ${line(typeOnly)} is under ${floors.typeOnly}`);
  assert.ok(lenient.f1 >= floors.typePlusActors, `type-plus-actors ${line(lenient)} is under ${floors.typePlusActors}`);
}
