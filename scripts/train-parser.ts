/**
 * npm run train:parser: trains dyad's tagger and dependency parser on UD English-EWT
 * (../shared/treebank/en_ewt, CC BY-SA 4.0) and writes data/parse/en_ewt.dyadparse.
 * Fixed seed: the same treebank and options give the same file, byte for byte.
 *
 *   npm run train:parser                      # the committed model
 *   npm run train:parser -- --epochs 2 --out /tmp/quick.dyadparse
 *   npm run build:clusters && npm run train:parser -- --features full   # + word clusters, runner-up tags
 */
import { existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NO_CLUSTERS, readClusters } from '../src/parse/clusters.js';
import { FULL_FEATURES, LEGACY_FEATURES } from '../src/parse/feature-set.js';
import { readConllu } from '../src/parse/conllu.js';
import { evaluateParser } from '../src/parse/evaluate.js';
import { encodeModel } from '../src/parse/model-file.js';
import { Parser } from '../src/parse/parser.js';
import { jackknifeTags, prepare, trainParser, trainTagger } from '../src/parse/train.js';
import { tagAtomsAlt } from '../src/parse/tagger.js';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const outAt = process.argv.indexOf('--out');
const out = outAt > 0 ? process.argv[outAt + 1] : fileURLToPath(new URL('../data/parse/en_ewt.dyadparse', import.meta.url));
const EPOCHS = arg('epochs', 12);
const TAGGER_EPOCHS = arg('tagger-epochs', 8);
const FOLDS = arg('folds', 4);
const JACKKNIFE_EPOCHS = arg('jackknife-epochs', 8);
const SEED = arg('seed', 20261202);
const PRUNE = arg('prune', 0.5);
const ACTION_BITS = arg('action-bits', 22);
const RELATION_BITS = arg('relation-bits', 19);

// --features full: the templates of word clusters (data/parse/clusters.tsv, npm run build:clusters; or
// --clusters file, beside the model) and of the tagger's runner-up tags; legacy: without them.
const FULL = process.argv.includes('--features') && process.argv[process.argv.indexOf('--features') + 1] === 'full';
const features = FULL ? FULL_FEATURES : LEGACY_FEATURES;
const clustersAt = process.argv.indexOf('--clusters');
const clusterFile = clustersAt > 0 ? process.argv[clustersAt + 1] : fileURLToPath(new URL('../data/parse/clusters.tsv', import.meta.url));
const clusters = FULL && clusterFile !== 'none' && existsSync(clusterFile) ? readClusters(clusterFile) : NO_CLUSTERS;
if (clusters !== NO_CLUSTERS && resolve(dirname(clusterFile)) !== resolve(dirname(out))) {
  console.error(`train:parser: the cluster file must sit beside the model (${dirname(out)})`);
  process.exit(1);
}
const clusterMeta = clusters === NO_CLUSTERS ? {} : { clusters: { file: basename(clusterFile), digest: clusters.digest } };
const featureMeta = FULL ? { features } : {};

const dir = fileURLToPath(new URL('../../shared/treebank/en_ewt/', import.meta.url));
const t0 = performance.now();
const log = (s: string): void => console.log(`[${((performance.now() - t0) / 1000).toFixed(0)} s] ${s}`);
const train = readConllu(`${dir}en_ewt-ud-train.conllu`);
const dev = readConllu(`${dir}en_ewt-ud-dev.conllu`);
const freq = new Map<string, number>();
for (const s of train) for (const w of s.words) freq.set(w.rel, (freq.get(w.rel) ?? 0) + 1);
if (!freq.has('dep')) freq.set('dep', 0);
const labels = [...freq.keys()].sort((a, b) => freq.get(b)! - freq.get(a)! || a.localeCompare(b));
const sents = prepare(train, labels, clusters);
log(`${sents.length} training sentences, ${labels.length} relations, ${clusters.index.size} clustered words`);

const tagger = trainTagger(sents, TAGGER_EPOCHS, SEED, 18, features.tagger);
const taggerTable = { rows: tagger.rows, classes: tagger.classes, weights: tagger.averaged(PRUNE) };
log('tagger trained');
const tags = FOLDS > 1 ? jackknifeTags(sents, FOLDS, JACKKNIFE_EPOCHS, SEED, features.tagger) : sents.map((s) => tagAtomsAlt(taggerTable, s.atoms, features.tagger));
log(`training tags: ${FOLDS}-fold jackknife`);

const tables = trainParser(sents, tags, {
  labels, epochs: EPOCHS, seed: SEED, actionBits: ACTION_BITS, relationBits: RELATION_BITS, features, legacyExploration: !FULL,
  onEpoch: (e, m) => {
    if (e < EPOCHS - 1 && e % 3 !== 0) return;
    const model = { labels, clusters, features, tagger: taggerTable, actions: { rows: m.actions.rows, classes: 3, weights: m.actions.averaged(0) },
      relations: { rows: m.relations.rows, classes: labels.length, weights: m.relations.averaged(0) } };
    const s = evaluateParser(new Parser(model), dev);
    log(`epoch ${e + 1}: dev UAS ${s.uas.toFixed(4)} LAS ${s.las.toFixed(4)} (tags ${s.tagAccuracy.toFixed(4)})`);
  },
});
const model = {
  labels, clusters, features, tagger: taggerTable,
  actions: { rows: tables.actions.rows, classes: 3, weights: tables.actions.averaged(PRUNE) },
  relations: { rows: tables.relations.rows, classes: labels.length, weights: tables.relations.averaged(PRUNE) },
};
const buf = encodeModel(model, {
  source: 'UD English-EWT (Universal Dependencies), en_ewt-ud-train.conllu; trained by scripts/train-parser.ts',
  licence: 'CC BY-SA 4.0',
  ...clusterMeta,
  ...featureMeta,
});
writeFileSync(out, buf);
const s = evaluateParser(new Parser(model), dev);
log(`wrote ${out} (${(buf.length / 1e6).toFixed(1)} MB); dev UAS ${s.uas.toFixed(4)} LAS ${s.las.toFixed(4)} tags ${s.tagAccuracy.toFixed(4)}`);
