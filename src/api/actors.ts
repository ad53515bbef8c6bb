/**
 * `GET /actors?q=`: search the actor knowledge (people with their dated roles, organisations,
 * countries) by name or code, with each person's role on a given day.
 */
import { join } from 'node:path';
import { loadActorEntries } from '../actors/dictionary.js';
import type { ActorEntry } from '../actors/schema.js';
import { loadCountries } from '../knowledge/countries.js';
import { defaultDataDir } from '../place/place-data.js';

export interface ActorRole {
  readonly role: string;
  readonly office: string;
  readonly country: string;
  readonly sector: string | null;
  /** Null when the source gives no start (an imported role held "until" a date). */
  readonly start: string | null;
  readonly end: string | null;
}

export interface ActorHit {
  readonly kind: 'person' | 'organisation' | 'country';
  readonly id: string;
  readonly name: string;
  readonly names: readonly string[];
  readonly code: string;
  readonly country: string | null;
  /** The role held on the day asked for (people only). */
  readonly role: string | null;
  readonly roles: readonly ActorRole[];
}

interface Indexed {
  readonly hit: ActorHit;
  /** Lower-cased names and codes, for matching. */
  readonly keys: readonly string[];
}

function fromEntry(e: ActorEntry): Indexed | null {
  if (e.kind === 'person') {
    const roles = e.roles.map((r) => ({ role: r.role, office: r.office, country: r.country ?? e.country, sector: r.sector, start: r.start ?? null, end: r.end ?? null }));
    return { hit: { kind: 'person', id: e.id, name: e.names[0], names: e.names, code: e.country, country: e.country, role: null, roles }, keys: [...e.names, e.id].map((k) => k.toLowerCase()) };
  }
  if (e.kind === 'organisation') {
    return { hit: { kind: 'organisation', id: e.id, name: e.names[0], names: e.names, code: e.code, country: e.country, role: null, roles: [] }, keys: [...e.names, e.code].map((k) => k.toLowerCase()) };
  }
  return null;
}

export class ActorIndex {
  private readonly items: readonly Indexed[];

  constructor(dataDir: string = defaultDataDir()) {
    const people = loadActorEntries(join(dataDir, 'actors'), []).entries.map(fromEntry).filter((x): x is Indexed => x !== null);
    const countries = loadCountries(dataDir).all().map((c): Indexed => ({
      hit: { kind: 'country', id: c.code, name: c.name, names: c.names, code: c.code, country: c.code, role: null, roles: [] },
      keys: [...c.names, c.code, ...c.demonyms].map((k) => k.toLowerCase()),
    }));
    this.items = [...countries, ...people];
  }

  /** Exact code or name first, then names that start with q, then names containing it. */
  search(q: string, date: string, limit: number): ActorHit[] {
    const needle = q.trim().toLowerCase();
    if (!needle) return [];
    const scored: Array<{ score: number; hit: ActorHit }> = [];
    for (const item of this.items) {
      let score = 0;
      for (const k of item.keys) {
        const s = k === needle ? 3 : k.startsWith(needle) || k.includes(` ${needle}`) ? 2 : k.includes(needle) ? 1 : 0;
        if (s > score) score = s;
      }
      if (score > 0) scored.push({ score, hit: item.hit });
    }
    scored.sort((a, b) => b.score - a.score || a.hit.name.localeCompare(b.hit.name));
    return scored.slice(0, limit).map(({ hit }) => withRoleAt(hit, date));
  }
}

function withRoleAt(hit: ActorHit, date: string): ActorHit {
  const held = hit.roles.find((r) => (r.start === null || r.start <= date) && (r.end === null || date < r.end));
  return held ? { ...hit, role: held.role, code: `${held.country}${held.sector ?? ""}`, country: held.country } : hit;
}
