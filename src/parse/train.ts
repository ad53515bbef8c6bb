/**
 * Training the tagger and the parser from a treebank (used by scripts/train-parser.ts).
 * Deterministic: a seeded generator orders the sentences and decides exploration.
 * The parser learns with the arc-hybrid dynamic oracle and error exploration (Goldberg & Nivre
 * 2013): after the first epoch it follows its own prediction 90% of the time, so it learns to
 * recover from its mistakes.
 */
import { sentenceAtoms, uposIndex, UPOS, type Atoms } from './atoms.js';
import { NO_CLUSTERS, type WordClusters } from './clusters.js';
import type { FeatureSet } from './feature-set.js';
import type { TreebankSentence } from './conllu.js';
import { ACTION_FEATURES, actionFeatures, LABEL_FEATURES, labelFeatures, punctCounts, type ParseInput } from './features.js';
import { Perceptron, score } from './perceptron.js';
import { PUNCT_TAG } from './parser.js';
import { LEFT, ParseState, RIGHT, SHIFT } from './state.js';
import { TAGGER_FEATURES, tagAtomsAlt, taggerFeatures, type Tagged } from './tagger.js';
import { seededRandom } from '../core/random.js';

/** mulberry32. */
export const rng = seededRandom;

function shuffled(n: number, rand: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** A treebank sentence prepared for training; heads and labels are 1-based (index 0 = root). */
export interface TrainSentence {
  readonly atoms: Atoms;
  readonly goldTags: Int32Array;
  readonly heads: Int32Array;
  readonly labels: Int32Array;
}

function isDescendant(heads: Int32Array, k: number, h: number): boolean {
  for (let x = k, steps = 0; x > 0 && steps < heads.length; x = heads[x], steps++) if (x === h) return true;
  return h === 0;
}

/** Lifts non-projective arcs to the grandparent until the tree is projective. */
export function projectivize(heads: Int32Array): Int32Array {
  const h = Int32Array.from(heads);
  for (;;) {
    let worst = -1;
    let span = Infinity;
    for (let d = 1; d < h.length; d++) {
      const lo = Math.min(d, h[d]);
      const hi = Math.max(d, h[d]);
      for (let k = lo + 1; k < hi; k++) {
        if (!isDescendant(h, k, h[d])) {
          if (hi - lo < span) { span = hi - lo; worst = d; }
          break;
        }
      }
    }
    if (worst < 0) return h;
    h[worst] = h[h[worst]];
  }
}

export function prepare(sents: readonly TreebankSentence[], labels: readonly string[], clusters: WordClusters = NO_CLUSTERS): TrainSentence[] {
  const index = new Map(labels.map((l, i) => [l, i]));
  return sents.map((s) => {
    const n = s.words.length;
    const heads = new Int32Array(n + 1);
    const lab = new Int32Array(n + 1);
    heads[0] = -1;
    lab[0] = -1;
    s.words.forEach((w, i) => {
      heads[i + 1] = w.head;
      lab[i + 1] = index.get(w.rel) ?? index.get('dep')!;
    });
    return {
      atoms: sentenceAtoms(s.words.map((w) => w.form), clusters),
      goldTags: Int32Array.from(s.words, (w) => uposIndex(w.upos)),
      heads: projectivize(heads),
      labels: lab,
    };
  });
}

export function trainTagger(sents: readonly TrainSentence[], epochs: number, seed: number, rowBits = 18, count = TAGGER_FEATURES): Perceptron {
  const model = new Perceptron(rowBits, UPOS.length);
  const rand = rng(seed);
  const feats = new Uint32Array(TAGGER_FEATURES);
  const scores = new Float64Array(UPOS.length);
  for (let e = 0; e < epochs; e++) {
    for (const si of shuffled(sents.length, rand)) {
      const s = sents[si];
      const tags = new Int32Array(s.atoms.n);
      for (let i = 0; i < s.atoms.n; i++) {
        const n = taggerFeatures(s.atoms, i, tags, feats, count);
        score(model, feats, n, scores);
        let best = 0;
        for (let c = 1; c < UPOS.length; c++) if (scores[c] > scores[best]) best = c;
        model.update(feats, n, s.goldTags[i], best);
        model.tick();
        tags[i] = best;
      }
    }
  }
  return model;
}

/** Tags each sentence with a tagger trained on the other folds (so the parser trains on realistic tags). */
export function jackknifeTags(sents: readonly TrainSentence[], folds: number, epochs: number, seed: number, count = TAGGER_FEATURES): Tagged[] {
  const out: Tagged[] = new Array<Tagged>(sents.length);
  for (let f = 0; f < folds; f++) {
    const train = sents.filter((_, i) => i % folds !== f);
    const tagger = tagTable(trainTagger(train, epochs, seed + f, 18, count));
    sents.forEach((s, i) => {
      if (i % folds === f) out[i] = tagAtomsAlt(tagger, s.atoms, count);
    });
  }
  return out;
}

function tagTable(p: Perceptron): { rows: number; classes: number; weights: Int16Array } {
  return { rows: p.rows, classes: p.classes, weights: p.averaged(0) };
}

export interface ParserTables {
  readonly actions: Perceptron;
  readonly relations: Perceptron;
}

interface Scratch {
  readonly st: ParseState;
  readonly af: Uint32Array;
  readonly lf: Uint32Array;
  readonly as: Float64Array;
  readonly ls: Float64Array;
}

/**
 * The best-scoring class whose cost is at most `max` (costs[c] = Infinity: invalid). Invalid classes are
 * never chosen unless `invalidToo` (the legacy trainer's behaviour, see ParserTraining.legacyExploration).
 */
function bestWithin(scores: Float64Array, costs: readonly number[], max: number, invalidToo = false): number {
  let best = -1;
  for (let c = 0; c < scores.length; c++) {
    if ((invalidToo || costs[c] < Infinity) && costs[c] <= max && (best < 0 || scores[c] > scores[best])) best = c;
  }
  return best;
}

function bestLabel(scores: Float64Array, root: number): number {
  let best = -1;
  for (let c = 0; c < scores.length; c++) if (c !== root && (best < 0 || scores[c] > scores[best])) best = c;
  return best;
}

function trainSentence(m: ParserTables, input: ParseInput, s: TrainSentence, root: number, explore: () => boolean, x: Scratch, legacy: boolean): void {
  const { st, af, lf } = x;
  st.reset(s.atoms.n);
  const costs = [0, 0, 0];
  while (!st.done) {
    const nf = actionFeatures(input, st, af);
    score(m.actions, af, nf, x.as);
    let min = Infinity;
    for (let a = SHIFT; a <= RIGHT; a++) {
      costs[a] = st.valid(a) ? st.cost(a, s.heads) : Infinity;
      min = Math.min(min, costs[a]);
    }
    const pred = bestWithin(x.as, costs, Infinity, legacy);
    const truth = bestWithin(x.as, costs, min);
    m.actions.update(af, nf, truth, pred);
    m.actions.tick();
    const act = pred !== truth && !explore() ? truth : pred;
    let label = -1;
    if (act === LEFT || act === RIGHT) {
      const h = st.arcHead(act);
      const d = st.s(0);
      if (h === 0) label = root;
      else {
        const nl = labelFeatures(input, st, h, d, lf);
        score(m.relations, lf, nl, x.ls);
        const guess = bestLabel(x.ls, root);
        if (s.heads[d] === h) {
          m.relations.update(lf, nl, s.labels[d], guess);
          m.relations.tick();
        }
        label = s.heads[d] === h ? s.labels[d] : guess;
      }
    }
    st.apply(act, label);
  }
}

export interface ParserTraining {
  readonly labels: readonly string[];
  readonly epochs: number;
  readonly seed: number;
  readonly actionBits: number;
  readonly relationBits: number;
  readonly features: FeatureSet;
  /**
   * The trainer as it was when the committed model was trained: the predicted (and explored) action
   * may be one that is not valid in the state, which corrupts the state and can make training loop for
   * ever (it did with other templates). Kept only so that `npm run train:parser` still gives the
   * committed model byte for byte; new feature sets train without it.
   */
  readonly legacyExploration?: boolean;
  /** Called after each epoch (e.g. to print dev accuracy). */
  readonly onEpoch?: (epoch: number, tables: ParserTables) => void;
}

export function trainParser(sents: readonly TrainSentence[], tags: readonly Tagged[], o: ParserTraining): ParserTables {
  const m: ParserTables = { actions: new Perceptron(o.actionBits, 3), relations: new Perceptron(o.relationBits, o.labels.length) };
  const rand = rng(o.seed);
  const root = o.labels.indexOf('root');
  const x: Scratch = {
    st: new ParseState(), af: new Uint32Array(ACTION_FEATURES), lf: new Uint32Array(LABEL_FEATURES),
    as: new Float64Array(3), ls: new Float64Array(o.labels.length),
  };
  const inputs: ParseInput[] = sents.map((s, i) => ({ atoms: s.atoms, tags: tags[i].tags, alt: tags[i].alt, actionCount: o.features.actions, labelCount: o.features.labels, punct: punctCounts(tags[i].tags, PUNCT_TAG) }));
  for (let e = 0; e < o.epochs; e++) {
    const explore = e === 0 ? () => false : () => rand() < 0.9;
    for (const si of shuffled(sents.length, rand)) trainSentence(m, inputs[si], sents[si], root, explore, x, o.legacyExploration === true);
    o.onEpoch?.(e, m);
  }
  return m;
}
