// The webhook inbox: a provider's events are appended here (durably) before the webhook is
// acknowledged, and removed once processed (stored and published). The entries a processor
// holds are claimed by it (a Redis Streams consumer group: the pending list is the claim); an
// entry left unacknowledged for a while (crash, failure) is claimed again by any replica's
// recovery loop, each delivery counted; after a bounded number of deliveries it moves to the
// dead letters for an operator. An acknowledged webhook is never lost.
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
  /** Drops a processed entry (acknowledged). */
  remove(id: string): Promise<void>;
  /** Moves an entry that failed too often to the dead letters, with the reason. */
  deadLetter(entry: InboxEntry, reason: string): Promise<void>;
  /** The newest dead letters first, for operators. */
  deadLetters(limit: number): Promise<DeadLetter[]>;
  /** Entries not processed yet (recorded or being processed). */
  size(): Promise<number>;
}

/** Deliveries after which an entry is moved to the dead letters (INBOX_MAX_DELIVERIES). */
export const DEFAULT_MAX_DELIVERIES = 10;
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
