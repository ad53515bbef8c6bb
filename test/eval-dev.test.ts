/**
 * Accuracy on the PLOVER gold-standard dev set (../shared/eval/plover-gsr-dev.jsonl, 161 hand-coded
 * sentences). Runs `dyad eval` as a user would and fails below the targets: type-only F1 0.80
 * and type-plus-actors F1 0.70 (measured 2026-11-29: 0.846 and 0.736).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/dyad.js', import.meta.url));
const devFile = fileURLToPath(new URL('../../shared/eval/plover-gsr-dev.jsonl', import.meta.url));
const missing = !existsSync(devFile) && 'needs ../shared/eval/plover-gsr-dev.jsonl (absent here)';

const TYPE_ONLY_TARGET = 0.80;
const TYPE_PLUS_ACTORS_TARGET = 0.70;

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

test('dyad eval on the PLOVER dev set meets the targets: type-only F1 >= 0.80, type-plus-actors F1 >= 0.70', { skip: missing }, () => {
  const r = spawnSync(process.execPath, [BIN, 'eval', devFile, '--gold-format', 'plover', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as EvalJson;
  const typeOnly = report.levels.typeOnly.overall;
  const lenient = report.levels.lenient.overall;
  assert.ok(report.items >= 150, 'the dev set has its 161 items');
  const line = (o: Overall): string => `F1 ${o.f1.toFixed(3)} (tp ${o.tp}, fp ${o.fp}, fn ${o.fn})`;
  assert.ok(typeOnly.f1 >= TYPE_ONLY_TARGET, `type-only ${line(typeOnly)} is under ${TYPE_ONLY_TARGET}`);
  assert.ok(lenient.f1 >= TYPE_PLUS_ACTORS_TARGET, `type-plus-actors ${line(lenient)} is under ${TYPE_PLUS_ACTORS_TARGET}`);
});
