/**
 * appos.name: an apposition tells who a name the dictionary lacks is. "Nuala Kerr, the police
 * ombudsman for Northern Ireland, said": the name is that office's holder, an actor of its own; so is
 * "The Australian military commander in East Timor, Brigadier Tom Slade, said". A person the
 * dictionary knows has a mention of its own and is left alone; so are lists of names ("Kenneth Clarke,
 * Tony Blair and ...": a person after a comma is another person).
 */
import type { Token } from '../core/doc.js';
import type { MentionDraft } from './compose.js';
import { CALENDAR_NAMES } from '../syntax/english.js';

const NAME_WORD = /^[A-Z][a-z]/;
/** Words an apposition opens with: "the ombudsman", "a spokesman", "its leader", "former minister". */
const OPENING_POS = new Set(['DET', 'ADJ', 'NOUN', 'PRON']);
/** How far into the apposition its actor may lie. */
const REACH = 6;

function nameWord(t: Token | undefined): boolean {
  return t !== undefined && t.pos === 'PROPN' && NAME_WORD.test(t.text) && !CALENDAR_NAMES.has(t.normal);
}

function usable(d: MentionDraft): boolean {
  return !d.modifier && !d.group && d.actors.length === 1 && d.actors[0].country !== null && d.kind !== 'person' && d.kind !== 'coreference';
}

/** "Ana Ruiz, Peru's human rights ombudsman, said": an apposition may open with a name's possessive. */
function countryPossessive(tokens: readonly Token[], i: number): boolean {
  return tokens[i]?.pos === 'PROPN' && tokens[i + 1]?.normal === "'s";
}

/** Uncovered full names (two name words or more) in tokens[from, to): [start, end) pairs. */
export function names(tokens: readonly Token[], from: number, to: number, covered: (i: number) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = from; i < to; i++) {
    if (!nameWord(tokens[i]) || covered(i)) continue;
    let j = i;
    while (j < to && nameWord(tokens[j]) && !covered(j)) j++;
    if (j - i >= 2) out.push([i, j]);
    i = j;
  }
  return out;
}

/**
 * The head actor of the phrase that ends at the comma `lead`: its first draft outside a prepositional
 * phrase ("The Australian military commander in East Timor," is the commander, not East Timor).
 */
function headBefore(tokens: readonly Token[], from: number, lead: number, drafts: readonly MentionDraft[]): MentionDraft | undefined {
  let open = lead - 1;
  while (open > from && tokens[open - 1].normal !== ',') open--;
  const inPhrase = drafts.filter((d) => d.first >= open && d.end <= lead);
  const head = inPhrase.find((d) => tokens[d.first - 1]?.pos !== 'ADP');
  // The phrase is a noun phrase: no verb in it ("After meeting France, Jean Dupont said" is no apposition).
  const clause = ['ADP', 'SCONJ'].includes(tokens[open].pos) || tokens.slice(open, lead).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
  return head && !clause ? head : undefined;
}

/** Drafts for the names in tokens[from, to) that an apposition next to them places. */
export function appositionDrafts(tokens: readonly Token[], from: number, to: number, drafts: readonly MentionDraft[]): MentionDraft[] {
  const covered = (i: number): boolean => drafts.some((d) => d.first <= i && i < d.end);
  const out: MentionDraft[] = [];
  for (const [start, end] of names(tokens, from, to, covered)) {
    // "Name Name, the ombudsman for Northern Ireland": the apposition follows the name.
    const after = tokens[end]?.normal === ',' && (OPENING_POS.has(tokens[end + 1]?.pos ?? '') || countryPossessive(tokens, end + 1))
      ? drafts.find((d) => d.first > end && d.first <= end + REACH && !tokens.slice(end + 1, d.first).some((t) => t.normal === ',' || t.pos === 'VERB' || t.pos === 'AUX'))
      : undefined;
    // "The military commander in East Timor, Brigadier Name Name, said": it precedes the name, which may
    // carry a rank or title word the dictionary lacks.
    const rank = start - 1 > from && /^[A-Z][a-z]/.test(tokens[start - 1].text) && tokens[start - 2]?.normal === ',';
    const first = rank ? start - 1 : start;
    const lead = first > from && tokens[first - 1]?.normal === ',' ? first - 1 : -1;
    const before = lead > from ? headBefore(tokens, from, lead, drafts) : undefined;
    const source = after && usable(after) ? after : before && usable(before) ? before : undefined;
    if (source) out.push({ first: source === after ? start : first, end, kind: 'title', actors: source.actors, ruleId: `appos.name+${source.ruleId}` });
  }
  return out;
}
