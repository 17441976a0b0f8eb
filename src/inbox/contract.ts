// The webhook inbox: a provider's events are appended here (durably) before the webhook is
// acknowledged, and removed once processed (stored and published). Whatever a crash leaves
// behind is processed again by the recovery loop, so an acknowledged webhook is never lost.
import type { ProviderEvent } from '../domain/provider-event.js';

export interface InboxEntry {
  /** Position in the inbox. */
  id: string;
  /** Lower-case provider key (`pawapass`…). */
  provider: string;
  event: ProviderEvent;
  /** When it was appended (ms since epoch). */
  receivedAt: number;
}

export interface Inbox {
  /**
   * Records events durably; throws when they cannot be recorded (the webhook then gets a 5xx).
   * With `lockMs`, the new entries come back already locked for the caller (as by `lock`), in the
   * same step.
   */
  append(provider: string, events: ProviderEvent[], lockMs?: number): Promise<InboxEntry[]>;
  /** Entries still present and appended more than `olderThanMs` ago, oldest first. */
  stale(olderThanMs: number, limit: number): Promise<InboxEntry[]>;
  /** Exclusive right to process an entry for `ttlMs` (so an instance and the recovery loop never both do). */
  lock(id: string, ttlMs: number): Promise<boolean>;
  unlock(id: string): Promise<void>;
  /** Drops a processed entry, and its lock. */
  remove(id: string): Promise<void>;
}

export class InboxFullError extends Error {
  constructor(limit: number) {
    super(`webhook inbox holds ${limit} unprocessed events; refusing more until it drains`);
  }
}
