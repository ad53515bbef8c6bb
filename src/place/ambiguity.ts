/**
 * Which place names are too ambiguous to match as places: used by scripts/build-places.ts to write
 * data/places/ambiguous-words.yaml (the hand-kept list is data/places/ambiguous.yaml).
 *
 * A one-word city or region name is ambiguous when, written in lower case, it is an English word
 * ("Delta", "Rivers", "Plateau", "Split"), or when it is a word of a person's name dyad knows
 * ("Santos", "Vladimir"). Several-word names ("San Juan", "Kafr ash Shaykh") are not checked:
 * they rarely occur by chance. Capitals are never passed in: their names are actors' seats.
 */

export interface AmbiguousName {
  readonly id: string;
  readonly why: string;
}

export interface AmbiguityRules {
  /** True when the lower-case word is an ordinary English word (not only a proper name). */
  readonly isCommonWord: (word: string) => boolean;
  /** Words of known people's names, lower case. */
  readonly personWords: ReadonlySet<string>;
  /** Names never flagged ("Samarra" may be a lexicon word but is a place first). */
  readonly keep: ReadonlySet<string>;
}

function isOneWord(name: string): boolean {
  return /^\p{L}+$/u.test(name);
}

/** The names among `names` that the rules mark as ambiguous, sorted, each once. */
export function ambiguousNames(names: Iterable<string>, rules: AmbiguityRules): AmbiguousName[] {
  const out = new Map<string, AmbiguousName>();
  for (const name of names) {
    const lower = name.toLowerCase();
    if (!isOneWord(name) || out.has(lower) || rules.keep.has(lower)) continue;
    if (rules.personWords.has(lower)) out.set(lower, { id: name, why: "person's name" });
    else if (rules.isCommonWord(lower)) out.set(lower, { id: name, why: 'common word' });
  }
  return [...out.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Names that several regions of different countries share ("Punjab": India and Pakistan,
 * "Central": a dozen countries): none of them can say which country is meant.
 */
export function sharedAcrossCountries(entries: Iterable<{ readonly names: readonly string[]; readonly country: string }>): Set<string> {
  const countries = new Map<string, Set<string>>();
  for (const e of entries) {
    for (const n of e.names) {
      const key = n.toLowerCase();
      const set = countries.get(key) ?? new Set<string>();
      set.add(e.country);
      countries.set(key, set);
    }
  }
  return new Set([...countries].filter(([, set]) => set.size > 1).map(([key]) => key));
}
