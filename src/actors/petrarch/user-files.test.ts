/** PETRARCH dictionaries given with --dictionary: told apart by content, read unchanged, used in coding. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createCoder } from '../../index.js';
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

test('a PETRARCH .verbs file given as a dictionary is read: its patterns join dyad\'s, named by file and line', () => {
  const verbs = join(fixtures, 'mini.verbs.txt');
  const knowledge = loadKnowledge({ dictionaries: [verbs] });
  const mine = knowledge.patterns.all.filter((p) => p.file.endsWith('mini.verbs.txt'));
  assert.deepEqual(mine.map((p) => [p.id, p.cameo, p.line]), [['user.mini-verbs-txt.l3', '111', 3], ['user.mini-verbs-txt.l4', '111', 4]]);
  assert.ok(knowledge.patterns.all.length > mine.length, "dyad's own patterns stay");
});
