/**
 * wink-nlp with no memory from one text to the next.
 *
 * wink's cache adds every token it has not seen to the model's lexeme table (and each new prefix,
 * suffix and shape to theirs), and its tokenizer asks that table whether a string is a known word
 * before splitting it. So after "Japan's," has been read once (the comma split off, "Japan's" added
 * whole), a later "Japan's" is found in the table and stays one token instead of "Japan" + "'s": the
 * tokens of a text depended on every text the process had read before it.
 *
 * FreshWink reads each text on a table as the model shipped it. After each text it forgets what the
 * text added: the new lexemes are taken out of the lexeme hash (their slots stay, as wink's private
 * store of their features is indexed by slot and cannot be shortened), and the new prefixes, suffixes
 * and shapes are removed outright (only the forgotten lexemes point at them). The slots left behind
 * grow with the tokens read, so after REBUILD_AFTER of them wink is loaded again (~0.3 s), on a fresh
 * copy of the model.
 */
import winkNLP, { type Document, type Model, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One of the model's feature tables: value to index, and index to value. */
interface FeatureTable {
  readonly hash: Record<string, number>;
  readonly list: string[];
  index: number;
}

interface CoreModel {
  readonly features: Readonly<Record<string, FeatureTable | undefined>>;
  readonly packing: { readonly efList: readonly string[] };
}

/**
 * Forgotten lexeme slots after which wink is loaded afresh. A slot keeps about 90 bytes of the heap, and
 * a Reuters article leaves about 23 (68,649 slots and 6 MB after 3,000 articles): 100,000 slots (some
 * 4,000 articles) hold under 10 MB, and a reload (0.3-0.5 s) costs under 1% of coding them. At 2 million,
 * the slots of all of Reuters-21578 (about 500,000) would have stayed, some 40 MB.
 */
const REBUILD_AFTER = 100_000;

/**
 * The model's custom-entity meta model, loaded once: its loader stringifies its own module variable
 * each time it runs (`machines = JSON.stringify(machines)`), so the string doubles in escapes with
 * each load and the ~15th load of wink in a process fails with "Invalid string length".
 */
const metaCerLoad = model.metaCER as () => unknown;
let metaCer: unknown = null;
const metaCerOnce = (): unknown => (metaCer ??= metaCerLoad());

/** Builds the wink instance from a model; the segment stage chooses the pipe. */
export type WinkFactory = (model: Model) => WinkMethods;

export class FreshWink {
  private nlp!: WinkMethods;
  private lexemes!: FeatureTable;
  /** The lexeme table's length as the model shipped it. */
  private lexemeBase = 0;
  /** Lexeme slots up to here are already out of the hash. */
  private lexemeForgotten = 0;
  /** The packed feature tables (prefix, suffix, shape) with their shipped lengths. */
  private packed: { readonly table: FeatureTable; readonly base: number }[] = [];

  /** Times wink was loaded (the first load and each rebuild). */
  loads = 0;

  constructor(private readonly make: WinkFactory = (m) => winkNLP(m), private readonly rebuildAfter: number = REBUILD_AFTER) {
    this.load();
  }

  /** The instance, for its `its` and `as` helpers; read texts through `read`. */
  get methods(): WinkMethods {
    return this.nlp;
  }

  /** Reads `text` with the model as shipped and hands the document to `use`; then forgets the text. */
  read<T>(text: string, use: (doc: Document, nlp: WinkMethods) => T): T {
    try {
      return use(this.nlp.readDoc(text), this.nlp);
    } finally {
      this.forget();
    }
  }

  private load(): void {
    let core: CoreModel | null = null;
    const loadCore = model.core as () => CoreModel;
    // wink builds its own copy of the core model when it loads; keep a handle on that copy's tables.
    const capturing = { ...model, core: (): CoreModel => (core = loadCore()), metaCER: metaCerOnce } as Model;
    this.nlp = this.make(capturing);
    this.loads++;
    const loaded = core as CoreModel | null;
    if (loaded === null) throw new Error('wink-nlp did not load its core model');
    this.lexemes = table(loaded, 'lexeme');
    this.lexemeBase = this.lexemes.list.length;
    this.lexemeForgotten = this.lexemeBase;
    this.packed = loaded.packing.efList
      .filter((name) => loaded.features[name]?.hash !== undefined)
      .map((name) => ({ table: table(loaded, name), base: table(loaded, name).list.length }));
  }

  private forget(): void {
    const { hash, list } = this.lexemes;
    for (let i = this.lexemeForgotten; i < list.length; i++) delete hash[list[i]];
    this.lexemeForgotten = list.length;
    for (const { table: t, base } of this.packed) {
      for (let i = base; i < t.list.length; i++) delete t.hash[t.list[i]];
      t.list.length = base;
      t.index = base;
    }
    if (list.length - this.lexemeBase > this.rebuildAfter) this.load();
  }
}

function table(core: CoreModel, name: string): FeatureTable {
  const t = core.features[name];
  if (t === undefined) throw new Error(`wink-nlp's model has no "${name}" table`);
  return t;
}
