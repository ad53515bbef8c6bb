/**
 * The `Doc`: one article and its stand-off annotation layers.
 *
 * Every layer indexes `doc.text` by character offsets (`start` inclusive, `end` exclusive).
 * Stages never mutate a Doc; each returns a new Doc with its own layer added.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A span with the text it covers, as written into output records. */
export interface TextSpan extends Span {
  readonly text: string;
}

export type Pos =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART'
  | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

export interface Token extends Span {
  /** Index of the token in `doc.tokens`. */
  readonly index: number;
  readonly sentence: number;
  /** The text as written. */
  readonly text: string;
  /** Lower-cased, with curly quotes folded to straight ones. */
  readonly normal: string;
  readonly lemma: string;
  readonly pos: Pos;
}

/**
 * One token's place in the dependency parse (Universal Dependencies relations, e.g. "nsubj",
 * "nsubj:pass", "obj", "obl", "obl:agent", "ccomp", "xcomp", "conj", "advmod"). Parallel to `tokens`.
 */
export interface Dependency {
  /** Index into `doc.tokens` of the head; -1 for the root of its sentence. Always in the same sentence. */
  readonly head: number;
  /** The UD relation to the head ("root" for the sentence root). */
  readonly rel: string;
  /** The UPOS tag the parser used (from the parser's own tagger; `Token.pos` stays wink's). */
  readonly upos: Pos;
}

export interface Sentence extends Span {
  readonly index: number;
  /** First token (inclusive) and last token (exclusive) in `doc.tokens`. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** Paragraph number: blank lines separate paragraphs. */
  readonly paragraph: number;
}

/** ISO-3166 alpha-3, or an IGO/NGO code such as "IGO", "NGO". */
export type CountryCode = string;

/** What a mention stands for before dated roles are resolved. */
export interface ActorRef {
  /** Full CAMEO-style code, e.g. "RUSGOV", "IGOUNO", "CHN". */
  readonly code: string;
  readonly country: CountryCode | null;
  readonly sector: string | null;
  /** Canonical person or organisation name. */
  readonly name: string | null;
  readonly role: string | null;
  /** Stable id of the person or organisation entry in the knowledge. */
  readonly entityId: string | null;
}

export type MentionKind =
  | 'country' | 'seat' | 'person' | 'title' | 'organisation' | 'agent' | 'coreference';

export interface ActorMention extends Span {
  readonly index: number;
  readonly sentence: number;
  readonly tokenStart: number;
  readonly tokenEnd: number;
  readonly kind: MentionKind;
  /** One actor, or several for group references ("the two leaders", "both nations"). */
  readonly actors: readonly ActorRef[];
  /** Id of the knowledge entry that matched, for "why was this coded?". */
  readonly ruleId: string;
  /** For a title-only mention ("the Chinese premier"): the role to resolve at the event's date. */
  readonly titleQuery?: { readonly country: CountryCode | null; readonly role: string; readonly office: string };
  /** A demonym used as an adjective ("Russian attack"): may own a nominal event, is no clause subject. */
  readonly modifier?: boolean;
}

export type EventArgument = 'source' | 'target';

export interface EventMention {
  readonly index: number;
  readonly sentence: number;
  /** Trigger words (for multi-word patterns, from first to last matched token). */
  readonly trigger: Span;
  readonly triggerTokens: readonly number[];
  readonly cameo: string;
  readonly ruleId: string;
  /** Nominal events ("the signing of", "a visit to") as opposed to verbal ones. */
  readonly nominal: boolean;
  /** Mention indices (into `doc.mentions`) for source and target; several for compounds. */
  readonly sources: readonly number[];
  readonly targets: readonly number[];
  /** Who said it, when the event is reported speech ("according to the Kremlin", "X said"). */
  readonly attribution: number | null;
  /** Event this mention refers back to ("this meeting", "the visit"), by index. */
  readonly antecedent: number | null;
  readonly confidence: number;
  /** The subject names the means of an attack, not its doer ("a roadside bomb killed"). */
  readonly byMeans?: boolean;
  /** The verb that alleges this act ("Russia accused Ukraine of attacking"): its modality is claimed. */
  readonly claimedBy?: Span;
}

export type ModalityValue = 'occurred' | 'planned' | 'expected' | 'hypothetical' | 'negated' | 'claimed';

/**
 * How an occurred event is told: in the simple past ("met", "was arrested", "had talks") or the
 * present perfect ("has met", "have been freed"). The perfect tells news of now; the simple past a
 * past time the text may not name.
 */
export type Tense = 'past' | 'perfect';

export interface Modality {
  readonly value: ModalityValue;
  readonly cue: Span | null;
  /** For an occurred event, the tense its cue shows; absent when none is read (present tense, no verb). */
  readonly tense?: Tense;
}

export type DatePrecision = 'day' | 'week' | 'month' | 'year';

export interface DateRange {
  /** ISO dates, YYYY-MM-DD. */
  readonly start: string;
  readonly end: string;
  readonly precision: DatePrecision;
}

export interface DateMention extends Span {
  readonly sentence: number;
  readonly range: DateRange;
}

/** How an event got its date: from its own sentence, from the event it belongs to, or none. */
export interface EventDate extends DateRange {
  readonly basis: 'text' | 'attributed' | 'published';
  readonly evidence: Span | null;
}

export interface Place {
  readonly name: string;
  readonly country: CountryCode | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly evidence: Span | null;
}

export interface Doc {
  readonly id: string;
  readonly text: string;
  readonly title: string | null;
  readonly url: string | null;
  readonly source: string | null;
  /** Publication date, ISO YYYY-MM-DD, when known. */
  readonly published: string | null;
  readonly language: string | null;

  // Layers, each added by one stage.
  readonly sentences?: readonly Sentence[];
  readonly tokens?: readonly Token[];
  /** Parallel to `tokens`: the dependency parse (stage `parse`). */
  readonly deps?: readonly Dependency[];
  readonly mentions?: readonly ActorMention[];
  readonly events?: readonly EventMention[];
  /** Parallel to `events`. */
  readonly modality?: readonly Modality[];
  readonly dates?: readonly DateMention[];
  /** Parallel to `events`. */
  readonly eventDates?: readonly (EventDate | null)[];
  /** Parallel to `events`. */
  readonly places?: readonly (Place | null)[];
  /** Parallel to `events`. */
  readonly topics?: readonly (readonly string[])[];
}

export type LayerName =
  | 'sentences' | 'tokens' | 'deps' | 'mentions' | 'events' | 'modality' | 'dates' | 'eventDates'
  | 'places' | 'topics';

/** The input of the pipeline: text plus what the source says about it. */
export interface DocInput {
  readonly id?: string | null;
  readonly text: string;
  readonly title?: string | null;
  readonly url?: string | null;
  readonly source?: string | null;
  readonly published?: string | null;
  readonly language?: string | null;
}

/** Layer access that fails loudly when a stage runs before its inputs exist. */
export function layer<K extends LayerName>(doc: Doc, name: K): NonNullable<Doc[K]> {
  const value = doc[name];
  if (value === undefined) throw new Error(`layer "${name}" missing on doc ${doc.id}`);
  return value as NonNullable<Doc[K]>;
}

export function spanText(doc: Doc, span: Span): TextSpan {
  return { text: doc.text.slice(span.start, span.end), start: span.start, end: span.end };
}
