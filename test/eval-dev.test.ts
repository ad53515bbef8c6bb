/**
 * Accuracy on the PLOVER gold-standard dev set (../shared/eval/plover-gsr-dev.jsonl, 161 hand-coded
 * sentences). Runs `dyad eval` as a user would and fails below the targets: type-only F1 0.80
 * and type-plus-actors F1 0.70 (measured 2026-11-29: 0.846 and 0.736).
 */
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertEvalMeets } from './eval-run.js';

const devFile = fileURLToPath(new URL('../../shared/eval/plover-gsr-dev.jsonl', import.meta.url));
const missing = !existsSync(devFile) && 'needs ../shared/eval/plover-gsr-dev.jsonl (absent here)';

test('dyad eval on the PLOVER dev set meets the targets: type-only F1 >= 0.80, type-plus-actors F1 >= 0.70', { skip: missing }, async () => {
  await assertEvalMeets(devFile, { minItems: 150, typeOnly: 0.80, typePlusActors: 0.70 });
});
