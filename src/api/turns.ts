/**
 * Requests that do synchronous work (reading the SQLite store, coding a document) run a few per turn
 * of the event loop, in the order they came.
 *
 * Why: Node 20's libuv accepts one new connection per turn of the event loop (libuv PR #3696), and a
 * turn runs the handlers of every request that is ready. When 200 clients connect at once and each
 * request costs about a millisecond of store reading, the turns grow with the connections already
 * accepted, so the n-th connection waits for n turns of up to 200 requests each: the last of 200
 * waited more than 10 s (the load test's timeouts on pages read from the store). With at most a
 * few such requests a turn (PER_TURN), a turn costs a few ms whatever the number of connections, the
 * listening socket is polled between any two groups, and 200 connections are all accepted within
 * about a second; requests are still answered in the order they came. Four a turn rather than one:
 * in two alternating pairs of load runs, 1.21-1.24 ms of server CPU per uncached page against
 * 1.37-1.60 ms with one a turn (fewer turns, fewer polls). Answers from the read cache do not queue
 * (they are sent before this hook).
 *
 *   registerTurns(app);   // then routes with `config: { queued: true }` wait for their turn
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The handler does synchronous work (store reads, coding): a few such run per event-loop turn (turns.ts). */
    queued?: boolean;
  }
}

export interface TurnQueue {
  /** Resolves in a later turn of the event loop, after every earlier waiter had its own turn. */
  wait(): Promise<void>;
  /** Waiters not yet let through. */
  readonly waiting: number;
}

/** Waiters let through per turn by default: a turn stays a few ms, and fewer turns cost less (see above). */
export const PER_TURN = 4;

/** A FIFO that lets at most `perTurn` waiters through per `setImmediate`, i.e. per turn of the event loop. */
export function createTurnQueue(perTurn = PER_TURN): TurnQueue {
  const waiters: Array<() => void> = [];
  let head = 0;
  let scheduled = false;
  const take = (): (() => void) => {
    const resolve = waiters[head];
    waiters[head++] = noop;
    return resolve;
  };
  const next = (): void => {
    const through = Array.from({ length: Math.min(perTurn, waiters.length - head) }, take);
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
    for (const resolve of through) resolve();
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
