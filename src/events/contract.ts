// The event bus: every provider change becomes one event in an ordered log; subscriptions read
// it live and can resume from a cursor. In memory by default (a bounded log), a Redis Stream when
// REDIS_URL is set (so every replica sees every event, in the same order).

export type Topic = 'verification' | 'check' | 'ingestion';

export interface BusEvent<T = unknown> {
  topic: Topic;
  /** Position in the event log; opaque to clients, pass it back as `after` to resume. */
  cursor: string;
  /** When the event was recorded (ISO 8601). */
  at: string;
  tenant: string;
  payload: T;
  /**
   * Routing keys (e.g. `tenant|id|…`, `tenant|subject|…`): a subscriber that gave one of these as
   * its `route` is offered the event without every other subscriber's filter running. Routing
   * only narrows who is asked; each subscriber's own filter still decides. An event without
   * routes is offered to every subscriber of its topic.
   */
  routes?: string[];
}

export interface PublishOptions {
  /**
   * Idempotency key: publishing the same key twice (within the replay window) records one
   * event and returns it both times. Used so a webhook re-processed after a crash is never
   * published twice.
   */
  key?: string;
  /** Routing keys of the event, distinct (see BusEvent.routes). */
  routes?: string[];
}

/** One `publish` call's arguments, built before the write it announces (see store/journal.ts). */
export interface Publication<T = unknown> {
  topic: Topic;
  tenant: string;
  payload: T;
  options?: PublishOptions;
}

export interface SubscribeOptions {
  /** Replay the matching events recorded after this cursor first, then continue live. */
  after?: string | null;
  /**
   * The one routing key every event this subscriber can match carries. Without it the
   * subscriber is asked about every event of the topic.
   */
  route?: string | null;
  /**
   * The subscriber's tenant: a replay without a `route` reads this tenant's events only. With
   * neither, a replay reads the whole log.
   */
  tenant?: string | null;
}

/**
 * The key of the replay index a subscription reads: its route, else its tenant's. Every event is
 * indexed under each of its routes and under its tenant's key, so resuming costs in proportion to
 * the events that can match, not to the whole log.
 */
export function replayIndexKey(topic: Topic, options: SubscribeOptions): string | null {
  if (options.route) return `${topic}:${options.route}`;
  if (options.tenant) return `${topic}:${options.tenant}|*`;
  return null;
}

export function replayIndexKeys(topic: Topic, tenant: string, routes: readonly string[] | undefined): string[] {
  return [...(routes ?? []).map((r) => `${topic}:${r}`), `${topic}:${tenant}|*`];
}

export interface EraseTarget {
  topic: Topic;
  route: string;
}

/** Topic of the control entry an erasure appends (Redis), so every replica purges its queues. */
export const ERASE_TOPIC = '_erase';

/** Thrown by subscribe when `after` is malformed or older than the replay window. */
export class CursorError extends Error {}

export interface EventBus {
  publish<T>(topic: Topic, tenant: string, payload: T, options?: PublishOptions): Promise<BusEvent<T>>;
  /**
   * Matching events of `topic` in log order: first those after `options.after` (replay), then
   * live ones, with no gap and no duplicate at the seam. The iterator ends (and frees its
   * resources at once) when `return()` is called.
   */
  subscribe<T>(topic: Topic, match: (event: BusEvent<T>) => boolean, options?: SubscribeOptions): AsyncIterableIterator<BusEvent<T>>;
  /**
   * Erasure: removes from the log (and its replay indexes) every event of the tenant indexed
   * under one of `targets` (a topic and a routing key), and drops such events still queued for
   * local subscribers on every replica. Resolves how many events were removed from the log.
   */
  erase(tenant: string, targets: readonly EraseTarget[]): Promise<number>;
  /** Throws CursorError when `after` is malformed or older than the replay window. */
  validateCursor(after: string): Promise<void>;
  /** Live subscriptions in this process. */
  readonly subscriberCount: number;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Default replay window: events stay resumable for 24 h. */
export const DEFAULT_REPLAY_WINDOW_MS = 24 * 3600 * 1000;
