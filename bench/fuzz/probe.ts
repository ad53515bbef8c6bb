/** Probe: node --import tsx bench/fuzz/probe.ts SEED N [REPEATS] — runs fuzz document N of SEED REPEATS times after the fuzz warm-up. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoder } from '../../src/index.js';
import { openStore } from '../../src/store/open.js';
import { seedTexts } from '../fuzz.js';
import { CheckingCoder, throughCode, throughIngest } from './harness.js';
import { fuzzDoc, OWN_TEXTS } from './mutate.js';

const [seed, ns, repeats] = [Number(process.argv[2]), process.argv[3].split(',').map(Number), Number(process.argv[4] ?? '5')];
const texts = seedTexts();
const coder = new CheckingCoder(createCoder());
const dir = mkdtempSync(join(tmpdir(), 'dyad-probe-'));
for (let k = 0; k < 4; k++) {
  const doc = fuzzDoc(OWN_TEXTS, seed + 1_000_000, k);
  const store = openStore(join(dir, `w${k}.db`));
  await store.migrate();
  await (k % 2 === 0 ? throughCode(doc, coder) : throughIngest(doc, coder, store, join(dir, 'warm-up')));
  await store.close();
}
for (const n of ns) {
const doc = fuzzDoc(texts, seed, n);
for (let r = 0; r < repeats; r++) {
  const store = openStore(join(dir, `p${n}-${r}.db`));
  await store.migrate();
  const o = n % 2 === 0 ? await throughCode(doc, coder) : await throughIngest(doc, coder, store, join(dir, `f${n}-${r}`));
  await store.close();
  console.log(`${o.id} ${o.path} ${o.container} ${o.bytes} B: main thread ${o.mainCpuMs?.toFixed(0)} ms (${o.mainCpuPer100Kb?.toFixed(0)} ms/100 KB), process ${o.cpuMs.toFixed(0)} ms ${o.mutations.join('+')} ${o.result}`);
}
}
rmSync(dir, { recursive: true, force: true });
