/**
 * Accuracy on our own held-out style set (test/fixtures/eval-own.jsonl: 61 wire-style sentences written
 * for this project, hand-coded as PLOVER gold, spread over all 16 PLOVER types). Runs `dyad eval` as a
 * user would and fails below floors a little under what the coder reached (2026-11-29: type-only F1 0.943,
 * type-plus-actors F1 0.816), so a change that loses generality on text it was not tuned on shows here.
 */
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assertEvalMeets } from './eval-run.js';

const ownFile = fileURLToPath(new URL('./fixtures/eval-own.jsonl', import.meta.url));
const floors = { minItems: 60, typeOnly: 0.90, typePlusActors: 0.76 };

test(`dyad eval on our own set: type-only F1 >= ${floors.typeOnly}, type-plus-actors F1 >= ${floors.typePlusActors}`, async () => {
  await assertEvalMeets(ownFile, floors);
});

/**
 * A second set of ours (test/fixtures/eval-own-2.jsonl: 32 news-lede sentences written 2026-12-07, hand-coded
 * before the coder ever saw them). On first sight, with the coder of that morning: type-only F1 0.892,
 * type-plus-actors 0.783 (after correcting two gold entries of ours to the CAMEO-PLOVER crosswalk: imposing
 * sanctions, 163, is COERCE; "will provide aid" is an intention, AGREE). Rules found on it that day (exchange
 * of fire, burning in effigy, sharing as mutual, a longer place or a capital as where an agent is, refusing to let
 * peacekeepers in, ordering a newspaper closed) brought it to 0.970 /
 * 0.914; the first-sight figure is the one that says how the coder generalises.
 */
const ownFile2 = fileURLToPath(new URL('./fixtures/eval-own-2.jsonl', import.meta.url));
const floors2 = { minItems: 32, typeOnly: 0.88, typePlusActors: 0.80 };

test(`dyad eval on our second set: type-only F1 >= ${floors2.typeOnly}, type-plus-actors F1 >= ${floors2.typePlusActors}`, async () => {
  await assertEvalMeets(ownFile2, floors2);
});

/**
 * A third and a fourth set of ours (test/fixtures/eval-own-3.jsonl, 34 sentences; eval-own-4.jsonl, 36), each
 * written and coded by hand on 2026-12-08 before the coder saw it (the sentences with no event are in the
 * *-none.jsonl files, CAMEO format). First sight: the third 0.813 / 0.615 (type-only / type-plus-actors, coder
 * at 30a2273), the fourth 0.762 / 0.585 (coder at a8c4245). Rules of English found on them that day (a
 * relative clause set off by commas, an adviser as an office, counts in a gap, violence named by a passive's
 * by-phrase, conditional threats, a demonym before a group, relief goods, the place of a meeting, a passive
 * that names its doer) brought them to 0.896 / 0.735 and 0.848 / 0.647; the first-sight figures are the ones
 * that say how the coder generalises.
 */
const ownFile3 = fileURLToPath(new URL('./fixtures/eval-own-3.jsonl', import.meta.url));
const floors3 = { minItems: 34, typeOnly: 0.86, typePlusActors: 0.70 };

test(`dyad eval on our third set: type-only F1 >= ${floors3.typeOnly}, type-plus-actors F1 >= ${floors3.typePlusActors}`, async () => {
  await assertEvalMeets(ownFile3, floors3);
});

const ownFile4 = fileURLToPath(new URL('./fixtures/eval-own-4.jsonl', import.meta.url));
const floors4 = { minItems: 36, typeOnly: 0.80, typePlusActors: 0.60 };

test(`dyad eval on our fourth set: type-only F1 >= ${floors4.typeOnly}, type-plus-actors F1 >= ${floors4.typePlusActors}`, async () => {
  await assertEvalMeets(ownFile4, floors4);
});
