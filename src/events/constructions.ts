/**
 * Constructions: events told by a sentence's grammar rather than by one verb or noun.
 *
 * ReportedObligation: "Russia said Sudan must return the helicopter", "Britain insisted that Iran should
 * stop": a speaker states what another actor must do, which CAMEO codes as a demand (100) from the
 * speaker to that actor. The obligation itself stays an event of its own, with a hypothetical modality.
 */
import type { ActorMention } from '../core/doc.js';
import type { Token } from '../core/doc.js';
import { clauseStart, conjunctsRight, governingPreposition, isReportingVerb, subjectBefore, verbBetween, type SentenceView } from './clause.js';
import type { CodedTrigger } from './coder.js';
import type { Pattern } from './patterns.js';
import { wordsOf } from '../syntax/english.js';

const OBLIGATION = wordsOf('auxiliary.obligation');

/** The construction's rule, recorded on its events like a pattern from the data files. */
export const REPORTED_OBLIGATION: Pattern = {
  id: 'construction.reported-obligation',
  cameo: '100',
  phrase: 'say * must',
  nominal: false,
  target: ['object'],
  source: [],
  symmetric: false,
  inverse: false,
  activeOnly: false,
  needsTarget: true,
  unless: [],
  confidence: 0.6,
  elements: [],
  file: 'src/events/constructions.ts',
  line: 1,
};

/** Verbs that state a conclusion another must act on, beside the reporting verbs: "the forum concluded that". */
const CONCLUDING = wordsOf('verb.concluding');

function statesObligation(t: Token): boolean {
  return isReportingVerb(t) || (CONCLUDING.has(t.lemma) && t.pos === 'VERB');
}

/**
 * The modal after the obliged subject: "[Israel] must", "[US and British forces] must", "[the US and other
 * developed nations] must". Only the subject's own phrase may stand between: no verb.
 */
function modalAfter(view: SentenceView, actor: ActorMention): number | null {
  const conjuncts = conjunctsRight(view, actor, view.to);
  const from = (conjuncts[conjuncts.length - 1] ?? actor).tokenEnd;
  for (let k = from; k < Math.min(view.to, from + 5); k++) {
    if (OBLIGATION.has(view.tokens[k].normal)) return verbBetween(view, from, k) ? null : k;
    if (view.tokens[k].normal === ',') return null;
  }
  return null;
}

/** The subject of the reported clause and its modal: "[Sudan] [must]". */
function obligedActor(view: SentenceView, verb: number): { actor: ActorMention; modal: number; also: ActorMention[] } | null {
  // "said on Tuesday that Sudan must": a short adjunct may stand before "that".
  let k = verb + 1;
  for (let j = verb + 1; j <= Math.min(view.to - 1, verb + 5); j++) {
    if (view.tokens[j].normal === 'that') {
      k = j + 1;
      break;
    }
  }
  const actor = view.mentions.find((m) => m.tokenStart >= k && m.tokenStart <= k + 2 && governingPreposition(view, m) === null);
  if (!actor) return null;
  const modal = modalAfter(view, actor);
  return modal === null ? null : { actor, modal, also: conjunctsRight(view, actor, modal) };
}

export function reportedObligations(view: SentenceView): CodedTrigger[] {
  const out: CodedTrigger[] = [];
  for (let k = view.from; k < view.to; k++) {
    if (!statesObligation(view.tokens[k])) continue;
    const obliged = obligedActor(view, k);
    if (!obliged) continue;
    const speaker = subjectBefore(view, k, clauseStart(view, k));
    if (!speaker.length) continue;
    out.push({
      match: { pattern: REPORTED_OBLIGATION, tokens: [k, obliged.modal] },
      sources: speaker,
      targets: [obliged.actor, ...obliged.also],
      attribution: null,
      definite: false,
    });
  }
  return out;
}
