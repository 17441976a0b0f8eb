// Idempotency as a lease (issue: a crash mid-create blocked a key for 24 h; a failed recording
// released the key so the client's retry paid for a second session).
import { describe, expect, it } from 'vitest';
import { runIdempotent } from '../src/services/idempotency.js';
import type { Entity } from '../src/store/contract.js';
import { MemoryStore } from '../src/store/memory.js';

/** A memory store whose `put` fails the next `failures` times (a Redis blip). */
class FlakyStore extends MemoryStore {
  failures = 0;
  override async put<T extends Entity>(kind: 'verification' | 'ingestion' | 'check', entity: T, expected?: number) {
    if (this.failures > 0) {
      this.failures--;
      throw new Error('store unavailable');
    }
    return super.put(kind, entity, expected);
  }
}

function creator(store: FlakyStore, opts: { leaseMs?: number; callMs?: number; failCall?: boolean } = {}) {
  let calls = 0;
  const run = () =>
    runIdempotent({
      store,
      key: 'tenant:startX:key-1',
      input: { a: 1 },
      provider: 'PAWAPASS',
      leaseMs: opts.leaseMs,
      waitMs: 20_000,
      load: async (id) => (await store.getMany<Entity>('verification', [id]))[0],
      call: async () => {
        calls++;
        if (opts.callMs) await new Promise((r) => setTimeout(r, opts.callMs)); // a slow provider, not a wait for absence
        if (opts.failCall) throw new Error('provider 503');
        return { id: `v-${calls}` };
      },
      record: async (accepted) => {
        const e = { id: accepted.id, tenant: 't', subjectId: null, createdAt: new Date().toISOString() };
        await store.put('verification', e, 0);
        return e;
      },
    });
  return { run, calls: () => calls };
}

describe('idempotency keys as leases', () => {
  it('recording that fails after the provider accepted is retried: one provider session', async () => {
    const store = new FlakyStore();
    const c = creator(store);
    store.failures = 2;
    expect((await c.run()).id).toBe('v-1');
    expect(c.calls()).toBe(1);
    expect((await c.run()).id).toBe('v-1');
    expect(c.calls()).toBe(1);
  });

  it('when recording keeps failing, the key is not released: a retry at once does not call the provider again', async () => {
    const store = new FlakyStore();
    const c = creator(store);
    store.failures = 1000;
    await expect(c.run()).rejects.toThrow('store unavailable');
    expect((await store.beginIdempotent('tenant:startX:key-1', 'x', 'someone-else', 60_000)).state).toBe('in_flight');
    expect(c.calls()).toBe(1);
  });

  it('a provider failure is not a result: the key is released and a retry calls the provider again', async () => {
    const store = new FlakyStore();
    const failing = creator(store, { failCall: true });
    await expect(failing.run()).rejects.toThrow('provider 503');
    const ok = creator(store);
    expect((await ok.run()).id).toBe('v-1');
    expect(ok.calls()).toBe(1);
  });

  it('the lease is renewed while a slow provider call runs: a concurrent duplicate waits for the first result', async () => {
    const store = new FlakyStore();
    // a lease of 1 s renewed every 333 ms, a call three times as long: a loaded machine may delay a
    // renewal by a few hundred ms without the lease lapsing
    const slow = creator(store, { leaseMs: 1000, callMs: 3000 });
    const first = slow.run();
    await expect.poll(() => slow.calls()).toBe(1);
    const second = slow.run();
    expect((await first).id).toBe('v-1');
    expect((await second).id).toBe('v-1');
    expect(slow.calls()).toBe(1);
  });

  it("a crashed creator's key frees when its short lease lapses, not after 24 h", async () => {
    const store = new FlakyStore();
    await store.beginIdempotent('tenant:startX:key-1', 'ignored', 'crashed-owner', 50);
    const c = creator(store);
    await expect(c.run()).rejects.toThrow(); // the crashed claim still holds the key
    await expect.poll(() => c.run().then((r) => r.id, () => 'blocked'), { timeout: 5000 }).toBe('v-1');
    expect(c.calls()).toBe(1);
  });
});
