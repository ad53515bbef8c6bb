/**
 * `consult.host-seat`: "The Japanese foreign minister held talks in Beijing": a consultation held in the seat
 * of another country's government, with no one else named, is held with that government, its host (as
 * "a visit to Beijing" is a visit to China). Only a seat of government, not any city or country, and only
 * for a source of another country: "EU ministers met in Brussels" and "Chinese officials met in Beijing"
 * name no host.
 */
import type { ActorMention } from '../core/doc.js';
import { governingPreposition, type SentenceView } from './clause.js';

export function hostSeat(view: SentenceView, sources: readonly ActorMention[], after: number, end: number): ActorMention[] {
  if (!sources.length || sources.some((s) => s.actors.some((a) => a.country === null))) return [];
  const seat = view.mentions.find((x) => x.kind === 'seat' && x.tokenStart > after && x.tokenStart < end && governingPreposition(view, x) === 'in');
  const country = seat?.actors[0]?.country ?? null;
  if (!seat || country === null || sources.some((s) => s.actors.some((a) => a.country === country))) return [];
  return [seat];
}
