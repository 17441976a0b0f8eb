// Runs a create at most once per idempotency key, as a lease: the first request claims the key for
// a few seconds (renewed while the provider call runs) under an owner token; only that owner
// completes or releases it. A provider failure releases the key, so a retry calls the provider
// again (with the same provider-side key). Once the provider accepted, the result is recorded
// with retries and the key is never released: a retry gets the first result and never opens (and
// pays for) a second session. A crashed creator's key frees when its lease lapses.
import { randomUUID } from 'node:crypto';
import { ExponentialBackoff, handleAll, retry } from 'cockatiel';
import { sha256Hex } from '../domain/digest.js';
import { badUserInput, providerUnavailable } from '../errors.js';
import { IDEMPOTENCY_LEASE_MS, IDEMPOTENCY_TTL_MS, type Store } from '../store/contract.js';

export interface IdempotentRun<V, T extends { id: string }> {
  store: Store;
  /** Fully scoped key, e.g. `tenant:operation:clientKey`; null runs without idempotency. */
  key: string | null;
  /** The validated input without the key; fingerprinted. */
  input: unknown;
  /** Who to blame in PROVIDER_UNAVAILABLE when the first request never finishes. */
  provider: string;
  /** Reads the stored result of a completed run. */
  load: (id: string) => Promise<T | null>;
  /** The provider call. Failing here is not a result: the key is released. */
  call: () => Promise<V>;
  /** Records what the provider accepted (store + publish); retried, never releases the key. */
  record: (accepted: V) => Promise<T>;
  /** How long a duplicate waits for the first request. Default 30 s. */
  waitMs?: number;
  /** In-flight lease. Default IDEMPOTENCY_LEASE_MS. */
  leaseMs?: number;
}

/** Recording after the provider accepted: a few quick retries (a Redis blip must not cost a second session). */
const recording = retry(handleAll, { maxAttempts: 5, backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 1000 }) });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runIdempotent<V, T extends { id: string }>(op: IdempotentRun<V, T>): Promise<T> {
  if (!op.key) {
    const accepted = await op.call();
    return recording.execute(() => op.record(accepted));
  }
  const key = op.key;
  const leaseMs = op.leaseMs ?? IDEMPOTENCY_LEASE_MS;
  const fingerprint = sha256Hex(JSON.stringify(op.input));
  const owner = randomUUID();
  const deadline = Date.now() + (op.waitMs ?? 30_000);
  for (;;) {
    const claim = await op.store.beginIdempotent(key, fingerprint, owner, leaseMs);
    if (claim.state !== 'new' && claim.fingerprint !== fingerprint) {
      throw badUserInput('input.idempotencyKey', 'was already used with a different input');
    }
    if (claim.state === 'completed') {
      const result = await op.load(claim.resultId);
      if (result) return result;
      await op.store.forgetIdempotent(key, claim.resultId); // result gone (erased): run again
      continue;
    }
    if (claim.state === 'in_flight') {
      if (Date.now() > deadline) throw providerUnavailable(op.provider, 'a request with this idempotencyKey is still in progress');
      await sleep(50);
      continue;
    }
    const renew = setInterval(() => void op.store.renewIdempotent(key, owner, leaseMs).catch(() => {}), Math.max(10, Math.floor(leaseMs / 3)));
    renew.unref();
    try {
      let accepted: V;
      try {
        accepted = await op.call();
      } catch (err) {
        await op.store.abandonIdempotent(key, owner).catch(() => {});
        throw err;
      }
      const result = await recording.execute(() => op.record(accepted));
      await recording.execute(() => op.store.completeIdempotent(key, owner, fingerprint, result.id, IDEMPOTENCY_TTL_MS));
      return result;
    } finally {
      clearInterval(renew);
    }
  }
}
