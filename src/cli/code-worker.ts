/** A worker thread of the coding pool (pool.ts): loads its own coder, then codes what it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import type { DocInput } from '../core/doc.js';
import { codeWithVisitFacts } from '../diplomacy/stored-facts.js';
import { createCoder } from '../index.js';
import { toWire, type WorkerReply, type WorkerSettings } from './pool.js';

const settings = workerData as WorkerSettings;
const port = parentPort;
if (!port) throw new Error('code-worker runs as a worker thread');
const coder = createCoder({ dictionaries: settings.dictionaries ?? [], ...(settings.onlyDictionaries ? { onlyDictionaries: true } : {}), ...(settings.cameoVerbs ? { cameoVerbs: true } : {}), ...(settings.compound ? { compound: settings.compound } : {}), ...(settings.docTimeout !== undefined ? { docTimeout: settings.docTimeout } : {}) });
const work = settings.kind === 'ingest' ? (input: DocInput) => codeWithVisitFacts(coder, input) : (input: DocInput) => coder.code(input);

port.on('message', ({ id, input }: { readonly id: number; readonly input: DocInput }) => {
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, value: work(input) };
  } catch (err) {
    reply = { id, ok: false, error: toWire(err) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
