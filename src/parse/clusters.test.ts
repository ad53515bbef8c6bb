import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentenceAtoms } from './atoms.js';
import { corpusTokens } from './cluster-build.js';
import { parseClusters, UNKNOWN_CLUSTER } from './clusters.js';

test('cluster file: prefixes are shared atoms, unknown words get the unknown atoms', () => {
  const c = parseClusters('# comment\n0101100\tmonday\n0101101\ttuesday\n110\tthe\n');
  assert.equal(c.index.size, 3);
  const a = sentenceAtoms(['Monday', 'Tuesday', 'zyzzyva'], c);
  assert.equal(a.c4[0], a.c4[1]);
  assert.equal(a.c6[0], a.c6[1]);
  assert.notEqual(a.cf[0], a.cf[1]);
  assert.deepEqual([a.c4[2], a.c6[2], a.cf[2]], [...UNKNOWN_CLUSTER]);
  assert.equal(parseClusters('0\tx\n').digest, parseClusters('# other comment\n0\tx\n').digest);
});

test('corpus tokens split as UD does', () => {
  assert.deepEqual(corpusTokens("The U.S. didn't sell 1,200 well-known cars' parts."), [
    'the', 'u.s.', 'did', "n't", 'sell', '0,000', 'well', '-', 'known', 'cars', "'", 'parts', '.',
  ]);
});
