/**
 * Accuracy on real news ledes (../shared/eval/news-dev.jsonl: 100 BBC, Wikinews and Reuters ledes
 * coded by hand at document level, 118 required events; rules in ../shared/eval/README.md). Runs
 * `dyad eval --gold-format news` as a user would and fails under floors set just below what the
 * coder reaches, raised as it improves. Issue 10's targets are root+source+target F1 0.60 and
 * event+root F1 0.70; measured 2026-12-02 before any coder change: 0.058 and 0.195, actor recall 0.569;
 * after coreference by role and recency, the past-perfect date rule and the Phoenix actor import
 * (knowledge issue): 0.069 and 0.240, actor recall 0.638; with main's party import: 0.089, 0.271, 0.776;
 * 2026-12-07, after the actor rules of that session (party adjectives, surnames, "it"/"they", offices and
 * agent nouns taking the story's country, appositions, byPerson): 0.202, 0.370, 0.836; later that day
 * (offices as two people and as antecedents, relative-pronoun subjects, name-calling, name particles,
 * participle clauses): 0.216, 0.402, 0.845; then (a noun's "by", "but"-coordination, claimed acts, agents
 * apart from their government): 0.251, 0.406, 0.853; then ("publish" as a light verb, talks in a host's
 * seat): 0.269, 0.414, 0.853; 2026-12-07 (second session), the parse read first (parse-first clause reading
 * as the default, with coordinated modifiers, apposition and dateline repairs): 0.283, 0.436, 0.853; 2026-12-07 (third session: a demonym owning an unknown doer, civilians'
 * attacks as 180): 0.300, 0.453, 0.853.
 */
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import type { ActorRecall } from '../src/eval/actor-recall.js';
import type { NewsReport } from '../src/eval/news-score.js';
import { formatNewsReport } from '../src/cli/commands/eval-news.js';
import { assertNewsEvalMeets } from './eval-run.js';

const newsFile = fileURLToPath(new URL('../../shared/eval/news-dev.jsonl', import.meta.url));
const missing = !existsSync(newsFile) && 'needs ../shared/eval/news-dev.jsonl (absent here)';
const floors = { minItems: 100, full: 0.30, eventRoot: 0.45, actorRecall: 0.84 };

test(`dyad eval on the news dev ledes: root+source+target F1 >= ${floors.full}, event+root F1 >= ${floors.eventRoot}, actor recall >= ${floors.actorRecall}`, { skip: missing }, async () => {
  const json = (await assertNewsEvalMeets(newsFile, floors)) as NewsReport & { readonly actorRecall: ActorRecall };
  // The report lists every gold source the actor stage did not find, so a user sees who dyad does not know.
  const text = formatNewsReport(json, json.actorRecall, false);
  const listed = text.slice(text.indexOf('sources not found')).split('\n').filter((l) => l.startsWith('  ['));
  assert.equal(listed.length, json.actorRecall.of - json.actorRecall.found);
});
