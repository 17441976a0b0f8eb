// In-memory inbox (embedded default), with the Redis inbox's semantics: entries claimed on
// append, claimed again when idle, deliveries counted, dead letters kept, processed event ids
// remembered. Bounded, so a stuck processor turns into 503s (the provider retries later) instead
// of unbounded memory, and the processed ids are the newest MAX_PROCESSED_IDS.
import type { ProviderEvent } from '../domain/provider-event.js';
import {
  DEDUP_TTL_MS,
  type DeadLetter,
  deadLetterOf,
  type Inbox,
  type InboxEntry,
  InboxFullError,
  MAX_DEAD_LETTERS,
  MAX_PROCESSED_IDS,
} from './contract.js';

interface Held {
  entry: InboxEntry;
  /** When it was last handed to a processor (ms). */
  deliveredAt: number;
}

export class MemoryInbox implements Inbox {
  private seq = 0;
  private readonly held = new Map<string, Held>();
  private readonly dead: DeadLetter[] = [];
  /** `provider:eventId` → expiry (ms), oldest first (a re-marked id moves to the end). */
  private readonly done = new Map<string, number>();
  private readonly limit: number;
  private readonly maxProcessedIds: number;
  private readonly dedupTtlMs: number;

  /**
   * `limit`: most unprocessed entries held at once (default 10,000); `maxProcessedIds`: processed
   * event ids remembered (default MAX_PROCESSED_IDS); `dedupTtlMs`: for how long (DEDUP_TTL_MS).
   */
  constructor(options: { limit?: number; maxProcessedIds?: number; dedupTtlMs?: number } = {}) {
    this.limit = options.limit ?? 10_000;
    this.maxProcessedIds = options.maxProcessedIds ?? MAX_PROCESSED_IDS;
    this.dedupTtlMs = options.dedupTtlMs ?? DEDUP_TTL_MS;
  }

  async append(provider: string, events: ProviderEvent[]): Promise<InboxEntry[]> {
    if (this.held.size + events.length > this.limit) throw new InboxFullError(this.limit);
    const receivedAt = Date.now();
    return events.map((event) => {
      const id = String(++this.seq);
      this.held.set(id, { entry: { id, provider, event, receivedAt, deliveries: 1 }, deliveredAt: receivedAt });
      // the caller's copy says whether the id was processed; the held one does not (a claim asks)
      return { id, provider, event, receivedAt, deliveries: 1, processed: this.processedNow(provider, event.eventId) };
    });
  }

  async processed(provider: string, eventId: string): Promise<boolean> {
    return this.processedNow(provider, eventId);
  }

  async complete(entry: InboxEntry): Promise<void> {
    this.markProcessedNow(entry.provider, entry.event.eventId);
    this.held.delete(entry.id);
  }

  /** Remembers an event id as processed (also one that had no entry: a webhook applied directly, store/memory-journal.ts). */
  markProcessedNow(provider: string, eventId: string): void {
    const key = `${provider}:${eventId}`;
    this.done.delete(key); // re-inserted as the newest
    this.done.set(key, Date.now() + this.dedupTtlMs);
    if (this.done.size > this.maxProcessedIds) this.done.delete(this.done.keys().next().value!);
    // one TTL for all: the expired ids are the oldest, at the front
    const now = Date.now();
    for (const [k, expiresAt] of this.done) {
      if (expiresAt > now) break;
      this.done.delete(k);
    }
  }

  /** Whether an event id was processed (`processed`, in this tick: store/memory-journal.ts). */
  processedNow(provider: string, eventId: string): boolean {
    const key = `${provider}:${eventId}`;
    const expiresAt = this.done.get(key);
    if (expiresAt === undefined) return false;
    if (expiresAt > Date.now()) return true;
    this.done.delete(key);
    return false;
  }

  async claimStale(idleMs: number, limit: number): Promise<InboxEntry[]> {
    const cutoff = Date.now() - idleMs;
    const out: InboxEntry[] = [];
    for (const h of this.held.values()) {
      if (out.length >= limit) break;
      if (h.deliveredAt > cutoff) continue;
      h.deliveredAt = Date.now();
      h.entry.deliveries++;
      out.push({ ...h.entry });
    }
    return out;
  }

  async remove(id: string): Promise<void> {
    this.held.delete(id);
  }

  async deadLetter(entry: InboxEntry, reason: string): Promise<void> {
    this.held.delete(entry.id);
    this.dead.push(deadLetterOf(entry, reason));
    if (this.dead.length > MAX_DEAD_LETTERS) this.dead.shift();
  }

  async deadLetters(limit: number): Promise<DeadLetter[]> {
    return this.dead.slice(-limit).reverse();
  }

  async size(): Promise<number> {
    return this.held.size;
  }

  async flush(): Promise<void> {
    // everything is written as it happens
  }
}
