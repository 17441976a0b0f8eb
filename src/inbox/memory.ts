// In-memory inbox (embedded default): bounded, so a stuck processor turns into 503s (the provider
// retries later) instead of unbounded memory.
import type { ProviderEvent } from '../domain/provider-event.js';
import { type Inbox, type InboxEntry, InboxFullError } from './contract.js';

export class MemoryInbox implements Inbox {
  private seq = 0;
  private readonly entries = new Map<string, InboxEntry>();
  private readonly locks = new Map<string, number>();

  /** `limit`: most unprocessed entries held at once (default 10,000). */
  constructor(private readonly limit = 10_000) {}

  async append(provider: string, events: ProviderEvent[], lockMs?: number): Promise<InboxEntry[]> {
    if (this.entries.size + events.length > this.limit) throw new InboxFullError(this.limit);
    const receivedAt = Date.now();
    return events.map((event) => {
      const entry = { id: String(++this.seq), provider, event, receivedAt };
      this.entries.set(entry.id, entry);
      if (lockMs) this.locks.set(entry.id, receivedAt + lockMs);
      return entry;
    });
  }

  async stale(olderThanMs: number, limit: number): Promise<InboxEntry[]> {
    const cutoff = Date.now() - olderThanMs;
    const out: InboxEntry[] = [];
    for (const e of this.entries.values()) {
      if (e.receivedAt > cutoff || out.length >= limit) break;
      out.push(e);
    }
    return out;
  }

  async lock(id: string, ttlMs: number): Promise<boolean> {
    const until = this.locks.get(id);
    if (until && until > Date.now()) return false;
    this.locks.set(id, Date.now() + ttlMs);
    return true;
  }

  async unlock(id: string): Promise<void> {
    this.locks.delete(id);
  }

  async remove(id: string): Promise<void> {
    this.entries.delete(id);
    this.locks.delete(id);
  }
}
