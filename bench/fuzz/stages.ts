/**
 * Stage probe: node --import tsx bench/fuzz/stages.ts MUTATION [COUNT] [REPEATS] — codes COUNT seed texts
 * after one text mutation (e.g. punctuationOnly, numbersOnly, none) REPEATS times each and prints the
 * mean CPU ms per document of each pipeline stage and of assembling, slowest stage first.
 */
import { assemble } from '../../src/assemble/assemble.js';
import type { Doc } from '../../src/core/doc.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { toDoc } from '../../src/index.js';
import { defaultPipeline } from '../../src/pipeline.js';
import { seedTexts } from '../fuzz.js';
import { Random, TEXT_MUTATIONS } from './mutate.js';

const [mutation, count, repeats] = [process.argv[2] ?? 'none', Number(process.argv[3] ?? '50'), Number(process.argv[4] ?? '3')];
const knowledge = loadKnowledge({});
const pipeline = defaultPipeline({ dates: process.env.DATES === 'all' ? 'all' : 'events' });
pipeline.warm();
const texts = seedTexts();
const r = new Random(42);
const docs = Array.from({ length: count }, () => {
  const t = r.pick(texts);
  return mutation === 'none' ? t : TEXT_MUTATIONS[mutation](t, r);
});
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const spent = new Map<string, number>();
const add = (name: string, ms: number): void => { spent.set(name, (spent.get(name) ?? 0) + ms); };
let bytes = 0;
for (let rep = 0; rep < repeats + 1; rep++) {
  for (const text of docs) {
    if (rep > 0) bytes += Buffer.byteLength(text);
    let doc: Doc = toDoc({ text, published: '2024-05-14' });
    for (const stage of pipeline.stages) {
      const t0 = cpu();
      doc = stage.run(doc, { knowledge, clauseReading: 'window' });
      if (rep > 0) add(stage.name, cpu() - t0);
    }
    const t0 = cpu();
    const result = assemble(doc, knowledge, 'expand');
    JSON.stringify(result);
    if (rep > 0) add('assemble', cpu() - t0);
  }
}
const n = count * repeats;
const total = [...spent.values()].reduce((a, b) => a + b, 0);
console.log(`${mutation}: ${n} documents, mean ${(bytes / n).toFixed(0)} B, ${(total / n).toFixed(2)} ms per document`);
for (const [name, ms] of [...spent].sort((a, b) => b[1] - a[1])) console.log(`  ${name.padEnd(10)} ${(ms / n).toFixed(2)} ms`);
