/**
 * Requests that do synchronous work (reading the SQLite store, coding a document) run one per turn
 * of the event loop, in the order they came.
 *
 * Why: Node 20's libuv accepts one new connection per turn of the event loop (libuv PR #3696), and a
 * turn runs the handlers of every request that is ready. When 200 clients connect at once and each
 * request costs about a millisecond of store reading, the turns grow with the connections already
 * accepted, so the n-th connection waits for n turns of up to 200 requests each: the last of 200
 * waited more than 10 s (the load test's timeouts on pages read from the store). With one such
 * request a turn, a turn costs one request, the listening socket is polled between any two of them,
 * and all connections are accepted within a fraction of a second; requests are still answered in
 * the order they came. Answers from the read cache do not queue (they are sent before this hook).
 *
 *   registerTurns(app);   // then routes with `config: { queued: true }` wait for their turn
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The handler does synchronous work (store reads, coding): it runs one per event-loop turn (turns.ts). */
    queued?: boolean;
  }
}

export interface TurnQueue {
  /** Resolves in a later turn of the event loop, after every earlier waiter had its own turn. */
  wait(): Promise<void>;
  /** Waiters not yet let through. */
  readonly waiting: number;
}

/** A FIFO that lets one waiter through per `setImmediate`, i.e. per turn of the event loop. */
export function createTurnQueue(): TurnQueue {
  const waiters: Array<() => void> = [];
  let head = 0;
  let scheduled = false;
  const next = (): void => {
    const resolve = waiters[head];
    waiters[head++] = noop;
    if (head === waiters.length) {
      waiters.length = 0;
      head = 0;
    } else if (head >= 1024 && head * 2 >= waiters.length) {
      waiters.splice(0, head);
      head = 0;
    }
    // Scheduled from inside an immediate: runs in the next turn, after the loop has polled its sockets.
    if (waiters.length > 0) setImmediate(next);
    else scheduled = false;
    resolve();
  };
  return {
    wait: () => new Promise<void>((resolve) => {
      waiters.push(resolve);
      if (!scheduled) {
        scheduled = true;
        setImmediate(next);
      }
    }),
    get waiting() {
      return waiters.length - head;
    },
  };
}

function noop(): void {}

const isQueued = (req: FastifyRequest): boolean => req.routeOptions.config.queued === true;

/** Routes of `app` with `config: { queued: true }` wait for their turn before their handler runs. */
export function registerTurns(app: FastifyInstance, queue: TurnQueue = createTurnQueue()): TurnQueue {
  app.addHook('preHandler', async (req) => {
    if (isQueued(req)) await queue.wait();
  });
  return queue;
}
