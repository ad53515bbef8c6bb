/** The first of npm test's two shard processes (see shard.ts). */
import { runShard } from './shard.js';

await runShard(1, 2);
