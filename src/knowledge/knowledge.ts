/**
 * All of dyad's knowledge, loaded once from data/ (plus user dictionaries) and shared by every stage.
 * Each part is owned by the stage folder that uses it and validated when loaded.
 */
import type { CameoKnowledge } from './cameo.js';
import type { ActorDictionary } from '../actors/dictionary.js';
import type { PatternSet } from '../events/patterns.js';
import type { Gazetteer } from '../place/gazetteer.js';
import type { TopicLexicon } from '../topics/lexicon.js';
import type { CueLexicon } from '../modality/modality-stage.js';
import type { Discards } from '../events/petrarch/discards-file.js';
import type { KnowledgeIssue } from '../core/errors.js';

/** A knowledge file that went into this Knowledge, for the version string. */
export interface KnowledgeSource {
  readonly file: string;
  readonly version: string;
}

export interface Knowledge {
  /** Version of the whole knowledge, recorded on every event: "dyad-<pkg>/<hash of file versions>". */
  readonly version: string;
  readonly sources: readonly KnowledgeSource[];
  readonly cameo: CameoKnowledge;
  readonly actors: ActorDictionary;
  readonly patterns: PatternSet;
  readonly cues: CueLexicon;
  readonly places: Gazetteer;
  readonly topics: TopicLexicon;
  /** Phrases that veto a sentence or a whole story (PETRARCH .discards files given with --dictionary). */
  readonly discards: Discards;
  /** What the user's PETRARCH dictionaries hold that dyad left out, with file:line and why. */
  readonly notes: readonly KnowledgeIssue[];
}
