/** The scorer for `dyad eval`: gold readers and `score`. Formats and rules: src/eval/README.md. */
export type { ForbiddenRules, GoldActor, GoldEvent, GoldFormat, GoldItem, GoldScheme } from './types.js';
export { goldFormats } from './types.js';
export { parseCameoGold, parseSeedGold, readGold, readSeedGold } from './gold.js';
export { expandActors, normaliseCountry, normaliseSector, parsePloverGold, ploverType2021 } from './plover-gold.js';
export { levels, type Level, type MatchOptions } from './match.js';
export {
  score, counts, type Counts, type EvalReport, type FalsePositive, type ForbiddenViolation, type LevelReport, type Miss,
  type ScoreOptions,
} from './score.js';
export { parseNewsGold, type NewsActor, type NewsEvent, type NewsItem } from './news-gold.js';
export {
  scoreNews, newsMatches, greedyMatch, type NewsReport, type NewsLevelReport, type NewsMiss, type NewsFalsePositive, type Share,
} from './news-score.js';
export { actorRecall, probesOfGold, probesOfNews, type ActorRecall, type SourceProbe } from './actor-recall.js';
