/**
 * `agent.possessed`: "Pakistan denied that its troops had shelled villages": a generic agent after "its" or
 * "their" belongs to the actor the possessive stands for, the nearest earlier group, organisation or
 * country of its sentence (not a person: "its" and "their" do not refer to one person).
 */
import type { ActorMention, Token } from '../core/doc.js';
import { wordsOf } from '../syntax/english.js';

const GROUP_POSSESSIVES = wordsOf('possessive.group');

function possessiveBefore(m: ActorMention, tokens: readonly Token[]): number | null {
  let k = m.tokenStart - 1;
  while (k >= 0 && tokens[k].sentence === m.sentence && (tokens[k].pos === 'ADJ' || tokens[k].normal === 'own')) k--;
  return k >= 0 && tokens[k].sentence === m.sentence && GROUP_POSSESSIVES.has(tokens[k].normal) ? k : null;
}

/** The agent with the owner's country when a possessive before it names the owner; else unchanged. */
export function withPossessorCountry(m: ActorMention, sentenceMentions: readonly ActorMention[], tokens: readonly Token[]): ActorMention {
  if (m.kind !== 'agent' || m.actors.length !== 1 || m.actors[0].country !== null) return m;
  const k = possessiveBefore(m, tokens);
  if (k === null) return m;
  const owner = sentenceMentions.filter((x) => x.tokenEnd <= k && !x.modifier && x.kind !== 'person' && x.ruleId !== 'pronoun'
    && x.actors.length === 1 && x.actors[0].country !== null).pop();
  if (!owner) return m;
  const a = m.actors[0];
  const country = owner.actors[0].country;
  return { ...m, actors: [{ ...a, country, code: (country ?? '') + (a.sector ?? '') }], ruleId: `${m.ruleId}+possessor-country` };
}
