/**
 * Content events: "rejected an offer to host a summit", "urged Y to attack Z", "threatened to invade".
 * The appeal, intent, demand, rejection or threat is the event; what it is about (the summit, the attack)
 * has not happened and is not coded as an event of its own, as CAMEO coding practice has it. What an
 * accusation alleges ("accused X of shelling") is coded, as claimed (claimed.ts). A coordinated verb
 * ("rejected the offer and attacked Y") stays an event.
 */
import { clauseEnd, conjunctsRight, objectAfter, reflexive, type SentenceView } from './clause.js';
import type { CodedTrigger } from './coder.js';
import { accused, allegationOf, type Allegation } from './claimed.js';
import { isCameo, threatOf } from '../knowledge/cameo-categories.js';
import { syntaxWords } from '../syntax/words.js';
import { wordsOf } from '../syntax/english.js';

/** Content verbs whose content is kept, negated: "refused to", "declined to", "failed to", "ruled out hosting". */
const NEGATING = wordsOf('verb.refusal');

function head(c: CodedTrigger): number {
  return c.match.tokens[0];
}

function last(c: CodedTrigger): number {
  return Math.max(...c.match.tokens);
}

const VERB_JOINERS = wordsOf('clause.verb-joiner');
/** "if", "unless": a condition opens. */
const CONDITIONS = wordsOf('clause.condition');

/** Is there an "and"/"but" right before token i, or a new subject? Then i starts a coordinated clause. */
function coordinated(view: SentenceView, from: number, i: number): boolean {
  for (let k = from; k < i; k++) {
    const w = view.tokens[k].normal;
    if (VERB_JOINERS.has(w) && view.tokens[k + 1] && ['VERB', 'AUX', 'ADV'].includes(view.tokens[k + 1].pos)) return true;
  }
  return false;
}

/** The first actor named in a content event's own clause after it ("threatened to launch an offensive against Iraq"). */
function contentActor(view: SentenceView, h: CodedTrigger): CodedTrigger['targets'] {
  const end = Math.min(clauseEnd(view, last(h)), last(h) + 13);
  const m = view.mentions.find((x) => x.tokenStart > last(h) && x.tokenEnd <= end && !h.sources.includes(x));
  // Not across a coordinated verb: "condemned the measures and threatened the EU".
  return m && !coordinated(view, last(h) + 1, m.tokenStart) ? [m, ...conjunctsRight(view, m, end)] : [];
}

const SETTING = wordsOf('preposition.setting');
const PHRASE_POS = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PART']);

/**
 * "surrendered following a government offensive", "rioting during a G8 summit": a noun event in a time
 * adjunct sets the scene for the sentence's own verb event; it is background, not news of its own.
 */
function background(view: SentenceView, c: CodedTrigger, coded: readonly CodedTrigger[]): boolean {
  if (!c.match.pattern.nominal) return false;
  let k = head(c) - 1;
  while (k > view.from && head(c) - k <= 5 && PHRASE_POS.has(view.tokens[k].pos) && !SETTING.has(view.tokens[k].normal)) k--;
  if (!SETTING.has(view.tokens[k]?.normal ?? '')) return false;
  return coded.some((x) => x !== c && !x.match.pattern.nominal);
}

/** "police opened fire to disperse demonstrators": force used to act on someone is used against them. */
function purposeTarget(view: SentenceView, c: CodedTrigger): CodedTrigger['targets'] {
  if (!isCameo('force', c.match.pattern.cameo)) return [];
  const to = last(c) + 1;
  if (view.tokens[to]?.normal !== 'to' || view.tokens[to + 1]?.pos !== 'VERB') return [];
  return objectAfter(view, to + 2, clauseEnd(view, to + 1)).filter((m) => !c.sources.includes(m));
}

/**
 * "threatened to stop negotiations if the United States goes ahead", "will boycott unless the president
 * steps down": a threat is aimed at whom its condition names.
 */
function conditionActor(view: SentenceView, h: CodedTrigger): CodedTrigger['targets'] {
  for (let k = last(h) + 1; k < Math.min(view.to, last(h) + 16); k++) {
    if (!CONDITIONS.has(view.tokens[k].normal)) continue;
    const m = view.mentions.find((x) => x.tokenStart > k && x.tokenStart <= k + 3 && !h.sources.includes(x));
    return m ? [m] : [];
  }
  return [];
}

/** "staged demonstrations to demand reforms": an infinitive of purpose after an event is its aim, not an event. */
function purposeOf(view: SentenceView, h: CodedTrigger, c: CodedTrigger): boolean {
  return h !== c && !isCameo('content', h.match.pattern.cameo) && !c.match.pattern.nominal
    && view.tokens[head(c) - 1]?.normal === 'to' && holds(view, h, c);
}

function holds(view: SentenceView, h: CodedTrigger, c: CodedTrigger): boolean {
  if (h === c || head(c) <= last(h) || head(c) >= clauseEnd(view, last(h))) return false;
  if (coordinated(view, last(h) + 1, head(c))) return false;
  // "refused to host Germany", "ruled out hosting Germany": the hosting stays, as a negated event.
  const gerund = head(c) === last(h) + 1 && view.tokens[head(c)].normal.endsWith('ing');
  if (NEGATING.has(view.tokens[head(h)].lemma) && (view.tokens[head(c) - 1]?.normal === 'to' || gerund) && head(c) - last(h) <= 2) return false;
  return head(c) - last(h) <= 12;
}

/**
 * "accused Ukraine of attacking a convoy", "nationals suspected by the West of bombing a plane": the act is
 * alleged, coded as claimed and done by the accused (src/events/claimed.ts); "convicted of bombing" is a
 * court's finding, told as a charge, not an event.
 */
function claimedAct(view: SentenceView, c: CodedTrigger, allegation: Allegation): CodedTrigger {
  const doers = accused(view, allegation.at, head(c) - 1);
  const targets = c.targets.filter((t) => !doers.includes(t));
  return { ...c, sources: doers, targets, claimedBy: allegation.at };
}

/**
 * "demonstrated in Kirkuk calling for independence", "blocked roads to press their demands for freedom":
 * a demand told after a protest in its clause (a participle, a noun, an infinitive) is what the protest is
 * for, not an event of its own.
 */
function aimOfProtest(view: SentenceView, h: CodedTrigger, c: CodedTrigger): boolean {
  if (h === c || !isCameo('protest', h.match.pattern.cameo) || !isCameo('demand', c.match.pattern.cameo)) return false;
  if (head(c) <= last(h) || head(c) >= clauseEnd(view, last(h)) || head(c) - last(h) > 14) return false;
  const t = view.tokens[head(c)];
  return c.match.pattern.nominal || t.normal.endsWith('ing') || view.tokens[head(c) - 1]?.normal === 'to';
}

/** "would", "will", "could": the modals of an act that is yet to come. */
const CONDITIONAL_MODALS = wordsOf('auxiliary.conditional');
const NEGATORS = syntaxWords().negators;

/**
 * threat.conditional: "Morocco would recall its ambassador if Spain allowed the visit": a hostile act
 * told as conditional (a modal before it, "if" or "unless" after it) is a threat of that act, made now,
 * and aimed at whom the condition names (data/cameo/categories.yaml gives each act's threat code).
 * "would not attack if" promises restraint: no threat.
 */
function asThreat(view: SentenceView, c: CodedTrigger): CodedTrigger {
  const threat = threatOf(c.match.pattern.cameo);
  if (threat === null || c.match.pattern.nominal) return c;
  let k = head(c) - 1;
  while (k > view.from && (view.tokens[k].pos === 'ADV' || view.tokens[k].pos === 'AUX') && !CONDITIONAL_MODALS.has(view.tokens[k].normal)) {
    if (NEGATORS.has(view.tokens[k].normal)) return c;
    k--;
  }
  if (!CONDITIONAL_MODALS.has(view.tokens[k]?.normal ?? '') || conditionAt(view, c) < 0) return c;
  const pattern = { ...c.match.pattern, cameo: threat, id: `${c.match.pattern.id}+if` };
  // The modal is the threat's own word ("would recall"): the threat is made, not planned.
  const threatened = { ...c, match: { ...c.match, pattern, tokens: [...c.match.tokens, k] } };
  return threatened.targets.length ? threatened : { ...threatened, targets: conditionActor(view, threatened) };
}

/** The "if" or "unless" after a trigger, in its sentence, or -1. */
function conditionAt(view: SentenceView, h: CodedTrigger): number {
  for (let k = last(h) + 1; k < Math.min(view.to, last(h) + 16); k++) if (CONDITIONS.has(view.tokens[k].normal)) return k;
  return -1;
}

/**
 * Drops the triggers that are the content of a content event in the same clause. A content event with
 * no target of its own takes its content's ("threatened to stop negotiations with the United States"
 * is a threat to the United States).
 */
export function withoutContentEvents(view: SentenceView, told: readonly CodedTrigger[]): CodedTrigger[] {
  const coded = told.map((c) => asThreat(view, c));
  const holders = coded.filter((c) => isCameo('content', c.match.pattern.cameo));
  const out: CodedTrigger[] = [];
  for (const c of coded) {
    const allegation = allegationOf(view, head(c));
    if (allegation?.kind === 'claim') {
      out.push(claimedAct(view, c, allegation));
      continue;
    }
    if (allegation?.kind === 'finding' || background(view, c, coded) || holders.some((h) => holds(view, h, c)) || coded.some((h) => purposeOf(view, h, c) || aimOfProtest(view, h, c))) continue;
    // A protest with no target of its own is against whom its demand is addressed.
    const aim = c.targets.length ? undefined : coded.find((x) => aimOfProtest(view, c, x) && x.targets.length);
    if (aim) {
      out.push({ ...c, targets: aim.targets.filter((t) => !c.sources.includes(t)) });
      continue;
    }
    const purpose = c.targets.length ? [] : purposeTarget(view, c);
    if (purpose.length) {
      out.push({ ...c, targets: purpose });
      continue;
    }
    // "X and Y agreed to share information": a symmetric pair is its own dyad.
    if (c.targets.length || !holders.includes(c) || (c.match.pattern.symmetric && c.sources.length > 1)) {
      out.push(c);
      continue;
    }
    const content = coded.find((x) => holds(view, c, x) && x.targets.length);
    let targets: CodedTrigger['targets'] = (content ? content.targets : contentActor(view, c)).filter((t) => !c.sources.includes(t) && !reflexive(t, c.sources));
    if (!targets.length && isCameo('threaten', c.match.pattern.cameo)) targets = conditionActor(view, c);
    out.push(targets.length ? { ...c, targets } : c);
  }
  return out;
}
