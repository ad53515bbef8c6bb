/**
 * How many of the feature templates a model uses, per classifier. Templates are only ever added at
 * the end, so a model trained with fewer reads its features exactly as it was trained: `LEGACY` is the
 * set of the models before word clusters and runner-up tags (84 transition, 32 relation, 30 tagger
 * templates); a model file without a `features` entry in its header uses it.
 */
import { ACTION_FEATURES, LABEL_FEATURES } from './features.js';
import { TAGGER_FEATURES } from './tagger.js';

export interface FeatureSet {
  readonly tagger: number;
  readonly actions: number;
  readonly labels: number;
}

export const LEGACY_FEATURES: FeatureSet = { tagger: 30, actions: 84, labels: 32 };
export const FULL_FEATURES: FeatureSet = { tagger: TAGGER_FEATURES, actions: ACTION_FEATURES, labels: LABEL_FEATURES };

/** A feature set read from a model header, checked against the templates this code has. */
export function validFeatureSet(f: FeatureSet): boolean {
  return [f.tagger, f.actions, f.labels].every(Number.isInteger) && f.tagger >= 1 && f.tagger <= TAGGER_FEATURES &&
    f.actions >= 1 && f.actions <= ACTION_FEATURES && f.labels >= 1 && f.labels <= LABEL_FEATURES;
}
