/**
 * Reader for PETRARCH/TABARI `.agents` files (format: ../shared/reference/phoenix/dictionaries-format.rst).
 *
 *   !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON     a substitution set, used as CONGRESS!PERSON!
 *   SOLDIER [~MIL]                                 a noun and the sector it adds after the actor's code
 *   CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]   an irregular plural; `{}` means no plural
 *   HUMAN_RIGHTS_BODY [NGO~]                       a code put before the actor's code
 *
 * Regular plurals follow English: "soldier" -> "soldiers", "militia" -> "militias", "army" -> "armies",
 * "witness" -> "witnesses", "church" -> "churches". A phrase ending in `_` gets no plural.
 */
import type { KnowledgeIssue } from '../../core/errors.js';

export interface PetrarchAgent {
  readonly line: number;
  /** Lower-case names, each with its plural, substitution sets expanded: ["soldier", "soldiers"]. */
  readonly names: readonly string[];
  /** The sector code, "MIL" for [~MIL] and "NGO" for [NGO~]. */
  readonly code: string;
  /** True for [NGO~]: the code goes before the actor's code. */
  readonly prefix: boolean;
}

export interface ParsedAgents {
  readonly agents: readonly PetrarchAgent[];
  readonly issues: readonly KnowledgeIssue[];
}

/** English regular plural of a noun phrase's last word. */
export function pluralOf(phrase: string): string {
  const words = phrase.split(' ');
  const last = words[words.length - 1];
  let plural: string;
  if (/[^aeiou]y$/.test(last)) plural = `${last.slice(0, -1)}ies`;
  else if (/(s|sh|ch|x|z)$/.test(last)) plural = `${last}es`;
  else plural = `${last}s`;
  return [...words.slice(0, -1), plural].join(' ');
}

/** "CHAMBER_OF_COMMERCE" -> "chamber of commerce". */
function words(phrase: string): string {
  return phrase.replace(/_+$/, '').split(/[_\s]+/).filter(Boolean).join(' ').toLowerCase();
}

function expand(phrase: string, sets: ReadonlyMap<string, readonly string[]>): string[] | null {
  const m = /!([A-Z]+)!/.exec(phrase);
  if (!m) return [phrase];
  const items = sets.get(m[1]);
  if (!items) return null;
  return items.flatMap((item) => expand(phrase.replace(m[0], item), sets) ?? []);
}

interface LineParts {
  readonly phrase: string;
  readonly plural: string | null;
  readonly code: string;
  readonly prefix: boolean;
}

function readLine(body: string): LineParts | string {
  const m = /^([^{[]+?)\s*(?:\{([^}]*)\})?\s*\[\s*(~?)([A-Z]{3,})(~?)\s*[\]}]\s*$/.exec(body.trim());
  if (!m) return `cannot read the agent line "${body.trim()}" (expected PHRASE {plural} [~CODE])`;
  const [, phrase, plural, before, code, after] = m;
  if ((before === '~') === (after === '~')) return `the code in "${body.trim()}" needs one ~, before or after it`;
  return { phrase: phrase.trim(), plural: plural === undefined ? null : plural.trim(), code, prefix: after === '~' };
}

export function parseAgentsFile(text: string, file: string): ParsedAgents {
  const agents: PetrarchAgent[] = [];
  const issues: KnowledgeIssue[] = [];
  const sets = new Map<string, string[]>();
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = k + 1;
    const body = raw.replace(/#.*$/, '').replace(/<!--.*?-->/g, '');
    if (!body.trim()) return;
    const set = /^\s*!([A-Z]+)!\s*=\s*(.+)$/.exec(body);
    if (set) {
      sets.set(set[1], set[2].split(',').map((s) => s.trim()).filter(Boolean));
      return;
    }
    const parts = readLine(body);
    if (typeof parts === 'string') {
      issues.push({ file, line, entry: null, message: parts });
      return;
    }
    const forms = expand(parts.phrase, sets);
    if (!forms) {
      issues.push({ file, line, entry: null, message: `undefined substitution set in "${parts.phrase}"` });
      return;
    }
    const substituted = forms.length > 1 || forms[0] !== parts.phrase;
    const names: string[] = [];
    for (const form of forms) {
      const singular = words(form);
      if (!singular) continue;
      names.push(singular);
      if (substituted || /_$/.test(form) || parts.plural === '') continue;
      names.push(parts.plural !== null ? words(parts.plural) : pluralOf(singular));
    }
    if (names.length) agents.push({ line, names: [...new Set(names)], code: parts.code, prefix: parts.prefix });
  });
  return { agents, issues };
}
