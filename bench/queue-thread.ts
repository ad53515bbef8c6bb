/** One queue worker in a worker thread (bench/queue.ts compares threads with processes). */
import { parentPort, workerData } from 'node:worker_threads';
import { createCoder } from '../src/index.js';
import { closeBoss, openBoss } from '../src/queue/boss.js';
import { runWorker } from '../src/queue/worker.js';
import { openPostgresStore } from '../src/store/postgres.js';

const { db, schema } = workerData as { db: string; schema: string };
const store = openPostgresStore({ connectionString: db, maxConnections: 2 });
const boss = await openBoss({ connectionString: db, schema, role: 'worker' });
const coder = createCoder();
parentPort?.postMessage({ ready: true });
const tally = await runWorker(boss, store, coder, { queueSchema: schema, exitWhenEmpty: true });
await closeBoss(boss);
await store.close();
parentPort?.postMessage({ tally });
