/**
 * The dependency tree of a Doc, indexed for queries: heads, relations and children of every
 * token (token indices are `doc.tokens` indices). Built once per parse and cached by its `deps` layer,
 * which the stages after `parse` pass on unchanged (each returns a new Doc object).
 */
import { layer, type Dependency, type Doc, type Pos, type Span, type Token } from '../core/doc.js';

export interface Syntax {
  readonly doc: Doc;
  readonly tokens: readonly Token[];
  readonly deps: readonly Dependency[];
  /**
   * Children of each token, in text order, filled a sentence at a time when first asked for (a
   * sentence's parse is read only where a reader looks: src/parse/lazy-deps.ts): read them through
   * `childrenOf` and the other queries.
   */
  readonly children: (readonly number[] | undefined)[];
}

const cache = new WeakMap<readonly Dependency[], Syntax>();

/** The tree of a Doc that went through the `parse` stage (throws when the layer is missing). */
export function syntaxOf(doc: Doc): Syntax {
  const deps = layer(doc, 'deps');
  let sx = cache.get(deps);
  if (!sx) {
    sx = { doc, tokens: layer(doc, 'tokens'), deps, children: new Array<readonly number[] | undefined>(deps.length) };
    cache.set(deps, sx);
  }
  return sx;
}

/** Children of t, in text order: those of t's whole sentence are gathered on the first call (heads stay in their sentence). */
function kids(sx: Syntax, t: number): readonly number[] {
  const known = sx.children[t];
  if (known !== undefined) return known;
  const s = layer(sx.doc, 'sentences')[sx.tokens[t].sentence];
  const lists: number[][] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) lists.push([]);
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const h = sx.deps[i].head;
    if (h >= 0) lists[h - s.tokenStart].push(i);
  }
  for (let i = s.tokenStart; i < s.tokenEnd; i++) sx.children[i] = lists[i - s.tokenStart];
  return lists[t - s.tokenStart];
}

/** Head of token t, or -1 for a sentence root. */
export function headOf(sx: Syntax, t: number): number {
  return sx.deps[t].head;
}

/** The UD relation of t to its head, e.g. "nsubj:pass". */
export function relOf(sx: Syntax, t: number): string {
  return sx.deps[t].rel;
}

/** A relation without its subtype: "nsubj:pass" -> "nsubj". */
export function baseRel(rel: string): string {
  const at = rel.indexOf(':');
  return at < 0 ? rel : rel.slice(0, at);
}

/** The parser's UPOS tag of t. */
export function uposOf(sx: Syntax, t: number): Pos {
  return sx.deps[t].upos;
}

/**
 * Children of t, in text order; with `rels`, only those whose relation is one of them. A name
 * without subtype matches only itself ("obl" is not "obl:tmod"); `withBase` matches the family.
 */
export function childrenOf(sx: Syntax, t: number, rels?: readonly string[]): number[] {
  const all = kids(sx, t);
  return rels ? all.filter((c) => rels.includes(sx.deps[c].rel)) : [...all];
}

/** Children of t whose relation is `base` or a subtype of it ("obl" -> obl, obl:tmod, obl:agent, ...). */
export function childrenWithBase(sx: Syntax, t: number, base: string): number[] {
  return kids(sx, t).filter((c) => baseRel(sx.deps[c].rel) === base);
}

/** First child of t with one of the relations, or -1. */
export function childOf(sx: Syntax, t: number, rels: readonly string[]): number {
  for (const c of kids(sx, t)) if (rels.includes(sx.deps[c].rel)) return c;
  return -1;
}

/** True when `a` is t or one of its ancestors. */
export function dominates(sx: Syntax, a: number, t: number): boolean {
  for (let x = t, steps = 0; x >= 0 && steps <= sx.deps.length; x = sx.deps[x].head, steps++) if (x === a) return true;
  return false;
}

/** The ancestors of t, nearest first (t excluded). */
export function ancestorsOf(sx: Syntax, t: number): number[] {
  const out: number[] = [];
  for (let x = sx.deps[t].head; x >= 0 && out.length <= sx.deps.length; x = sx.deps[x].head) out.push(x);
  return out;
}

/** All tokens of t's subtree, in text order (t included). */
export function subtreeOf(sx: Syntax, t: number): number[] {
  const out: number[] = [];
  const stack = [t];
  while (stack.length) {
    const x = stack.pop()!;
    out.push(x);
    for (const c of kids(sx, x)) stack.push(c);
  }
  return out.sort((a, b) => a - b);
}

/** Character span of t's subtree (the phrase t heads). */
export function phraseSpan(sx: Syntax, t: number): Span {
  const sub = subtreeOf(sx, t);
  return { start: sx.tokens[sub[0]].start, end: sx.tokens[sub[sub.length - 1]].end };
}

/** The root of the sentence t is in. */
export function rootOf(sx: Syntax, t: number): number {
  let x = t;
  for (let steps = 0; sx.deps[x].head >= 0 && steps <= sx.deps.length; steps++) x = sx.deps[x].head;
  return x;
}
