/**
 * npm run build:clusters: distributional word clusters for the parser (src/parse/cluster-build.ts)
 * from the unlabeled news text of ../shared/corpus (Reuters-21578 and Wikinews politics); writes
 * data/parse/clusters.tsv (one "path<TAB>word" line per word, most frequent first). Only words and
 * their cluster paths are written, never the text. Deterministic: the same corpus gives the same file.
 *
 *   npm run build:clusters -- [--depth 10] [--min-count 5] [--out file]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clusterPaths, corpusTokens } from '../src/parse/cluster-build.js';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const outAt = process.argv.indexOf('--out');
const out = outAt > 0 ? process.argv[outAt + 1] : fileURLToPath(new URL('../data/parse/clusters.tsv', import.meta.url));
const SOURCES = ['reuters21578.jsonl', 'wikinews-politics.jsonl'];
const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

const t0 = performance.now();
const sents: string[][] = [];
for (const file of SOURCES) {
  for (const line of readFileSync(`${corpus}${file}`, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { text } = JSON.parse(line) as { text: string };
    for (const para of text.split(/\n\s*\n|(?<=[.!?])\s+(?=[A-Z"])/)) {
      const toks = corpusTokens(para);
      if (toks.length > 0) sents.push(toks);
    }
  }
}
const tokens = sents.reduce((n, s) => n + s.length, 0);
console.log(`${sents.length} sentences, ${tokens} tokens (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
const paths = clusterPaths(sents, {
  minCount: arg('min-count', 5), maxWords: arg('max-words', 60000), contexts: 2000, dims: arg('dims', 256),
  depth: arg('depth', 10), minLeaf: arg('min-leaf', 4), alpha: arg('alpha', 1),
});
const lines = [...paths.entries()].map(([w, p]) => `${p}\t${w}`);
const head = [
  '# dyad word clusters: bisecting 2-means over PPMI context vectors (scripts/build-clusters.ts)',
  `# source: ${SOURCES.join(', ')} (../shared/corpus), ${tokens} tokens; words and cluster paths only, no text`,
  '# licence: derived from Reuters-21578 Distribution 1.0 (research use) and English Wikinews (CC BY 2.5)',
];
writeFileSync(out, `${[...head, ...lines].join('\n')}\n`);
console.log(`wrote ${out}: ${lines.length} words, ${new Set(paths.values()).size} clusters (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
