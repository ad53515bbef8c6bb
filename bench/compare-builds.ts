/**
 * Two builds of dyad in one process, alternating per article with bare wink-nlp (sentence split,
 * tokens, POS), on the same Reuters and Wikinews articles: the fair before/after on a shared, noisy
 * machine (each article is coded by both within a few milliseconds). Each build is a compiled
 * `dist/index.js`, e.g. of a worktree at an earlier commit:
 *
 *   git worktree add --detach /tmp/before <commit> && (cd /tmp/before && ln -s "$PWD/node_modules" . && npx tsc -p tsconfig.build.json)
 *   node --import tsx bench/compare-builds.ts /tmp/before/dist/index.js dist/index.js [articles] [warm-up]
 *
 * Prints, per corpus, each build's time and its ratio to bare wink, and the speed-up of the second.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import winkModel from 'wink-eng-lite-web-model';
import type { CodingResult, DocInput } from '../src/index.js';
import { firstLines } from './speed.js';

interface Build {
  code(input: DocInput): CodingResult;
}

const corpusDir = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

async function load(index: string): Promise<Build> {
  const mod = (await import(pathToFileURL(resolve(index)).href)) as { createCoder: () => Build };
  return mod.createCoder();
}

function timed(f: () => void): number {
  const t = performance.now();
  try {
    f();
  } catch {
    // a document refused still costs its time
  }
  return performance.now() - t;
}

async function main(): Promise<void> {
  const [before, after, n = '400', warm = '100'] = process.argv.slice(2);
  if (!before || !after || !existsSync(before) || !existsSync(after)) {
    console.log('usage: node --import tsx bench/compare-builds.ts BEFORE/dist/index.js AFTER/dist/index.js [articles] [warm-up]');
    return;
  }
  const [a, b] = [await load(before), await load(after)];
  const nlp = winkNLP(winkModel, ['sbd', 'pos']);
  for (const file of ['reuters21578.jsonl', 'wikinews-politics.jsonl']) {
    const lines = firstLines(corpusDir + file, Number(n) + Number(warm));
    const ms = { wink: 0, before: 0, after: 0 };
    lines.forEach((line, k) => {
      const r = JSON.parse(line) as { id: string; text: string; title?: string | null; date?: string | null };
      const input: DocInput = { id: r.id, text: r.text, title: r.title ?? null, published: r.date ? r.date.slice(0, 10) : null };
      const w = timed(() => {
        const d = nlp.readDoc(r.text);
        d.sentences().length();
        d.tokens().out(nlp.its.value);
        d.tokens().out(nlp.its.pos);
      });
      const x = timed(() => a.code(input));
      const y = timed(() => b.code(input));
      if (k < Number(warm)) return;
      ms.wink += w;
      ms.before += x;
      ms.after += y;
    });
    console.log(`${file}: ${lines.length - Number(warm)} articles after ${warm} of warm-up`);
    console.log(`  before ${ms.before.toFixed(0)} ms (${(ms.wink / ms.before).toFixed(3)} of bare wink), after ${ms.after.toFixed(0)} ms (${(ms.wink / ms.after).toFixed(3)}): ${(ms.before / ms.after).toFixed(2)}x`);
  }
}

await main();
