/**
 * The run-time tagger and parser: greedy arc-hybrid parsing with a linear transition classifier
 * and a linear relation classifier, over the word forms of one sentence.
 */
import { sentenceAtoms, UPOS, type Atoms } from './atoms.js';
import { NO_CLUSTERS, type WordClusters } from './clusters.js';
import { LEGACY_FEATURES, type FeatureSet } from './feature-set.js';
import { ACTION_FEATURES, actionFeatures, LABEL_FEATURES, labelFeatures, punctCounts, type ParseInput } from './features.js';
import { score3, scoreSparse, sparseTable, type RuntimeTable, type SparseTable } from './perceptron.js';
import { LEFT, ParseState, RIGHT, SHIFT } from './state.js';
import { tagSparse, TAGGER_FEATURES, type Tagged } from './tagger.js';

export interface ParserModel {
  /** UD relations, in class order. */
  readonly labels: readonly string[];
  readonly tagger: RuntimeTable;
  readonly actions: RuntimeTable;
  readonly relations: RuntimeTable;
  /** The word clusters the model was trained with (none: every word's cluster is unknown). */
  readonly clusters?: WordClusters;
  /** The templates the model uses (absent: LEGACY_FEATURES). */
  readonly features?: FeatureSet;
}

/** A model in the parser's own run-time form (`readCompiledModel` reads one straight from the file). */
export interface CompiledModel {
  readonly labels: readonly string[];
  readonly tagger: SparseTable;
  readonly actions: RuntimeTable;
  readonly relations: SparseTable;
  readonly clusters?: WordClusters;
  /** The templates the model uses (absent: LEGACY_FEATURES). */
  readonly features?: FeatureSet;
}

/** A parsed sentence; positions are 0-based word indices. */
export interface SentenceParse {
  /** Head of each word (0-based), -1 for the root. */
  readonly heads: Int32Array;
  readonly rels: readonly string[];
  /** UPOS of each word. */
  readonly tags: readonly string[];
}

export const PUNCT_TAG = UPOS.indexOf('PUNCT');

export class Parser {
  /** UD relations, in class order (the parser keeps its own run-time tables, not the model's dense ones). */
  readonly labels: readonly string[];
  readonly clusters: WordClusters;
  readonly features: FeatureSet;
  private readonly state = new ParseState();
  private readonly feats = new Uint32Array(Math.max(ACTION_FEATURES, LABEL_FEATURES));
  private readonly actionScores = new Float64Array(3);
  private readonly labelScores: Int32Array;
  private readonly rootLabel: number;
  private readonly tagger: SparseTable;
  private readonly relations: SparseTable;
  private readonly actions: RuntimeTable;
  private readonly tagFeats = new Uint32Array(TAGGER_FEATURES);
  private readonly tagScores = new Int32Array(UPOS.length);

  constructor(model: ParserModel | CompiledModel) {
    this.labels = model.labels;
    this.clusters = model.clusters ?? NO_CLUSTERS;
    this.features = model.features ?? LEGACY_FEATURES;
    if ('index' in model.tagger) {
      const m = model as CompiledModel;
      this.tagger = m.tagger;
      this.relations = m.relations;
      this.actions = m.actions;
    } else {
      const m = model as ParserModel;
      this.tagger = sparseTable(m.tagger);
      this.relations = sparseTable(m.relations);
      this.actions = m.actions;
    }
    this.labelScores = new Int32Array(model.labels.length);
    this.rootLabel = model.labels.indexOf('root');
  }

  /** The atoms of a sentence's words, with this model's clusters. */
  atoms(forms: readonly string[]): Atoms {
    return sentenceAtoms(forms, this.clusters);
  }

  tag(atoms: Atoms): Int32Array {
    return tagSparse(this.tagger, atoms, new Int32Array(atoms.n), this.tagFeats, this.tagScores, undefined, this.features.tagger);
  }

  /** Tags with the runner-up tags the parser's features read. */
  tagAlt(atoms: Atoms): Tagged {
    const alt = new Int32Array(atoms.n);
    return { tags: tagSparse(this.tagger, atoms, new Int32Array(atoms.n), this.tagFeats, this.tagScores, alt, this.features.tagger), alt };
  }

  /** Tags (unless given, as UPOS indices) and parses the words `forms`. */
  parse(forms: readonly string[], givenTags?: Int32Array): SentenceParse {
    const atoms = this.atoms(forms);
    const { tags, alt } = givenTags ? { tags: givenTags, alt: givenTags } : this.tagAlt(atoms);
    const input: ParseInput = { atoms, tags, alt, actionCount: this.features.actions, labelCount: this.features.labels, punct: punctCounts(tags, PUNCT_TAG) };
    const st = this.state;
    this.run(input, st);
    const heads = new Int32Array(forms.length);
    const rels: string[] = new Array<string>(forms.length);
    for (let i = 1; i <= forms.length; i++) {
      heads[i - 1] = st.heads[i] - 1;
      rels[i - 1] = this.labels[st.labels[i]];
    }
    return { heads, rels, tags: Array.from(tags, (t) => UPOS[t]) };
  }

  /** Runs the transition system to the end on `st` (heads and labels are left in it). */
  run(input: ParseInput, st: ParseState): void {
    st.reset(input.atoms.n);
    const feats = this.feats;
    const scores = this.actionScores;
    while (!st.done) {
      const nf = actionFeatures(input, st, feats);
      score3(this.actions, feats, nf, scores);
      let best = -1;
      for (let a = SHIFT; a <= RIGHT; a++) {
        if (st.valid(a) && (best < 0 || scores[a] > scores[best])) best = a;
      }
      let label = -1;
      if (best === LEFT || best === RIGHT) {
        const h = st.arcHead(best);
        const d = st.s(0);
        label = h === 0 ? this.rootLabel : this.bestLabel(input, st, h, d);
      }
      st.apply(best, label);
    }
  }

  bestLabel(input: ParseInput, st: ParseState, head: number, dep: number): number {
    const nf = labelFeatures(input, st, head, dep, this.feats);
    const scores = this.labelScores;
    scoreSparse(this.relations, this.feats, nf, scores);
    let best = -1;
    for (let c = 0; c < scores.length; c++) {
      if (c !== this.rootLabel && (best < 0 || scores[c] > scores[best])) best = c;
    }
    return best;
  }
}
