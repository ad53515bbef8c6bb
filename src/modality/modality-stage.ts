/**
 * modality: did the event occur, or is it planned, expected, hypothetical, negated or only claimed?
 * Cues come from data/modality/cues.yaml; tense decides between occurred and nothing-said.
 */
import { join } from 'node:path';
import { z } from 'zod';
import type { Doc, EventMention, Modality, ModalityValue, Span, Tense, Token } from '../core/doc.js';
import { bySentence } from '../core/by-sentence.js';
import { layer } from '../core/doc.js';
import type { Stage, StageContext } from '../core/stage.js';
import { loadDataFile } from '../knowledge/data-file.js';
import type { KnowledgeSource } from '../knowledge/knowledge.js';
import { clauseStart, clauseEnd, isReportingVerb, type SentenceView } from '../events/clause.js';
import { compilePhrase, matchElements, type Element } from '../events/patterns.js';
import { phraseField } from '../events/phrase.js';
import { clauseOf, relOf, syntaxOf } from '../syntax/index.js';
import { wordsOf } from '../syntax/english.js';

const scopes = ['before', 'after', 'subject', 'governor'] as const;
type Scope = (typeof scopes)[number];

export const cueSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  value: z.enum(['planned', 'expected', 'hypothetical', 'negated', 'claimed']),
  phrase: phraseField(false),
  scope: z.array(z.enum(scopes)).min(1),
  note: z.string().optional(),
}).strict();

export interface Cue {
  readonly id: string;
  readonly value: ModalityValue;
  readonly elements: readonly Element[];
  readonly scope: ReadonlySet<Scope>;
}

export interface CueLexicon {
  readonly cues: readonly Cue[];
  readonly sources: readonly KnowledgeSource[];
}

export function loadCues(dataDir: string): CueLexicon {
  const data = loadDataFile(join(dataDir, 'modality', 'cues.yaml'), 'modality', cueSchema);
  return {
    cues: data.entries.map(({ value }) => ({ id: value.id, value: value.value, elements: compilePhrase(value.phrase), scope: new Set(value.scope) })),
    sources: [{ file: data.file, version: data.version }],
  };
}

/** How far after a noun trigger a cue may follow: "the visit to Japan, scheduled for ...". */
const AFTER_REACH = 8;

const STRENGTH: Readonly<Record<ModalityValue, number>> = {
  negated: 5, hypothetical: 4, claimed: 3, expected: 2, planned: 1, occurred: 0,
};

interface Found {
  readonly value: ModalityValue;
  readonly cue: Span;
}

function cuesIn(lex: CueLexicon, scope: Scope, tokens: readonly Token[], from: number, to: number): Found[] {
  const out: Found[] = [];
  for (let i = from; i < to; i++) {
    for (const cue of lex.cues) {
      if (!cue.scope.has(scope)) continue;
      const hit = matchElements(cue.elements, tokens, i, to);
      // "May 16", "March" as a month: a capitalised cue word inside a sentence is no cue.
      if (hit && hit.length && !(/^[A-Z]/.test(tokens[hit[0]].text) && tokens[hit[0]].sentence === tokens[hit[0] - 1]?.sentence)) out.push({ value: cue.value, cue: { start: tokens[hit[0]].start, end: tokens[hit[hit.length - 1]].end } });
    }
  }
  return out;
}

/** The verb group right after a noun phrase in subject position: "the meeting [is expected to] ...". */
function subjectVerbGroup(view: SentenceView, last: number, end: number): [number, number] | null {
  let k = last + 1;
  while (k < end && view.tokens[k].pos !== 'AUX' && view.tokens[k].pos !== 'VERB') k++;
  if (k >= end) return null;
  return [k, Math.min(end, k + 4)];
}

function isPast(t: Token): boolean {
  return (t.pos === 'VERB' || t.pos === 'AUX') && t.normal !== t.lemma && !t.normal.endsWith('ing') && !t.normal.endsWith('s');
}

/** Past forms that tell of a plan, not of the past ("the expected visit"). */
const PLANNED_FORMS = wordsOf('verb.planned-form');
/** Forms of "have" that make the present perfect ("has asked"); "had" makes the past perfect. */
const PRESENT_PERFECT = wordsOf('auxiliary.present-perfect');
const COORDINATORS = wordsOf('clause.coordinator');
const CONDITIONS = wordsOf('clause.condition');

/**
 * Past tense or present perfect in the clause before the trigger (or the trigger itself), with the
 * tense it shows: "has met" perfect, "met" and "had met" past.
 */
function pastCue(view: SentenceView, from: number, head: number): { readonly cue: Span; readonly tense: Tense } | null {
  for (let k = head - 1; k >= from; k--) {
    const t = view.tokens[k];
    const perfect = PRESENT_PERFECT.has(t.normal) && (t.pos === 'AUX' || t.pos === 'VERB');
    if (perfect || (t.lemma === 'have' && t.normal === 'had')) return { cue: { start: t.start, end: view.tokens[head].end }, tense: perfect ? 'perfect' : 'past' };
  }
  for (let k = head; k >= from; k--) {
    const t = view.tokens[k];
    if (isPast(t) && !PLANNED_FORMS.has(t.normal)) return { cue: { start: t.start, end: t.end }, tense: 'past' };
  }
  return null;
}

/** Headline future: "Indian Prime Minister to visit Japan" (a subject, "to", and no finite verb). */
function headlineFuture(view: SentenceView, event: EventMention, subjectEnd: number): Modality | null {
  const head = event.triggerTokens[0];
  const to = view.tokens[head - 1];
  if (event.nominal || to?.normal !== 'to' || head - 1 !== subjectEnd) return null;
  return { value: 'planned', cue: { start: to.start, end: to.end } };
}

/**
 * "They said they would meet the mediator": "would" after a past reporting verb is the future of the
 * past (reported "we will meet"), a plan, not a hypothesis.
 */
function reportedFuture(view: SentenceView, start: number, found: readonly Found[]): Found[] {
  const k = view.tokens[start - 1]?.normal === 'that' ? start - 2 : start - 1;
  const verb = view.tokens[k];
  if (!verb || !isReportingVerb(verb) || verb.normal === verb.lemma) return [...found];
  return found.map((f) => (f.value === 'hypothetical' && spanIsWord(view, f.cue, 'would') ? { ...f, value: 'planned' } : f));
}

/**
 * "Pakistan denied that its troops shelled ...": the verb whose clausal complement holds the event, by the
 * parse (the event's clause is its `ccomp`), else the verb right before the clause (and its "that").
 */
function governorCues(view: SentenceView, start: number, head: number, lex: CueLexicon): Found[] {
  const that = view.tokens[start - 1]?.normal === 'that';
  const k = that ? start - 2 : start - 1;
  const byWindow = k >= view.from && view.tokens[k].pos === 'VERB' ? k : -1;
  let byParse = -1;
  if (view.sx) {
    const c = clauseOf(view.sx, head);
    if (relOf(view.sx, c) === 'ccomp') byParse = view.sx.deps[c].head;
  }
  return [...new Set([byParse, byWindow])].filter((g) => g >= view.from).flatMap((g) => cuesIn(lex, 'governor', view.tokens, g, g + 1));
}

function spanIsWord(view: SentenceView, span: Span, word: string): boolean {
  return view.tokens.some((t) => t.start === span.start && t.end === span.end && t.normal === word);
}

/** "did not stop and blew himself up": a verb coordinated by "and" has its own cues, after the "and". */
function coordinationStart(view: SentenceView, start: number, head: number): number {
  for (let k = head - 1; k > start; k--) {
    const w = view.tokens[k].normal;
    if (COORDINATORS.has(w) && ['VERB', 'AUX', 'ADV'].includes(view.tokens[k + 1]?.pos ?? '')) return k + 1;
  }
  return start;
}

export function modalityOf(view: SentenceView, event: EventMention, lex: CueLexicon): Modality {
  const ids = event.triggerTokens;
  const head = ids[0];
  const last = ids[ids.length - 1];
  const start = clauseStart(view, head);
  const end = clauseEnd(view, last);
  // For a verb, read between its subject and itself: "X, who did not attend, met Y" is no negation of met.
  const subjectEnd = event.nominal ? start : Math.max(start, coordinationStart(view, start, head), ...view.mentions.filter((m) => m.tokenEnd <= head && m.tokenStart >= start).map((m) => m.tokenEnd));
  const found = reportedFuture(view, start, cuesIn(lex, 'before', view.tokens, subjectEnd, head));
  if (!event.nominal) found.push(...governorCues(view, start, head, lex));
  // "accused Ukraine of attacking": what an accusation alleges is claimed (src/events/claimed.ts).
  if (event.claimedBy) found.push({ value: 'claimed', cue: event.claimedBy });
  // "if Saddam fired on them": a clause opened by "if" or "unless" is a condition.
  const opener = view.tokens[start - 1];
  if (opener && CONDITIONS.has(opener.normal)) found.push({ value: 'hypothetical', cue: { start: opener.start, end: opener.end } });
  if (event.nominal) {
    found.push(...cuesIn(lex, 'after', view.tokens, last + 1, Math.min(end, last + AFTER_REACH)));
    const nothingBefore = !view.mentions.some((m) => m.tokenEnd <= head && m.tokenStart >= start) && found.length === 0;
    const group = nothingBefore ? subjectVerbGroup(view, last, end) : null;
    if (group) found.push(...cuesIn(lex, 'subject', view.tokens, group[0], group[1]));
  }
  if (found.length) {
    const best = found.reduce((a, b) => (STRENGTH[b.value] > STRENGTH[a.value] ? b : a));
    return { value: best.value, cue: best.cue };
  }
  const headline = headlineFuture(view, event, subjectEnd);
  if (headline) return headline;
  const past = pastCue(view, event.nominal ? start : Math.max(start, head - 3), head);
  return past ? { value: 'occurred', cue: past.cue, tense: past.tense } : { value: 'occurred', cue: null };
}

export class ModalityStage implements Stage {
  readonly name = 'modality';
  readonly requires = ['sentences', 'tokens', 'mentions', 'events'] as const;
  readonly provides = ['modality'] as const;

  run(doc: Doc, ctx: StageContext): Doc {
    const sentences = layer(doc, 'sentences');
    const tokens = layer(doc, 'tokens');
    const mentionsOf = bySentence(layer(doc, 'mentions'));
    const sx = doc.deps ? syntaxOf(doc) : undefined;
    const modality = layer(doc, 'events').map((event) => {
      const sent = sentences[event.sentence];
      const view: SentenceView = { tokens, from: sent.tokenStart, to: sent.tokenEnd, mentions: mentionsOf(event.sentence), ...(sx ? { sx } : {}) };
      return modalityOf(view, event, ctx.knowledge.cues);
    });
    return { ...doc, modality };
  }
}
