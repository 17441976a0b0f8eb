// The event bus: every provider change becomes one event; subscriptions read them back.
// In memory by default, a Redis Stream when REDIS_URL is set (so every replica sees every event).

export type Topic = 'verification' | 'check' | 'ingestion';

export interface BusEvent<T = unknown> {
  topic: Topic;
  /** Position in the event log; opaque to clients. */
  cursor: string;
  /** When the event was recorded (ISO 8601). */
  at: string;
  tenant: string;
  payload: T;
}

export interface SubscribeOptions {
  /** Replay the matching events recorded after this cursor first, then continue live. */
  after?: string | null;
}

export interface EventBus {
  publish<T>(topic: Topic, tenant: string, payload: T): Promise<BusEvent<T>>;
  /**
   * Live events of `topic` for which `match` is true, in log order. The iterator ends
   * (and frees its resources at once) when `return()` is called.
   */
  subscribe<T>(topic: Topic, match: (event: BusEvent<T>) => boolean, options?: SubscribeOptions): AsyncIterableIterator<BusEvent<T>>;
  /** Live subscriptions in this process. */
  readonly subscriberCount: number;
  ping(): Promise<void>;
  close(): Promise<void>;
}
