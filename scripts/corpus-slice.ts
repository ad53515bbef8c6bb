/** Writes test/fixtures/corpus-slice.expected.tsv: dyad's events on the fixed corpus slice (see test/corpus-slice.ts). */
import { writeFileSync } from 'node:fs';
import { createCoder } from '../src/index.js';
import { eventLine, expectedFile, sliceAvailable, sliceInputs } from '../test/corpus-slice.js';

if (!sliceAvailable()) throw new Error('../shared/corpus is absent: cannot build the corpus-slice fixture');
const coder = createCoder({ docTimeout: 0 });
const lines: string[] = [];
for (const input of sliceInputs()) for (const e of coder.code(input).events) lines.push(eventLine(e));
writeFileSync(expectedFile, lines.join('\n') + '\n');
console.log(`${lines.length} events -> ${expectedFile}`);
