/** Closed-class words of English grammar that several stages read (not knowledge: these do not grow). */

/** Verbs that report speech: their subject is who said it, not who did it. */
export const REPORTING_VERBS: ReadonlySet<string> = new Set([
  'say', 'tell', 'announce', 'state', 'report', 'claim', 'add', 'note', 'declare', 'insist', 'confirm',
  'write', 'allege', 'argue', 'quote', 'recall', 'explain', 'stress', 'believe', 'think',
]);

/** Verbs whose object is the subject of the infinitive after it: "urged Y to support Z". */
export const OBJECT_CONTROL_VERBS: ReadonlySet<string> = new Set([
  'urge', 'ask', 'call', 'press', 'persuade', 'order', 'tell', 'force', 'allow', 'invite', 'encourage',
  'request', 'require', 'warn', 'help', 'pressure', 'pressurize', 'compel', 'permit', 'authorize', 'authorise',
  'enable', 'instruct', 'direct', 'appeal', 'implore', 'beg', 'advise', 'lead', 'get', 'want', 'expect',
]);


export const WEEKDAYS: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Weekday and month names: capitalised, but no titles or names ("on Friday they", "called on February 24"). */
export const CALENDAR_NAMES: ReadonlySet<string> = new Set([
  ...WEEKDAYS, 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december',
]);

/** Nouns that name a time, not a thing: "the Security Council today agreed". */
export const TIME_NOUNS: ReadonlySet<string> = new Set([
  'today', 'yesterday', 'tonight', 'morning', 'afternoon', 'evening', 'night', 'week', 'weekend', 'month', 'year', 'day',
]);

/** Possessive pronouns of the third person: "reiterated its demand" is the subject's own. */
export const THIRD_PERSON_POSSESSIVES: ReadonlySet<string> = new Set(['its', 'his', 'her', 'their']);

/** Honorifics before a surname: "Mr Clarke", "Dr. Rice", "Lord Butler". */
export const HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'sir', 'dame', 'lord', 'lady']);

/** Verbs that allege an act ("accused X of attacking"): the act is coded, as claimed (src/events/claimed.ts). */
export const CLAIMING_VERBS: ReadonlySet<string> = new Set(['accuse', 'accused', 'charge', 'charged', 'blame', 'blamed', 'suspect', 'suspected', 'allege', 'alleged', 'implicate', 'implicated']);

/** Words of a court's finding ("convicted of bombing", "found guilty of"): the act is a charge, no event. */
export const FINDING_VERBS: ReadonlySet<string> = new Set(['convict', 'convicted', 'guilty', 'acquit', 'acquitted']);

/** Lower-case particles inside personal names: "Saleh al-Mutlaq", "Osama bin Laden", "Ursula von der Leyen". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'van', 'von', 'der', 'de', 'da', 'di', 'du', 'dos', 'del', 'la', 'le']);

/** Verbs after which "it" is the empty subject of English: "it is clear", "it seems", "it emerged". */
export const EXPLETIVE_VERBS: ReadonlySet<string> = new Set(['be', 'seem', 'appear', 'emerge', 'remain', 'take', 'matter', 'happen', 'follow', 'rain']);

/** What follows a news dateline's place: "GAZA - The army ...", "MOSCOW (Reuters) - ...". */
export const DATELINE_MARKS: ReadonlySet<string> = new Set(['-', '\u2013', '\u2014', '--', '(']);
