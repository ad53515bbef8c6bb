/**
 * Effective actors of an event mention: its own, else those of the event it refers back to; people and
 * titles resolved at the event's date ("the Chinese premier" in 2019 is Li Keqiang, in 2024 Li Qiang).
 */
import type { ActorMention, ActorRef, Doc, EventMention } from '../core/doc.js';
import { layer } from '../core/doc.js';
import type { ActorOut } from '../core/event.js';
import type { ActorDictionary } from '../actors/dictionary.js';
import type { Office } from '../actors/schema.js';

export interface ActorSlot {
  readonly mention: ActorMention;
  readonly actor: ActorRef;
}

export interface EventActors {
  readonly sources: readonly ActorSlot[];
  readonly targets: readonly ActorSlot[];
}

function slots(doc: Doc, ids: readonly number[]): ActorSlot[] {
  const mentions = layer(doc, 'mentions');
  return ids.flatMap((id) => mentions[id].actors.map((actor) => ({ mention: mentions[id], actor })));
}

/** Follows antecedent links until an event with a source of its own. */
export function effectiveActors(doc: Doc, event: EventMention): EventActors {
  const events = layer(doc, 'events');
  let current: EventMention | undefined = event;
  for (let hops = 0; current && hops < 10; hops++) {
    if (current.sources.length) {
      const own = current === event;
      return {
        sources: slots(doc, current.sources),
        // An inherited event keeps its own target when it has one.
        targets: slots(doc, own || !event.targets.length ? current.targets : event.targets),
      };
    }
    current = current.antecedent === null ? undefined : events[current.antecedent];
  }
  // An agentless passive ("three civilians were killed") has its target and no source.
  return { sources: [], targets: event.antecedent === null ? slots(doc, event.targets) : [] };
}

/** Re-resolves a person, title or party at the event's date. */
export function resolveAt(dict: ActorDictionary, slot: ActorSlot, date: string | null): ActorRef {
  const { actor, mention } = slot;
  if (actor.entityId?.startsWith('person.')) {
    const person = dict.person(actor.entityId);
    const office = mention.titleQuery?.office as Office | undefined;
    if (person) return dict.personActor(person, date, office);
  }
  // "Labour" is GBRGOV while in cabinet, GBROPP otherwise: at the event's date.
  const dated = actor.entityId ? dict.datedOrganisation(actor.entityId, date) : null;
  if (dated) return dated;
  const q = mention.titleQuery;
  if (q?.country && date !== null) {
    const holder = dict.holderOf(q.country, q.office as Office, date);
    if (holder) return dict.personActor(holder, date, q.office as Office);
  }
  return actor;
}

export function actorOut(doc: Doc, slot: ActorSlot, actor: ActorRef): ActorOut {
  const { mention } = slot;
  return {
    code: actor.code,
    country: actor.country,
    sector: actor.sector,
    name: actor.name,
    role: actor.role,
    text: doc.text.slice(mention.start, mention.end),
    start: mention.start,
    end: mention.end,
  };
}

/** Same actor, for dropping "X met X" and for merging mentions of one event. */
export function actorKey(actor: ActorRef): string {
  return actor.entityId ?? actor.code;
}

/**
 * Whether two actors are one: the same entry, or the same code when neither names an entry, unless they
 * hold different offices ("the prime minister hailed his chancellor": two people of one government).
 */
export function sameActor(a: ActorRef, b: ActorRef): boolean {
  if (a.entityId === null && b.entityId === null && a.role !== null && b.role !== null && a.role !== b.role) return false;
  return actorKey(a) === actorKey(b);
}

/**
 * Whether a target is its source itself: the same actor of one mention, a pronoun of it ("reneged on his commitment"),
 * or the same actor named twice ("Beijing" and "the Chinese government"); a generic agent noun names
 * someone else than another mention of its code ("the Iraqi official accused the Iraqi government").
 */
export function sameSlot(a: ActorSlot, b: ActorSlot): boolean {
  const generic = (x: ActorSlot): boolean => x.mention.kind === 'agent' && x.actor.entityId === null;
  // Two mentions of one agent noun ("the submarine ... the submarine") are one referent.
  const named = a.mention !== b.mention && a.mention.kind !== 'coreference' && b.mention.kind !== 'coreference' && a.mention.ruleId !== b.mention.ruleId;
  if (named && (generic(a) || generic(b))) return false;
  return sameActor(a.actor, b.actor);
}
