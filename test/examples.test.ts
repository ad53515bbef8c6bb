/**
 * The articles under examples/ (written by us) and what each must yield: examples/<name>.expected.json.
 * An expected `cameo` of two digits is a root; of three or four, the exact code (or its parent).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { CodedEvent } from '../src/core/event.js';
import { createCoder } from '../src/index.js';

interface ExpectedEvent {
  readonly source: string;
  readonly name?: string;
  readonly role?: string;
  readonly target: string | null;
  readonly targetName?: string;
  readonly cameo: string;
  readonly modality: string;
  readonly date?: { readonly start: string; readonly end: string };
  readonly place?: string;
}
interface Expected {
  readonly published: string;
  readonly events: readonly ExpectedEvent[];
  readonly forbiddenRoots: readonly string[];
  readonly forbiddenModalities: readonly string[];
}

const dir = fileURLToPath(new URL('../examples/', import.meta.url));
// No time budget: a test must not depend on the machine's load.
const coder = createCoder({ docTimeout: 0 });

function codeFits(want: string, got: string): boolean {
  return want.length === 2 ? got.slice(0, 2) === want : got.startsWith(want);
}

function fits(want: ExpectedEvent, e: CodedEvent): boolean {
  return e.source?.code === want.source && (e.target?.code ?? null) === want.target && codeFits(want.cameo, e.cameo)
    && (!want.name || e.source?.name === want.name) && (!want.targetName || e.target?.name === want.targetName);
}

for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  const name = file.replace(/\.txt$/, '');
  const expected = JSON.parse(readFileSync(`${dir}${name}.expected.json`, 'utf8')) as Expected;
  const text = readFileSync(`${dir}${file}`, 'utf8');
  const { events } = coder.code({ text, published: expected.published });
  const listing = events.map((e) => `${e.source?.code}->${e.target?.code ?? '-'}:${e.cameo}/${e.modality}`).join(' ');

  expected.events.forEach((want, k) => {
    test(`examples/${name}: event ${k + 1} ${want.source}->${want.target ?? '-'} ${want.cameo} ${want.modality}`, () => {
      const hit = events.find((e) => fits(want, e));
      assert.ok(hit, `not found; coded: ${listing}`);
      assert.equal(hit.modality, want.modality);
      if (want.role) assert.equal(hit.source?.role, want.role);
      if (want.date) assert.deepEqual({ start: hit.date?.start, end: hit.date?.end }, want.date);
      if (want.place) assert.equal(hit.place?.country, want.place);
    });
  });

  test(`examples/${name}: nothing forbidden`, () => {
    for (const e of events) {
      assert.ok(!expected.forbiddenRoots.includes(e.root), `root ${e.root} from "${e.trigger.text}"`);
      assert.ok(!expected.forbiddenModalities.includes(e.modality), `${e.modality} from "${e.trigger.text}"`);
    }
  });
}
