/**
 * Ethnic groups living across borders (data/actors/ethnic-groups.yaml): "Kurds", "Bosnian Serbs",
 * "Tamil rebels". CAMEO codes them by the country they live in, with a sector and an ethnic tag
 * ("Iraqi Kurds" IRQCVLKUR, "Tamil refugees" LKAREFTAM).
 *
 * Which country, in order:
 *  1. a country or demonym modifying the group, or a country after "in": "Bosnian Serbs" BIH,
 *     "Iraqi Kurds" IRQ, "Kurds in Syria" SYR (the draft is `fixed`);
 *  2. else the nearest country named in the same sentence that is one of the group's lands
 *     ("ethnic Albanians protested in Macedonia" MKD); countries outside its lands are ignored
 *     ("Kurds protested in Germany" stays with the home country);
 *  3. else the last of its lands named earlier in the document;
 *  4. else its home country (the entry's `country`).
 * Sector: the head agent's ("Kurdish rebels" REB), ELI for a title ("Yoruba leaders": a people's
 * leaders are its elite, as CAMEO codes them), else CVL.
 */
import type { ActorMention, ActorRef } from '../core/doc.js';
import type { PhraseTarget } from './dictionary.js';
import type { ComposeContext, MentionDraft } from './compose.js';
import type { PhraseMatch } from './matcher.js';
import { headSector, modifierAgent } from './modifiers.js';

type EthnicTarget = Extract<PhraseTarget, { kind: 'ethnic' }>;

export interface EthnicPlace {
  readonly lands: readonly string[];
  readonly fixed: boolean;
}

export function ethnicActor(t: EthnicTarget, country: string, sector: string): ActorRef {
  return { code: country + sector + t.tag, country, sector, name: t.name, role: null, entityId: t.id };
}

/** A chain holding an ethnic match: [country] ethnic [agent | title], or ethnic "in" country. */
export function ethnicDraft(chain: readonly PhraseMatch[], ctx: ComposeContext): MentionDraft | null {
  const at = chain.findIndex((m) => m.phrase.target.kind === 'ethnic');
  const t = chain[at].phrase.target as EthnicTarget;
  const head = chain[at + 1]?.phrase.target;
  if (t.adjective && head?.kind !== 'agent' && head?.kind !== 'title') return null;
  const place = chain.map((m) => m.phrase.target).find((x) => x.kind === 'country');
  const country = place?.kind === 'country' ? place.country : t.country;
  let sector = 'CVL';
  if (head?.kind === 'agent' && chain[at + 1].first >= chain[at].end) {
    sector = headSector(head.sector, head.inherits, modifierAgent(ctx.dict, ctx.tokens, chain[at].end, chain[at + 1].first));
  } else if (head?.kind === 'title') sector = modifierAgent(ctx.dict, ctx.tokens, chain[at].end, chain[at + 1].first)?.sector ?? 'ELI';
  return {
    first: chain[0].first,
    end: chain[chain.length - 1].end,
    kind: 'agent',
    actors: [ethnicActor(t, country, sector)],
    ruleId: chain.map((m) => m.phrase.target).map((x) => ('id' in x ? x.id : x.kind)).join('+'),
    ethnic: { lands: [t.country, ...t.lands], fixed: place !== undefined },
  };
}

function countriesOf(d: { readonly actors: readonly ActorRef[] }): string[] {
  return d.actors.map((a) => a.country).filter((c): c is string => c !== null);
}

/** Places the sentence's ethnic drafts that no modifier placed (rules 2-4 above). */
export function placeEthnic(drafts: readonly MentionDraft[], earlier: readonly ActorMention[]): MentionDraft[] {
  return drafts.map((d) => {
    if (!d.ethnic || d.ethnic.fixed) return d;
    const lands = d.ethnic.lands;
    const near = drafts.filter((x) => !x.ethnic && countriesOf(x).some((c) => lands.includes(c)))
      .sort((a, b) => Math.abs(a.first - d.first) - Math.abs(b.first - d.first))[0];
    const before = [...earlier].reverse().find((m) => !m.actors.some((a) => a.entityId?.startsWith('ethnic.')) && countriesOf(m).some((c) => lands.includes(c)));
    const country = (near ? countriesOf(near) : before ? countriesOf(before) : []).find((c) => lands.includes(c));
    if (!country) return d;
    const a = d.actors[0];
    const tag = a.code.slice(a.country?.length ?? 0).slice(a.sector?.length ?? 0);
    return { ...d, actors: [{ ...a, country, code: country + (a.sector ?? '') + tag }] };
  });
}
