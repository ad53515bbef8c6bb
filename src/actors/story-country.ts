/**
 * story-country: an agent with no country of its own ("the government", "police", "the prime minister",
 * "MPs") takes the country the story is plainly about, with the evidence recorded in its rule:
 *
 *   "LONDON (Reuters) - Police arrested two men ..."        the dateline's country       (+story-country:dateline:GBR)
 *   "Kenyan police ... in Nairobi ... Police said ..."     most country evidence, clearly  (+story-country:mentions:KEN:4/5)
 *
 * The evidence: the dateline, and every country that mentions (countries, seats, people, parties) and
 * places in the story name. A story is plainly about one country when the dateline names it, or when
 * that country has at least two pieces of evidence and more than twice any other's. Otherwise (an
 * international story: "Russia and Ukraine ...") the agent stays without a country.
 */
import type { ActorMention, Doc } from '../core/doc.js';
import type { Gazetteer } from '../place/gazetteer.js';
import { findDateline } from '../place/dateline.js';
import { isActorType } from '../knowledge/cameo-categories.js';

export interface StoryCountry {
  readonly country: string;
  readonly evidence: string;
}

/** The story's country and its evidence, or null when the story names no single country plainly. */
export function storyCountry(doc: Doc, mentions: readonly ActorMention[], placeCountries: readonly string[], places?: Gazetteer): StoryCountry | null {
  const dateline = places ? findDateline(doc, places) : null;
  if (dateline?.country) return { country: dateline.country, evidence: `dateline:${dateline.country}` };
  const counts = new Map<string, number>();
  const add = (c: string | null): void => {
    if (c && c.length === 3 && !isActorType('non-state-or-company', c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  };
  for (const m of mentions) if (m.kind !== 'agent') for (const a of m.actors) add(a.country);
  for (const c of placeCountries) add(c);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = ranked.reduce((n, [, k]) => n + k, 0);
  const [first, second] = ranked;
  if (!first || first[1] < 2 || (second && first[1] <= 2 * second[1])) return null;
  return { country: first[0], evidence: `mentions:${first[0]}:${first[1]}/${total}` };
}

/**
 * "Police said", "the prime minister said", "chief Lord Butler said": a lone agent or office with no
 * country, none from its sentence, takes the story's.
 */
export function withStoryCountry(m: ActorMention, story: StoryCountry | null): ActorMention {
  if (!story || (m.kind !== 'agent' && m.kind !== 'title') || m.actors.length !== 1 || m.actors[0].country !== null) return m;
  const a = m.actors[0];
  return { ...m, actors: [{ ...a, country: story.country, code: story.country + (a.sector ?? '') }], ruleId: `${m.ruleId}+story-country:${story.evidence}` };
}
