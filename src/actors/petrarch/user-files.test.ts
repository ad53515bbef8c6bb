/** PETRARCH dictionaries given with --dictionary: told apart by content, read unchanged, used in coding. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createCoder } from '../../index.js';
import { DyadError } from '../../core/errors.js';
import { loadKnowledge } from '../../knowledge/load.js';
import { petrarchKind } from './user-files.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/petrarch/', import.meta.url));
const actors = join(fixtures, 'mini.actors.txt');
const agents = join(fixtures, 'mini.agents.txt');

test('the kind of a PETRARCH dictionary is told by its content', () => {
  assert.equal(petrarchKind(readFileSync(actors, 'utf8')), 'actors');
  assert.equal(petrarchKind(readFileSync(agents, 'utf8')), 'agents');
  assert.equal(petrarchKind('--- CRITICIZE [111] ---\nCRITICIZE\n- * HARSHLY [111]\n'), 'verbs');
  assert.equal(petrarchKind('+WORLD CUP\nBASEBALL\n'), 'discards');
  assert.equal(petrarchKind('kind: actors\nversion: "1"\nentries: []\n'), null);
});

test('--dictionary with PETRARCH .actors and .agents files codes with their actors, at the event date', () => {
  const coder = createCoder({ dictionaries: [actors, agents] });
  const text = 'Arnold Quillfeather denounced Celestine Orbako on Monday.';
  const [e2002] = coder.code({ text, published: '2002-05-14' }).events;
  // Before her dated role, Celestine Orbako has her default code (IGO + ELI).
  assert.deepEqual([e2002?.source?.code, e2002?.target?.code], ['FRDGOV', 'IGOELI']);
  const [e2008] = coder.code({ text, published: '2008-05-14' }).events;
  assert.deepEqual([e2008?.source?.code, e2008?.target?.code], ['FRDELI', 'IGOUNO']);
  // An agent of the user's file, with a country from dyad's own knowledge.
  const doc = coder.annotate({ text: 'Greek lighthouse keepers protested on Monday.', published: '2008-05-14' });
  assert.ok((doc.mentions ?? []).some((m) => m.actors.some((a) => a.code === 'GRCMAR')), JSON.stringify(doc.mentions?.map((m) => m.actors)));
});

test('a PETRARCH .verbs file given as a dictionary is refused with a clear error naming it', () => {
  const verbs = join(fixtures, 'mini.verbs.txt');
  assert.throws(() => loadKnowledge({ dictionaries: [verbs] }), (err: Error) => err instanceof DyadError && /mini\.verbs\.txt: a PETRARCH \.verbs file/.test(err.message));
});
