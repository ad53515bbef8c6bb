/**
 * Loads all of dyad's knowledge from data/ (and the user's dictionaries), validating every file.
 * Problems in several files are reported together.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KnowledgeError, type KnowledgeIssue } from '../core/errors.js';
import { ActorDictionary, loadActorEntries } from '../actors/dictionary.js';
import { loadPatterns, PatternSet } from '../events/patterns.js';
import { NO_DISCARDS } from '../events/petrarch/discards-file.js';
import { loadDictionaryEvents, type DictionaryEvents, type DictionaryFile } from '../events/petrarch/user-verbs.js';
import { petrarchKind } from '../actors/petrarch/user-files.js';
import { displayPath } from './data-file.js';
import { loadCues } from '../modality/modality-stage.js';
import { loadGazetteer } from '../place/gazetteer.js';
import { loadTopicLexicon } from '../topics/lexicon.js';
import { defaultCacheDir, readCachedKnowledge, writeCachedKnowledge } from './cache.js';
import { knownCacheKey } from './fingerprint.js';
import { loadCameo, type CameoKnowledge } from './cameo.js';
import { loadPetrarchPatterns } from '../events/petrarch/pattern-file.js';
import { loadCountries } from './countries.js';
import type { Knowledge, KnowledgeSource } from './knowledge.js';

export interface KnowledgeOptions {
  /** Folder with the knowledge files; defaults to the package's data/. */
  readonly dataDir?: string;
  /** Extra actor dictionaries (same format as data/actors/*.yaml). */
  readonly dictionaries?: readonly string[];
  /** Code with the dictionaries alone: dyad's own actor and pattern files are not loaded (PETRARCH's suite). */
  readonly onlyDictionaries?: boolean;
  /** Also load the CAMEO verb patterns converted from PETRARCH's CAMEO.2.0.txt (opt-in: data/patterns/optional). */
  readonly cameoVerbs?: boolean;
  /**
   * Folder of the knowledge cache (see cache.ts), or false for none. Default: $DYAD_KNOWLEDGE_CACHE
   * ("off" for none), else `.cache/knowledge` in the package.
   */
  readonly cacheDir?: string | false;
}

function cacheDirOf(options: KnowledgeOptions): string | false {
  if (options.cacheDir !== undefined) return options.cacheDir;
  const env = process.env.DYAD_KNOWLEDGE_CACHE;
  if (env === 'off') return false;
  return env || defaultCacheDir();
}

export function defaultDataDir(): string {
  return fileURLToPath(new URL('../../data/', import.meta.url));
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs every loader, so one bad file does not hide the problems in the others. */
function attempt<T>(issues: KnowledgeIssue[], load: () => T): T | null {
  try {
    return load();
  } catch (err) {
    if (err instanceof KnowledgeError) {
      issues.push(...err.issues);
      return null;
    }
    throw err;
  }
}

/**
 * "dyad-0.1.0+1a2b3c4d": the package version and a hash of every knowledge file's name, version and
 * content (a package such as world-countries by name and version), so any edit to the data is a new
 * knowledge version and `dyad recode` finds what it must code again.
 */
export function knowledgeVersion(sources: readonly KnowledgeSource[], dataDir: string = defaultDataDir()): string {
  const hash = createHash('sha1');
  for (const s of sources) {
    // Data files are named from the data folder's parent ("data/actors/agents.yaml"); user files as given.
    const path = [resolve(dirname(dataDir), s.file), resolve(s.file)].find((f) => existsSync(f) && statSync(f).isFile());
    const inside = path !== undefined && !relative(resolve(dataDir), path).startsWith('..');
    const name = inside ? relative(resolve(dataDir), path).split(sep).join('/') : s.file;
    hash.update(`${name}@${s.version}\n`);
    if (path) hash.update(readFileSync(path));
  }
  return `dyad-${packageVersion()}+${hash.digest('hex').slice(0, 8)}`;
}

/**
 * The knowledge from the cache when it holds this exact data, code and dictionaries; else loaded and
 * validated from the files (errors with file:line), then cached for the next start.
 */
export function loadKnowledge(options: KnowledgeOptions = {}): Knowledge {
  const dataDir = options.dataDir ?? defaultDataDir();
  const dictionaries = options.dictionaries ?? [];
  const only = options.onlyDictionaries === true;
  const cameoVerbs = options.cameoVerbs === true && !only;
  const dir = cacheDirOf(options);
  if (dir === false) return loadKnowledgeFiles(dataDir, dictionaries, only, cameoVerbs);
  const key = knownCacheKey(dir, dataDir, dictionaries, only, cameoVerbs);
  const cached = readCachedKnowledge(dir, key);
  if (cached) return cached;
  const knowledge = loadKnowledgeFiles(dataDir, dictionaries, only, cameoVerbs);
  writeCachedKnowledge(dir, key, knowledge);
  return knowledge;
}

/**
 * The parse stage's model and word lists load with the parser, and the English words the rules read
 * (src/syntax/english.ts) load on first use, not here, but they decide events as much as the patterns
 * do, so the knowledge version hashes them too (a retrained model is a new version).
 */
const parseSources = (dataDir: string): KnowledgeSource[] => [
  { file: `${basename(dataDir)}/parse/en_ewt.dyadparse`, version: 'model' },
  { file: `${basename(dataDir)}/parse/syntax.yaml`, version: '1' },
  { file: `${basename(dataDir)}/grammar/english.yaml`, version: '1' },
];

/** The user's PETRARCH .verbs and .discards files, told by their content; the rest are actor dictionaries. */
function splitDictionaries(dictionaries: readonly string[]): { actors: string[]; events: DictionaryFile[] } {
  const actors: string[] = [];
  const events: DictionaryFile[] = [];
  for (const file of dictionaries) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      actors.push(file); // the actor loader reports it
      continue;
    }
    const kind = petrarchKind(text);
    if (kind === 'verbs' || kind === 'discards') events.push({ file: displayPath(file), text, kind });
    else actors.push(file);
  }
  return { actors, events };
}

/** dyad's patterns and the dictionaries' (or the dictionaries' alone). */
function withDictionaryPatterns(own: PatternSet, extra: DictionaryEvents | null, only: boolean): PatternSet {
  if (!extra) return only ? new PatternSet([], [], own.means) : own;
  return new PatternSet([...(only ? [] : own.all), ...extra.patterns], [...(only ? [] : own.sources), ...extra.sources], own.means);
}

/** dyad's hand-kept patterns and the converted CAMEO verbs (which give way where a hand-kept one matches). */
function withCameoVerbs(own: PatternSet, dataDir: string, cameo: CameoKnowledge): PatternSet {
  const file = loadPetrarchPatterns(join(dataDir, 'patterns', 'optional', 'cameo-verbs.yaml'), (c) => cameo.nearest(c) !== null);
  return new PatternSet([...own.all, ...file.patterns], [...own.sources, file.source], own.means);
}

/** Loads and validates every knowledge file; problems in several files are reported together. */
export function loadKnowledgeFiles(dataDir: string, dictionaries: readonly string[], onlyDictionaries = false, cameoVerbs = false): Knowledge {
  const issues: KnowledgeIssue[] = [];
  const cameo = attempt(issues, () => loadCameo(dataDir));
  const countries = attempt(issues, () => loadCountries(dataDir));
  const codes = new Set(countries?.all().map((c) => c.code) ?? []);
  const split = splitDictionaries(dictionaries);
  const actorFiles = attempt(issues, () => loadActorEntries(join(dataDir, 'actors'), split.actors, codes, !onlyDictionaries));
  const events = cameo && split.events.length ? attempt(issues, () => loadDictionaryEvents(split.events, (c) => cameo.nearest(c) !== null)) : null;
  const handKept = cameo && attempt(issues, () => loadPatterns(join(dataDir, 'patterns'), new Set(cameo.codes.keys())));
  const ownPatterns = handKept && cameoVerbs ? attempt(issues, () => withCameoVerbs(handKept, dataDir, cameo)) : handKept;
  const patterns = ownPatterns && withDictionaryPatterns(ownPatterns, events, onlyDictionaries);
  const cues = attempt(issues, () => loadCues(dataDir));
  const places = attempt(issues, () => loadGazetteer(dataDir));
  const topics = attempt(issues, () => loadTopicLexicon(dataDir));
  if (issues.length || !cameo || !countries || !actorFiles || !patterns || !cues || !places || !topics) {
    throw new KnowledgeError(issues);
  }
  const actors = new ActorDictionary(actorFiles.entries, countries, actorFiles.sources, (name, country) => places.lookup(name)?.country === country, !onlyDictionaries);
  const sources = [
    ...cameo.sources, ...countries.sources, ...actorFiles.sources, ...patterns.sources, ...cues.sources,
    ...places.sources, ...topics.sources, ...parseSources(dataDir),
  ];
  const discards = events?.discards ?? NO_DISCARDS;
  return { version: knowledgeVersion(sources, dataDir), sources, cameo, actors, patterns, cues, places, topics, discards, notes: events?.notes ?? [] };
}
