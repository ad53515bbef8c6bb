/**
 * Agent nouns used as modifiers: "rebel leaders", "army officers", "opposition candidates",
 * "Afghan rebel leaders". The matcher leaves an agent noun before another noun unmatched (it is no
 * head); the composer looks it up here to give the head its sector.
 */
import type { Token } from '../core/doc.js';
import type { ActorDictionary } from './dictionary.js';

export interface ModifierAgent {
  /** Token index where the modifier agent starts. */
  readonly first: number;
  readonly sector: string;
  readonly id: string;
}

/** The first agent phrase lying wholly inside tokens[from, to), if any. */
export function modifierAgent(dict: ActorDictionary, tokens: readonly Token[], from: number, to: number): ModifierAgent | null {
  for (let i = from; i < to; i++) {
    for (const p of dict.candidates(tokens[i].normal)) {
      const n = p.tokens.length;
      if (p.target.kind !== 'agent' || i + n > to || p.caseRule !== 'any') continue;
      if (p.tokens.every((t, k) => tokens[i + k].normal === t)) return { first: i, sector: p.target.sector, id: p.target.id };
    }
  }
  return null;
}

/** Lower-case adjectives and nouns right before `at` in its sentence (at most two): "rebel", "senior army". */
export function modifierStart(tokens: readonly Token[], at: number): number {
  let k = at;
  const sentence = tokens[at].sentence;
  while (k > 0 && at - k < 2) {
    const t = tokens[k - 1];
    // Lower case, or capitalised as the sentence's first word ("Rebel leaders met").
    const first = tokens[k - 2]?.sentence !== sentence;
    if (t.sentence !== sentence || !(first || /^[a-z]/.test(t.text)) || !(t.pos === 'NOUN' || t.pos === 'ADJ' || (first && t.pos === 'PROPN'))) break;
    k--;
  }
  return k;
}

const STATE_FORCES = new Set(['MIL', 'COP']);

/**
 * The sector of a head noun given the agent modifying it: an inheriting head ("leaders", "officers",
 * "forces") takes the modifier's sector, except that a government's forces stay its forces
 * ("government troops" MIL). Other heads keep their own.
 */
export function headSector(head: string, inherits: boolean, modifier: ModifierAgent | null): string {
  if (!modifier || !inherits) return head;
  if (modifier.sector === 'GOV' && STATE_FORCES.has(head.slice(0, 3))) return head;
  return modifier.sector;
}

interface Draftlike {
  readonly first: number;
  readonly end: number;
  readonly kind: string;
  readonly actors: readonly { readonly code: string; readonly country: string | null; readonly sector: string | null }[];
  readonly ruleId: string;
}

const STATE = new Set(['MIL', 'COP', 'GOV', 'SPY']);

/**
 * "Israeli helicopters and tanks": a bare agent joined by "and" or "," to a country's agent of the same
 * sector is part of that mention; one of another state sector ("Israeli troops and police") is the same
 * country's. Agents of other sectors are left alone ("Israeli troops and militants").
 */
export function conjoined<D extends Draftlike>(drafts: readonly D[], tokens: readonly Token[]): D[] {
  const out: D[] = [];
  for (const d of drafts) {
    const prev = out[out.length - 1];
    const left = prev?.actors.length === 1 ? prev.actors[0] : undefined;
    const right = d.actors.length === 1 ? d.actors[0] : undefined;
    const gap = prev ? tokens.slice(prev.end, d.first).map((t) => t.normal).join(' ') : '';
    const joinable = prev && left?.country && left.sector && right && right.country === null && d.kind === 'agent' && prev.kind === 'agent'
      && (gap === 'and' || gap === ',' || gap === ', and') && right.sector !== null;
    if (!joinable || !left?.country || !right?.sector || !left.sector) { out.push(d); continue; }
    if (right.sector === left.sector) out[out.length - 1] = { ...prev, end: d.end, ruleId: `${prev.ruleId}+${d.ruleId}` };
    else if (STATE.has(left.sector.slice(0, 3)) && STATE.has(right.sector.slice(0, 3))) {
      out.push({ ...d, actors: [{ ...right, country: left.country, code: left.country + right.sector }], ruleId: `${d.ruleId}+conjoined-country` });
    } else out.push(d);
  }
  return out;
}
