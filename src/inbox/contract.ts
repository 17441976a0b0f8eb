// The webhook inbox: a provider's events are appended here (durably) before the webhook is
// acknowledged, and removed once processed (stored and published). The entries a processor
// holds are claimed by it (a Redis Streams consumer group: the pending list is the claim); an
// entry left unacknowledged for a while (crash, failure) is claimed again by any replica's
// recovery loop, each delivery counted; after a bounded number of deliveries it moves to the
// dead letters for an operator. An acknowledged webhook is never lost. The inbox also remembers
// which provider event ids were processed (for DEDUP_TTL_MS), so each is applied once: the
// append tells whether an event was processed before, and completing an entry marks its event id
// and acknowledges it.
import type { ProviderEvent } from '../domain/provider-event.js';

export interface InboxEntry {
  /** Position in the inbox. */
  id: string;
  /** Lower-case provider key (`pawapass`…). */
  provider: string;
  event: ProviderEvent;
  /** When it was appended (ms since epoch). */
  receivedAt: number;
  /** How many times it was handed to a processor, this one included (1 on append). */
  deliveries: number;
  /**
   * Set on append: whether the event id was processed already when it was appended (checked in
   * the same step). Unset on a claimed entry: the processor asks `processed()`.
   */
  processed?: boolean;
}

export interface DeadLetter {
  /** The entry's inbox id. */
  id: string;
  provider: string;
  /** The provider's event id and kind, when the entry could be read (no personal data). */
  eventId: string | null;
  kind: string | null;
  deliveries: number;
  reason: string;
  /** When it was moved (ISO 8601). */
  at: string;
}

export interface Inbox {
  /**
   * Records events durably and claims them for this processor in the same step; throws when
   * they cannot be recorded (the webhook then gets a 5xx).
   */
  append(provider: string, events: ProviderEvent[]): Promise<InboxEntry[]>;
  /**
   * Claims for this processor the entries nobody acknowledged for `idleMs` (oldest first), counting
   * the delivery. An entry that cannot be read is moved to the dead letters instead.
   */
  claimStale(idleMs: number, limit: number): Promise<InboxEntry[]>;
  /** Whether the provider's event id was processed (within DEDUP_TTL_MS). */
  processed(provider: string, eventId: string): Promise<boolean>;
  /**
   * Remembers a processed entry's event id as processed, then acknowledges the entry (a failure in
   * between leaves it marked and unacknowledged: recovery finds it processed and drops it). May be
   * written after it resolves (the Redis inbox writes it with its next append, or within
   * COMPLETION_DELAY_MS; `processed()` on the same inbox answers true at once): an entry whose
   * completion is lost to a crash is run again by recovery, which changes nothing.
   */
  complete(entry: InboxEntry): Promise<void>;
  /** Drops an entry without marking its event id (a duplicate, or a provider no longer served); written like `complete`. */
  remove(id: string): Promise<void>;
  /** Moves an entry that failed too often to the dead letters, with the reason. */
  deadLetter(entry: InboxEntry, reason: string): Promise<void>;
  /** The newest dead letters first, for operators. */
  deadLetters(limit: number): Promise<DeadLetter[]>;
  /** Entries not processed yet (recorded or being processed). */
  size(): Promise<number>;
  /** Writes what `complete` and `remove` left to write (and waits for it); called before the connection closes. */
  flush(): Promise<void>;
}

/** Deliveries after which an entry is moved to the dead letters (INBOX_MAX_DELIVERIES). */
export const DEFAULT_MAX_DELIVERIES = 10;
/** How long a processed event id is remembered: a provider retrying within it gets a duplicate. */
export const DEDUP_TTL_MS = 72 * 3600 * 1000;
/**
 * Processed event ids the in-memory inbox remembers at most (oldest forgotten first). A provider
 * retry older than that is processed again, which changes nothing: the same view applied twice is
 * no change and publishes nothing. Keeps a long-running single instance from holding every id for
 * 72 h (at 50 webhooks/s that would be ~13 million ids).
 */
export const MAX_PROCESSED_IDS = 100_000;
/** Dead letters kept (oldest dropped first). */
export const MAX_DEAD_LETTERS = 10_000;

export class InboxFullError extends Error {
  constructor(limit: number) {
    super(`webhook inbox holds ${limit} unprocessed events; refusing more until it drains`);
  }
}

export function deadLetterOf(entry: Pick<InboxEntry, 'id' | 'provider' | 'deliveries'> & { event?: ProviderEvent | null }, reason: string): DeadLetter {
  return {
    id: entry.id,
    provider: entry.provider,
    eventId: entry.event?.eventId ?? null,
    kind: entry.event?.kind ?? null,
    deliveries: entry.deliveries,
    reason,
    at: new Date().toISOString(),
  };
}
