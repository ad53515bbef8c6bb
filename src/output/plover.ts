/**
 * PLOVER JSON Lines: one object per event with the PLOVER data fields (id, date, event_type, mode,
 * context, source/target actor and agent, event_text, location), plus dyad's CAMEO code, modality,
 * evidence offsets and rule.
 */
import type { ActorOut, CodedEvent, DocumentOut } from '../core/event.js';
import type { DatePrecision, ModalityValue } from '../core/doc.js';

export interface PloverLocation {
  readonly name: string;
  readonly country: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
}

export interface PloverRecord {
  readonly id: string;
  /** Event date (start), else the publication date. */
  readonly date: string | null;
  readonly date_end: string | null;
  readonly date_precision: DatePrecision | null;
  readonly event_type: string;
  readonly mode: string | null;
  readonly context: readonly string[];
  /** Country (ISO-3166 alpha-3) or IGO code, else the full actor code. */
  readonly source_actor: string | null;
  /** PLOVER sector ("GOV", "MIL", ...). */
  readonly source_agent: string | null;
  readonly source_name: string | null;
  readonly source_text: string | null;
  readonly target_actor: string | null;
  readonly target_agent: string | null;
  readonly target_name: string | null;
  readonly target_text: string | null;
  readonly event_text: string;
  readonly location: PloverLocation | null;
  readonly cameo: string;
  readonly goldstein: number;
  readonly modality: ModalityValue;
  readonly modality_cue: string | null;
  readonly doc: string;
  readonly url: string | null;
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  readonly rule: string;
  readonly confidence: number;
  readonly knowledge: string;
}

/** PLOVER's actor fields: the country (or IGO code, else the full code), the sector as agent, the name. */
export function ploverActor(a: Pick<ActorOut, 'code' | 'country' | 'sector' | 'name'> | null): { actor: string | null; agent: string | null; name: string | null } {
  return a ? { actor: a.country ?? a.code, agent: a.sector, name: a.name } : { actor: null, agent: null, name: null };
}

export function ploverRecord(e: CodedEvent, doc: DocumentOut): PloverRecord {
  const s = { ...ploverActor(e.source), text: e.source?.text ?? null };
  const t = { ...ploverActor(e.target), text: e.target?.text ?? null };
  return {
    id: e.id,
    date: e.date?.start ?? doc.published,
    date_end: e.date?.end ?? null,
    date_precision: e.date?.precision ?? null,
    event_type: e.plover.type,
    mode: e.plover.mode,
    context: e.plover.contexts,
    source_actor: s.actor, source_agent: s.agent, source_name: s.name, source_text: s.text,
    target_actor: t.actor, target_agent: t.agent, target_name: t.name, target_text: t.text,
    event_text: e.trigger.text,
    location: e.place ? { name: e.place.name, country: e.place.country, lat: e.place.lat, lon: e.place.lon } : null,
    cameo: e.cameo,
    goldstein: e.goldstein,
    modality: e.modality,
    modality_cue: e.modalityCue?.text ?? null,
    doc: e.doc,
    url: doc.url,
    sentence: e.sentence,
    start: e.trigger.start,
    end: e.trigger.end,
    rule: e.rule,
    confidence: e.confidence,
    knowledge: e.knowledge,
  };
}
