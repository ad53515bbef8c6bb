import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentText } from '../segment/segment-stage.js';
import type { Doc } from '../core/doc.js';
import { decodeModel, encodeModel, readModel } from './model-file.js';
import { MEMO_MAX_WORDS, MODEL_FILE, parseDoc, ParseStage, parser } from './parse-stage.js';
import { leadWords, parserWords } from './tokens.js';
import { defaultPipeline } from '../pipeline.js';
import { seededRandom } from '../core/random.js';
import { h1, h2, h3, h4, hashStaged, scoreInt, scoreSparse, sparseTable } from './perceptron.js';

function doc(text: string): Doc {
  const base: Doc = { id: 't', text, title: null, url: null, source: null, published: null, language: 'en' };
  return { ...base, ...segmentText(text) };
}

test('the parse stage gives every token a head in its own sentence and one root per sentence', () => {
  const d = new ParseStage().run(doc('Russia attacked Ukraine on Monday. The talks, held in Geneva, failed.'));
  const deps = d.deps!;
  assert.equal(deps.length, d.tokens!.length);
  for (const s of d.sentences!) {
    let roots = 0;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (deps[i].head < 0) { roots++; assert.equal(deps[i].rel, 'root'); continue; }
      assert.ok(deps[i].head >= s.tokenStart && deps[i].head < s.tokenEnd, `token ${i} has its head in its sentence`);
      assert.notEqual(deps[i].rel, 'root');
    }
    assert.equal(roots, 1);
  }
});

test('the parse stage sits between segment and actors in the default pipeline', () => {
  const names = defaultPipeline().stages.map((s) => s.name);
  assert.deepEqual(names.slice(0, 3), ['segment', 'parse', 'actors']);
});

test('the model file round-trips: decoding what was encoded gives the same weights', () => {
  const m = readModel(MODEL_FILE);
  assert.match(m.meta.licence, /CC BY-SA 4\.0/);
  const again = decodeModel(encodeModel({ ...m, tagger: m.tagger as never, actions: m.actions as never, relations: m.relations as never }, m.meta), 'memory');
  assert.deepEqual(again.labels, m.labels);
  for (const t of ['tagger', 'actions', 'relations'] as const) {
    const [a, b] = [again[t].weights, m[t].weights];
    assert.equal(a.length, b.length);
    let differ = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ++;
    assert.equal(differ, 0, `table ${t}`);
  }
});

test('a file that is not a model is refused with a clear error', () => {
  assert.throws(() => decodeModel(Buffer.from('not a model at all'), 'bad.dyadparse'), /bad\.dyadparse: parser model: not a dyad parser model/);
});

test('hashStaged (features hashed in one loop: 84 h1..h4 calls per state were not inlined, a fifth of the parse) gives the hashes h1..h4 give', () => {
  const next = seededRandom(7);
  const atoms = new Int32Array(40 * 4);
  const arity = new Uint8Array(40);
  const want = new Uint32Array(40);
  const hs = [h1, h2, h3, h4] as const;
  for (let i = 0; i < 40; i++) {
    arity[i] = 1 + (i % 4);
    const args = Array.from({ length: arity[i] }, () => Math.floor(next() * 2 ** 32) - 2 ** 31);
    args.forEach((a, q) => { atoms[i * 4 + q] = a; });
    want[i] = (hs[arity[i] - 1] as (t: number, ...a: number[]) => number)(101 + i, ...args);
  }
  const out = new Uint32Array(40);
  assert.equal(hashStaged(atoms, arity, 101, out), 40);
  assert.deepEqual(Array.from(out), Array.from(want));
});

test('sparse scoring through per-row offsets (the walk over a block\'s rows was a fifth of the parse) sums what dense scoring sums', () => {
  const model = readModel(MODEL_FILE);
  const next = seededRandom(11);
  for (const dense of [model.tagger, model.relations]) {
    const sparse = sparseTable(dense);
    const feats = Uint32Array.from({ length: 5000 }, () => Math.floor(next() * 2 ** 32));
    const a = new Int32Array(dense.classes);
    const b = new Int32Array(dense.classes);
    for (let at = 0; at < feats.length; at += 50) {
      scoreSparse(sparse, feats.subarray(at), 50, a);
      scoreInt(dense.weights, dense.rows, dense.classes, feats.subarray(at), 50, b);
      assert.deepEqual(Array.from(a), Array.from(b));
    }
  }
});

test('sentences parsed from the memos (short ones recur in punctuation-dense text, long ones in repeated markup or lines: most of their parse) get the deps a fresh parse gives', () => {
  const long = 'The talks , held in Geneva on Monday , failed after Russia attacked Ukraine again .';
  const text = `"!" ; ( ? ) . , - ! ; ( ? ) . Russia attacked Ukraine . ${long} "!" Talks failed ! ; ( ? ) . ${long} Talks failed ! ${long}`;
  const p = parser();
  const d = doc(text);
  const tokens = d.tokens!;
  const short = d.sentences!.filter((s) => s.tokenEnd - s.tokenStart <= MEMO_MAX_WORDS);
  assert.ok(short.length >= 4);
  assert.equal(d.sentences!.filter((s) => text.slice(s.start, s.end) === long).length, 3);
  for (let round = 0; round < 2; round++) {
    const deps = parseDoc(d, p);
    for (const s of d.sentences!) {
      const words = parserWords(tokens, s.tokenStart, s.tokenEnd);
      const fresh = p.parse(words.forms);
      const lead = leadWords(words, fresh.heads);
      for (let k = 0; k < lead.length; k++) {
        const h = fresh.heads[lead[k]];
        assert.deepEqual(deps[s.tokenStart + k], { head: h < 0 ? -1 : s.tokenStart + words.tokenOf[h], rel: fresh.rels[lead[k]], upos: fresh.tags[lead[k]] });
      }
    }
  }
});
