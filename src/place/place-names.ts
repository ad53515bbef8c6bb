/**
 * Name forms for the place data, used by scripts/build-places.ts: ASCII spellings of GeoNames names
 * and the short forms of first-level region names.
 */

/** Diacritics removed, curly quotes straightened, quote-like marks at either end dropped ("Sāmarrā’" -> "Samarra"). */
export function asciiName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[‘’ʻʼʿʾ`´]/g, "'")
    .replace(/^'+|'+$/g, '').trim();
}

/** Division words after a region's own name: "Amur Oblast", "Khanty-Mansi Autonomous Okrug". */
const DIVISION_SUFFIX = /\s+(Oblast|Krai|Province|Region|Governorate|Department|State|District|Autonomous Okrug|Autonomous Oblast|Municipality|County|Prefecture|Division|Territory)$/i;
/** "Republic of Dagestan". */
const DIVISION_PREFIX = /^(Republic of|Province of|State of|Region of|Department of)\s+/;
/** "Al Anbār" -> "Anbar": Arabic names are written without the article in English news. */
const ARTICLE = /^(Al|Ad|An|Ar|As|Ash|At|Az|El)[ -](?=\p{Lu})/u;

/**
 * Other names of a region: its ASCII spelling, without the division word, without a bracketed
 * alternative, without an Arabic article. "Chechen Republic" keeps its name ("Chechen" names a people).
 */
export function regionAltNames(name: string): string[] {
  const out = new Set<string>();
  const add = (n: string): void => {
    const t = n.trim();
    if (t.length > 2 && t !== name) out.add(t);
  };
  const plain = asciiName(name.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\s+/g, ' '));
  for (const form of [name, plain]) {
    add(form);
    const bare = form.replace(DIVISION_PREFIX, '');
    add(bare);
    const noSuffix = bare.replace(DIVISION_SUFFIX, '');
    add(noSuffix);
    if (ARTICLE.test(noSuffix) && noSuffix.replace(ARTICLE, '').length > 3) add(noSuffix.replace(ARTICLE, ''));
  }
  return [...out];
}
