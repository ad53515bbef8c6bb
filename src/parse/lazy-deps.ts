/**
 * The dependency layer parsed a sentence at a time, when one of its tokens is first read. The coder
 * reads the parse of few sentences (those with a trigger candidate, and what their rules look at), so
 * most sentences of a document are never parsed; `dyad code --format conllu` reads them all.
 *
 * The layer is a plain array parallel to `doc.tokens`: each entry of a sentence not yet parsed is a
 * stand-in whose fields parse that sentence, which replaces the stand-ins of its tokens with their
 * dependencies. What a reader sees is the same as from the eager parse, field for field.
 */
import type { Dependency, Pos, Sentence, Token } from '../core/doc.js';

/** Writes the dependencies of sentence `s`'s tokens into `out` (indices of `doc.tokens`). */
export type FillSentence = (s: Sentence, out: Dependency[]) => void;

interface Settler {
  settle(at: number): Dependency;
}

/** Stands for token `at`'s dependency until its sentence is parsed. */
class Pending implements Dependency {
  private readonly owner: Settler;
  private readonly at: number;

  constructor(owner: Settler, at: number) {
    this.owner = owner;
    this.at = at;
  }

  get head(): number {
    return this.owner.settle(this.at).head;
  }

  get rel(): string {
    return this.owner.settle(this.at).rel;
  }

  get upos(): Pos {
    return this.owner.settle(this.at).upos;
  }
}

class LazyLayer implements Settler {
  readonly deps: Dependency[];
  private readonly tokens: readonly Token[];
  private readonly sentences: readonly Sentence[];
  private readonly fill: FillSentence;

  constructor(tokens: readonly Token[], sentences: readonly Sentence[], fill: FillSentence) {
    this.tokens = tokens;
    this.sentences = sentences;
    this.fill = fill;
    this.deps = new Array<Dependency>(tokens.length);
    for (let i = 0; i < tokens.length; i++) this.deps[i] = new Pending(this, i);
  }

  settle(at: number): Dependency {
    let d = this.deps[at];
    if (!(d instanceof Pending)) return d;
    this.fill(this.sentences[this.tokens[at].sentence], this.deps);
    d = this.deps[at];
    if (d instanceof Pending) throw new Error(`token ${at} has no dependency in its sentence's parse`);
    return d;
  }
}

/** The dependency layer of these tokens, each sentence parsed by `fill` on its first read. */
export function lazyDependencies(tokens: readonly Token[], sentences: readonly Sentence[], fill: FillSentence): Dependency[] {
  return new LazyLayer(tokens, sentences, fill).deps;
}
