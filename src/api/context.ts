/** What every route shares: the store, the coder (loaded once, on first need) and the actor index. */
import type { Coder } from '../index.js';
import type { Store } from '../store/store.js';
import { ActorIndex } from './actors.js';

export interface ApiContext {
  readonly store: Store;
  /** The coder, loaded on first call (its knowledge takes seconds to load). */
  coder(): Promise<Coder>;
  /** The coder if it has finished loading, else null. */
  loadedCoder(): Coder | null;
  actors(): ActorIndex;
}

export function apiContext(store: Store, makeCoder: () => Promise<Coder> | Coder): ApiContext {
  let coder: Promise<Coder> | null = null;
  let loaded: Coder | null = null;
  let actors: ActorIndex | null = null;
  return {
    store,
    coder: () => {
      coder ??= Promise.resolve().then(makeCoder).then((c) => (loaded = c));
      return coder;
    },
    loadedCoder: () => loaded,
    actors: () => {
      actors ??= new ActorIndex();
      return actors;
    },
  };
}
