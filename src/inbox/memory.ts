// In-memory inbox (embedded default), with the Redis inbox's semantics: entries claimed on
// append, claimed again when idle, deliveries counted, dead letters kept. Bounded, so a stuck
// processor turns into 503s (the provider retries later) instead of unbounded memory.
import type { ProviderEvent } from '../domain/provider-event.js';
import { type DeadLetter, deadLetterOf, type Inbox, type InboxEntry, InboxFullError, MAX_DEAD_LETTERS } from './contract.js';

interface Held {
  entry: InboxEntry;
  /** When it was last handed to a processor (ms). */
  deliveredAt: number;
}

export class MemoryInbox implements Inbox {
  private seq = 0;
  private readonly held = new Map<string, Held>();
  private readonly dead: DeadLetter[] = [];

  /** `limit`: most unprocessed entries held at once (default 10,000). */
  constructor(private readonly limit = 10_000) {}

  async append(provider: string, events: ProviderEvent[]): Promise<InboxEntry[]> {
    if (this.held.size + events.length > this.limit) throw new InboxFullError(this.limit);
    const receivedAt = Date.now();
    return events.map((event) => {
      const entry: InboxEntry = { id: String(++this.seq), provider, event, receivedAt, deliveries: 1 };
      this.held.set(entry.id, { entry, deliveredAt: receivedAt });
      return { ...entry };
    });
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
}
