// Runs a create operation at most once per idempotency key: a retry with the same key and input
// gets the first result; the same key with another input is refused; a failed attempt releases
// the key so a retry runs again. Concurrent duplicates wait for the first.
import { createHash } from 'node:crypto';
import { badUserInput, providerUnavailable } from '../errors.js';
import { IDEMPOTENCY_TTL_MS, type Store } from '../store/contract.js';

export interface IdempotentRun<T extends { id: string }> {
  store: Store;
  /** Fully scoped key, e.g. `tenant:operation:clientKey`. */
  key: string;
  /** The validated input without the key; fingerprinted. */
  input: unknown;
  /** Who to blame in PROVIDER_UNAVAILABLE when the first request never finishes. */
  provider: string;
  /** Reads the stored result of a completed run. */
  load: (id: string) => Promise<T | null>;
  run: () => Promise<T>;
  /** How long a duplicate waits for the first request. Default 30 s. */
  waitMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runIdempotent<T extends { id: string }>(op: IdempotentRun<T>): Promise<T> {
  const fingerprint = createHash('sha256').update(JSON.stringify(op.input)).digest('hex');
  const deadline = Date.now() + (op.waitMs ?? 30_000);
  for (;;) {
    const claim = await op.store.beginIdempotent(op.key, fingerprint, IDEMPOTENCY_TTL_MS);
    if (claim.state !== 'new' && claim.fingerprint !== fingerprint) {
      throw badUserInput('input.idempotencyKey', 'was already used with a different input');
    }
    if (claim.state === 'completed') {
      const result = await op.load(claim.resultId);
      if (result) return result;
      await op.store.abandonIdempotent(op.key); // result vanished: run again
      continue;
    }
    if (claim.state === 'in_flight') {
      if (Date.now() > deadline) throw providerUnavailable(op.provider, 'a request with this idempotencyKey is still in progress');
      await sleep(50);
      continue;
    }
    try {
      const result = await op.run();
      await op.store.completeIdempotent(op.key, fingerprint, result.id, IDEMPOTENCY_TTL_MS);
      return result;
    } catch (err) {
      await op.store.abandonIdempotent(op.key).catch(() => {});
      throw err;
    }
  }
}
