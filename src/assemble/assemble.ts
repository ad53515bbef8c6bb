/**
 * output: the Doc's layers become CodedEvent records.
 *
 * Event mentions that tell the same event (a noun that refers back to it, or the same code between the
 * same actors) become one event with all its mentions; a cue ("will", "is set to") beats an
 * uncued mention when they disagree. Compound actors expand to one event per source-target pair.
 */
import { createHash } from 'node:crypto';
import type { ActorRef, Doc, EventMention, Modality } from '../core/doc.js';
import { layer, spanText } from '../core/doc.js';
import type { ActorMentionOut, ActorOut, CodedEvent, CodingResult, MentionOut } from '../core/event.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { actorKey, actorOut, effectiveActors, resolveAt, sameSlot, type ActorSlot } from './actors.js';
import { isActorType, isCameo } from '../knowledge/cameo-categories.js';

export type CompoundMode = 'expand' | 'list';

interface Draft {
  readonly event: EventMention;
  readonly modality: Modality;
  /** Null only for an agentless passive ("three civilians were killed"): the doer is unknown. */
  readonly source: ActorSlot | null;
  readonly target: ActorSlot | null;
  readonly mentions: EventMention[];
  readonly topics: Set<string>;
  modalityFinal: Modality;
}

/** Mentions fold into the event they refer back to only when they name the same action. */
function related(a: string, b: string): boolean {
  return a === b;
}

/** Root event a mention refers back to, when it is the same kind of event ("the visit" -> the visit). */
function coreferent(events: readonly EventMention[], e: EventMention): EventMention | null {
  let current = e;
  let found: EventMention | null = null;
  for (let hops = 0; current.antecedent !== null && hops < 10; hops++) {
    const prev = events[current.antecedent];
    if (!related(prev.cameo, e.cameo)) break;
    found = prev;
    current = prev;
  }
  return found;
}

/** Actors that make the same event: a person by identity, else the country ("Japan" and "Tokyo"). */
function mergeKey(actor: ActorRef): string {
  return actor.entityId?.startsWith('person.') ? actor.entityId : actor.country ?? actor.code;
}

function pairKey(d: Draft, symmetric: boolean): string {
  const s = d.source ? mergeKey(d.source.actor) : '?';
  const t = d.target ? mergeKey(d.target.actor) : '-';
  const [a, b] = symmetric && t < s ? [t, s] : [s, t];
  return `${d.event.cameo}|${a}|${b}`;
}

/** "The two leaders signed": with a symmetric action and no target, a group acts with itself. */
function pairGroup(sources: readonly ActorSlot[], targets: readonly ActorSlot[], symmetric: boolean): { sources: readonly ActorSlot[]; targets: readonly ActorSlot[] } {
  if (!symmetric || targets.length || sources.length < 2) return { sources, targets };
  return { sources: sources.slice(0, 1), targets: sources.slice(1) };
}

function drafts(doc: Doc, symmetricRules: ReadonlySet<string>): Draft[] {
  const events = layer(doc, 'events');
  const modality = layer(doc, 'modality');
  const topics = doc.topics ?? [];
  const out: Draft[] = [];
  for (const event of events) {
    const own = effectiveActors(doc, event);
    const { sources, targets } = pairGroup(own.sources, own.targets, symmetricRules.has(event.ruleId));
    // An agentless passive keeps its target with an unknown source.
    const doers: readonly (ActorSlot | null)[] = sources.length ? sources : targets.length ? [null] : [];
    for (const source of doers) {
      const others = targets.filter((t) => !source || !sameSlot(t, source));
      // "reneged on his commitment": a target that is the source itself leaves the event without one.
      const pairs = others.length ? others : [null];
      for (const target of pairs) {
        const m = modality[event.index];
        out.push({ event, modality: m, source, target, mentions: [event], topics: new Set(topics[event.index] ?? []), modalityFinal: m });
      }
    }
  }
  return out;
}

/** Folds drafts of the same event together, keeping the first as the record and the rest as mentions. */
function merge(doc: Doc, all: readonly Draft[], symmetricRules: ReadonlySet<string>): Draft[] {
  const events = layer(doc, 'events');
  const kept: Draft[] = [];
  const byKey = new Map<string, Draft>();
  for (const d of all) {
    const symmetric = symmetricRules.has(d.event.ruleId) || isCameo('symmetric', d.event.cameo);
    const root = coreferent(events, d.event);
    const key = pairKey(d, symmetric);
    // A mention that names no target ("the upcoming visit by Putin") joins the event with the same source.
    const source = d.source;
    const vague = d.target === null && source ? kept.find((k) => k.event.cameo === d.event.cameo && k.source !== null && mergeKey(k.source.actor) === mergeKey(source.actor)) : undefined;
    const host = byKey.get(key) ?? (root ? kept.find((k) => k.event.index === root.index) : undefined) ?? vague;
    const compatible = host && (host.modalityFinal.value === d.modality.value || host.modalityFinal.cue === null || d.modality.cue === null || host.event.cameo === d.event.cameo);
    if (host && compatible) {
      if (!host.mentions.includes(d.event)) host.mentions.push(d.event);
      d.topics.forEach((t) => host.topics.add(t));
      if (host.modalityFinal.cue === null && d.modality.cue !== null) host.modalityFinal = d.modality;
      continue;
    }
    kept.push(d);
    byKey.set(key, d);
  }
  return kept;
}

/**
 * A protest with no target named is against the protesters' own government ("Serbian workers went on
 * strike"), as PLOVER and CAMEO code it. The evidence is the protesters' mention, which names the country.
 */
function ownGovernment(doc: Doc, d: Draft): ActorOut | null {
  const country = d.source?.actor.country;
  if (!d.source || !country || isActorType('non-state', country) || !isCameo('protest', d.event.cameo)) return null;
  const out = actorOut(doc, d.source, d.source.actor);
  return { ...out, code: `${country}GOV`, country, sector: 'GOV', name: null, role: null };
}

/** Concessions a government makes at home: easing restrictions, reform; resigning addresses no one. */
function domesticConcession(cameo: string): boolean {
  return isCameo('domestic-concession', cameo);
}

/**
 * A government's concession at home with no target named ("lifted the state of emergency", "shortened the
 * curfew") is to its own country. The evidence is the government's mention.
 */
function ownCountry(doc: Doc, d: Draft): ActorOut | null {
  const a = d.source?.actor;
  if (!d.source || !a?.country || isActorType('non-state', a.country) || (a.sector !== null && a.sector !== 'GOV') || !domesticConcession(d.event.cameo)) return null;
  const out = actorOut(doc, d.source, a);
  return { ...out, code: a.country, country: a.country, sector: null, name: null, role: null };
}

/** The target an event implies when the text names none. */
function impliedTarget(doc: Doc, d: Draft): ActorOut | null {
  return ownGovernment(doc, d) ?? ownCountry(doc, d);
}

/**
 * An attack whose doer is unknown ("a roadside bomb near Samarra killed a soldier") is by an unidentified
 * armed force (CAMEO's UAF) of the country where it happened, when the sentence places it.
 */
function unattributedForce(doc: Doc, d: Draft): ActorOut | null {
  if (d.source || !d.event.byMeans || !isCameo('violent', d.event.cameo)) return null;
  const place = d.mentions.map((m) => doc.places?.[m.index]).find((x) => x);
  if (!place?.country || isActorType('non-state', place.country)) return null;
  const span = place.evidence ?? d.event.trigger;
  return {
    code: `${place.country}UAF`, country: place.country, sector: 'UAF', name: null, role: null,
    text: doc.text.slice(span.start, span.end), start: span.start, end: span.end,
  };
}

function eventId(doc: Doc, d: Draft): string {
  const key = `${doc.id}|${d.event.sentence}|${d.event.trigger.start}|${d.source ? actorKey(d.source.actor) : '?'}|${d.target ? actorKey(d.target.actor) : ''}`;
  return createHash('sha1').update(key).digest('hex').slice(0, 16);
}

function record(doc: Doc, d: Draft, knowledge: Knowledge): CodedEvent {
  const e = d.event;
  const dates = doc.eventDates ?? [];
  const date = d.mentions.map((m) => dates[m.index]).find((x) => x) ?? null;
  const when = date?.start ?? doc.published;
  // A PETRARCH dictionary's own code ("1717") takes root, Goldstein and type from its CAMEO ancestor.
  const known = knowledge.cameo.nearest(e.cameo) ?? e.cameo;
  const code = knowledge.cameo.code(known);
  const plover = knowledge.cameo.ploverFor(known, d.modalityFinal.value);
  const place = d.mentions.map((m) => doc.places?.[m.index]).find((x) => x) ?? null;
  const attribution = e.attribution === null ? null : layer(doc, 'mentions')[e.attribution];
  const mentions: MentionOut[] = d.mentions.map((m) => ({ sentence: m.sentence, trigger: spanText(doc, m.trigger), rule: m.ruleId }));
  return {
    id: eventId(doc, d),
    doc: doc.id,
    sentence: e.sentence,
    source: d.source ? actorOut(doc, d.source, resolveAt(knowledge.actors, d.source, when)) : unattributedForce(doc, d),
    target: d.target ? actorOut(doc, d.target, resolveAt(knowledge.actors, d.target, when)) : impliedTarget(doc, d),
    cameo: e.cameo,
    root: code.root,
    quadClass: code.quadClass,
    goldstein: code.goldstein,
    plover: { type: plover.type, mode: plover.mode, contexts: [...plover.contexts] },
    modality: d.modalityFinal.value,
    modalityCue: d.modalityFinal.cue ? spanText(doc, d.modalityFinal.cue) : null,
    date: date ? { start: date.start, end: date.end, precision: date.precision, basis: date.basis } : null,
    place: place ? { name: place.name, country: place.country, lat: place.lat, lon: place.lon } : null,
    topics: [...d.topics],
    trigger: spanText(doc, e.trigger),
    rule: e.ruleId,
    confidence: e.confidence,
    knowledge: knowledge.version,
    attribution: attribution && attribution.actors[0] ? actorOut(doc, { mention: attribution, actor: attribution.actors[0] }, attribution.actors[0]) : null,
    mentions,
  };
}

/**
 * --compound list: the pairs that one trigger made become one record whose `sources` and `targets` list
 * every actor (as PLOVER keeps them); `source` and `target` stay the first of each.
 */
function listCompounds(events: readonly CodedEvent[]): CodedEvent[] {
  const groups = new Map<string, CodedEvent[]>();
  for (const e of events) {
    const key = `${e.sentence}|${e.trigger.start}|${e.cameo}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const distinct = (actors: readonly (ActorOut | null)[]): ActorOut[] => {
    const seen = new Map<string, ActorOut>();
    for (const a of actors) if (a) seen.set(`${a.code}|${a.name ?? ''}|${a.start}`, a);
    return [...seen.values()];
  };
  return [...groups.values()].map((group) => ({
    ...group[0],
    sources: distinct(group.map((e) => e.source)),
    targets: distinct(group.map((e) => e.target)),
  }));
}

/** Every resolved actor of every mention, with its rule (document.actors). */
function actorMentions(doc: Doc): ActorMentionOut[] {
  return (doc.mentions ?? []).flatMap((m) => m.actors.map((a) => ({
    ...actorOut(doc, { actor: a, mention: m }, a),
    rule: m.ruleId,
  })));
}

const symmetricByPatterns = new WeakMap<Knowledge['patterns'], ReadonlySet<string>>();

/** The ids of the symmetric patterns, gathered once per pattern set (not per document). */
function symmetricRules(knowledge: Knowledge): ReadonlySet<string> {
  let ids = symmetricByPatterns.get(knowledge.patterns);
  if (ids === undefined) {
    ids = new Set(knowledge.patterns.all.filter((p) => p.symmetric).map((p) => p.id));
    symmetricByPatterns.set(knowledge.patterns, ids);
  }
  return ids;
}

export function assemble(doc: Doc, knowledge: Knowledge, compound: CompoundMode = 'expand'): CodingResult {
  const symmetric = symmetricRules(knowledge);
  const expanded = merge(doc, drafts(doc, symmetric), symmetric).map((d) => record(doc, d, knowledge));
  const events = compound === 'list' ? listCompounds(expanded) : expanded;
  return {
    document: {
      id: doc.id,
      title: doc.title,
      url: doc.url,
      source: doc.source,
      published: doc.published,
      language: doc.language,
      sentences: doc.sentences?.length ?? 0,
      characters: doc.text.length,
      actors: actorMentions(doc),
    },
    events,
  };
}
