/** Gold-standard items for `dyad eval`, in one shape whatever file format they came from. */
import type { ModalityValue } from '../core/doc.js';

/** How an item's event types are compared: PLOVER types, or CAMEO codes and roots. */
export type GoldScheme = 'plover' | 'cameo';

export interface GoldActor {
  /**
   * Country alternatives (ISO-3166 alpha-3, IGO, NGO, ...): any of them matches. `IGO` matches
   * any intergovernmental organisation. Empty when the actor is unknown: it then matches any
   * actor, or none.
   */
  readonly countries: readonly string[];
  /** Three-letter sector (GOV, MIL, ...), or null when not given or unknown. */
  readonly sector: string | null;
  readonly name: string | null;
}

export interface GoldEvent {
  /** Unique within the item; events expanded from one compound record get `#1`, `#2`, ... */
  readonly id: string;
  /** The record the event came from (the same for every pair of a compound record). */
  readonly group: string;
  readonly source: GoldActor;
  /** null: the event has no target, and matches only a coded event without one. */
  readonly target: GoldActor | null;
  /** Source and target may be swapped. */
  readonly symmetric: boolean;
  /** CAMEO codes, any of which is right (empty for PLOVER-only gold). */
  readonly cameo: readonly string[];
  /** PLOVER 2021 types, any of which is right (empty when not given). */
  readonly plover: readonly string[];
  readonly modality: ModalityValue | null;
  /** The words of the text that carry the event, when the gold gives them. */
  readonly cue: string | null;
}

/** Rules whose violation is listed apart (the seed's `forbidden`). */
export interface ForbiddenRules {
  /** Modalities that are wrong for an event matching a required event. */
  readonly modality: readonly ModalityValue[];
  /** CAMEO roots that no coded event may have. */
  readonly cameoRoots: readonly string[];
  readonly note: string | null;
}

/** One text to code and what should be found in it. */
export interface GoldItem {
  /** Key of the item's coded events in the map given to `score`. */
  readonly id: string;
  readonly text: string;
  /** Publication date, ISO YYYY-MM-DD, when known. */
  readonly date: string | null;
  readonly scheme: GoldScheme;
  readonly required: readonly GoldEvent[];
  /** Coded events matching one of these are neither credited nor penalised. */
  readonly acceptable: readonly GoldEvent[];
  readonly forbidden: ForbiddenRules | null;
}

export type GoldFormat = 'plover' | 'seed' | 'cameo';
export const goldFormats: readonly GoldFormat[] = ['plover', 'seed', 'cameo'];
