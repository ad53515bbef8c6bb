/** Human-readable summaries and reasons for misses and false positives. */
import type { Span } from '../core/doc.js';
import type { ActorOut, CodedEvent } from '../core/event.js';
import {
  actorMatches, codedType, eventMatches, goldTypes, typeMatches, type Level, type MatchOptions,
} from './match.js';
import type { GoldActor, GoldEvent, GoldScheme } from './types.js';

function goldActorLabel(a: GoldActor | null): string {
  if (a === null) return '(none)';
  const country = a.countries.length ? a.countries.join('|') : '?';
  return a.sector ? `${country}/${a.sector}` : country;
}

function codedActorLabel(a: ActorOut | null): string {
  if (a === null) return '(none)';
  const country = a.country ?? a.code;
  return a.sector ? `${country}/${a.sector}` : country;
}

export function describeGold(g: GoldEvent, scheme: GoldScheme): string {
  const types = scheme === 'plover' ? g.plover.join('|') : g.cameo.join('|');
  const arrow = g.symmetric ? '<->' : '->';
  return `${types} ${goldActorLabel(g.source)} ${arrow} ${goldActorLabel(g.target)}`;
}

export function describeCoded(ev: CodedEvent): string {
  return `${ev.plover.type} (CAMEO ${ev.cameo}) ${codedActorLabel(ev.source)} -> ${codedActorLabel(ev.target)}, ${ev.modality}, rule ${ev.rule}`;
}

/** The sentence of `text` around `span`, found by end punctuation; the text itself when short. */
export function sentenceAround(text: string, span: Span | null): string {
  if (span === null || span.start < 0 || span.end > text.length || span.start > span.end) {
    return text.length <= 300 ? text : `${text.slice(0, 297)}...`;
  }
  const before = text.slice(0, span.start);
  const starts = [...before.matchAll(/[.!?]["')\]]?\s+|\n\s*\n/g)];
  const last = starts.at(-1);
  const start = last ? (last.index ?? 0) + last[0].length : 0;
  const after = /[.!?](?=["')\]]?(\s|$))|\n\s*\n/.exec(text.slice(span.end));
  const end = after ? span.end + after.index + 1 : text.length;
  return text.slice(start, end).trim();
}

function actorProblems(g: GoldEvent, ev: CodedEvent, sectors: boolean): string {
  const problems: string[] = [];
  if (!actorMatches(g.source, ev.source, sectors)) {
    problems.push(`source ${codedActorLabel(ev.source)}, expected ${goldActorLabel(g.source)}`);
  }
  if (!actorMatches(g.target, ev.target, sectors)) {
    problems.push(`target ${codedActorLabel(ev.target)}, expected ${goldActorLabel(g.target)}`);
  }
  return problems.join('; ') || 'actors swapped on a non-symmetric event';
}

/** Why an expected event found no coded event. `used` holds coded indices matched elsewhere. */
export function whyMissed(
  g: GoldEvent, coded: readonly CodedEvent[], used: ReadonlySet<number>, scheme: GoldScheme, level: Level, opts: MatchOptions,
): string {
  const wanted = goldTypes(g, scheme, level).join('|');
  const sameType = coded.map((ev, i) => ({ ev, i })).filter(({ ev }) => typeMatches(g, ev, scheme, level, opts));
  if (sameType.length === 0) {
    const got = [...new Set(coded.map((ev) => codedType(ev, scheme, level, opts)).filter((t) => t !== null))];
    return `no coded event of type ${wanted}` + (got.length ? ` (coded: ${got.join(', ')})` : ' (nothing coded)');
  }
  const full = sameType.filter(({ ev }) => eventMatches(g, ev, scheme, level, opts));
  if (full.length > 0 && full.every(({ i }) => used.has(i))) {
    return `the coded ${wanted} event(s) that fit were matched to other expected events`;
  }
  const first = sameType[0].ev;
  return `coded ${wanted} has ${actorProblems(g, first, level === 'strict' && scheme === 'plover')}`;
}

/** Why a coded event is a false positive; `matched` holds gold indices already taken. */
export function whyFalse(
  ev: CodedEvent, golds: readonly GoldEvent[], matched: ReadonlySet<number>, scheme: GoldScheme, level: Level, opts: MatchOptions,
): string {
  const type = codedType(ev, scheme, level, opts) ?? '(none)';
  const sameType = golds.map((g, i) => ({ g, i })).filter(({ g }) => typeMatches(g, ev, scheme, level, opts));
  if (sameType.length === 0) {
    const expected = [...new Set(golds.flatMap((g) => goldTypes(g, scheme, level)))];
    return `no expected event of type ${type}` + (expected.length ? ` (expected: ${expected.join(', ')})` : ' (none expected)');
  }
  const taken = sameType.find(({ g, i }) => matched.has(i) && eventMatches(g, ev, scheme, level, opts));
  if (taken) return `duplicate: expected ${taken.g.id} is already matched by another coded event`;
  const first = sameType[0].g;
  return `expected ${first.id} (${describeGold(first, scheme)}) differs: ${actorProblems(first, ev, level === 'strict' && scheme === 'plover')}`;
}
