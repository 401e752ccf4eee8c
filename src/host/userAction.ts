import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Marks code that runs because the user asked for it (a command), as opposed to background work
 * such as a tree refresh. Credentials may only show a sign-in prompt inside a user action; the
 * marker follows the async call chain, so nothing has to thread a flag through the Graph layer.
 */
const storage = new AsyncLocalStorage<true>();

export function runAsUserAction<T>(fn: () => T): T {
  return storage.run(true, fn);
}

export function isUserAction(): boolean {
  return storage.getStore() === true;
}

/** Runs `fn` as background work even inside a user action: its credentials never prompt. */
export function runInBackground<T>(fn: () => T): T {
  return storage.exit(fn);
}
