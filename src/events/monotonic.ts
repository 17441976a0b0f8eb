// Delivers each object's changes newest-only: an event whose version of an object is not newer
// than one this subscriber already got is dropped. Concurrent writers store in version order but
// may publish out of it (two replicas, a webhook racing a refresh); this keeps every subscriber
// from ever seeing a status older than one it already saw.
import type { BusEvent } from './contract.js';

/** Objects remembered per subscription (oldest forgotten first): bounds a long tenant-wide subscription. */
const MAX_REMEMBERED = 10_000;

export function newestOnly<T>(
  inner: AsyncIterableIterator<BusEvent<T>>,
  versionOf: (event: BusEvent<T>) => { id: string; version: number | undefined },
): AsyncIterableIterator<BusEvent<T>> {
  const seen = new Map<string, number>();
  return {
    async next() {
      for (;;) {
        const r = await inner.next();
        if (r.done) return r;
        const { id, version } = versionOf(r.value);
        if (version === undefined) return r;
        const last = seen.get(id);
        if (last !== undefined && version <= last) continue;
        seen.delete(id);
        seen.set(id, version);
        if (seen.size > MAX_REMEMBERED) seen.delete(seen.keys().next().value!);
        return r;
      }
    },
    return: () => inner.return!(),
    throw: (e?: unknown) => (inner.throw ? inner.throw(e) : Promise.reject(e)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
