// REDIS_WAIT_REPLICAS: the writes a client or provider is told about wait (WAIT) until N replicas
// hold them. A store `put` (a create, or a change a webhook brought), a completed idempotency key
// and an inbox append (before the webhook's 2xx) each resolve only after `waitReplicas()`; when
// fewer replicas answer in time they reject, so the webhook gets a 503 (the provider retries; the
// inbox deduplicates) and the create an error the client retries with its idempotency key.
import type { Inbox } from '../inbox/contract.js';
import type { Store } from '../store/contract.js';

type Wait = () => Promise<void>;

function after<T extends object>(target: T, methods: readonly (keyof T)[], wait: Wait): T {
  const wrapped = new Set<PropertyKey>(methods);
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (!wrapped.has(prop)) return value.bind(obj);
      return async (...args: unknown[]) => {
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(obj, args);
        await wait();
        return result;
      };
    },
  });
}

export function storeWaitingForReplicas(store: Store, wait: Wait): Store {
  return after(store, ['put', 'completeIdempotent', 'erase'], wait);
}

export function inboxWaitingForReplicas(inbox: Inbox, wait: Wait): Inbox {
  return after(inbox, ['append'], wait);
}
