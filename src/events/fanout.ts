// Delivers events already in this process to local subscribers. Shared by both buses.
import { recordBusDelivery } from '../server/metrics.js';
import type { BusEvent, Topic } from './contract.js';

/** A subscriber that falls this far behind is ended rather than let memory grow without bound. */
export const MAX_PENDING_PER_SUBSCRIBER = 10_000;

export class SubscriberTooSlowError extends Error {
  constructor() {
    super(`subscriber fell more than ${MAX_PENDING_PER_SUBSCRIBER} events behind and was closed`);
  }
}

class Subscription<T> implements AsyncIterableIterator<BusEvent<T>> {
  private readonly queue: BusEvent<T>[] = [];
  private waiting: ((r: IteratorResult<BusEvent<T>>) => void) | null = null;
  private failWaiting: ((e: Error) => void) | null = null;
  private done = false;
  private error: Error | null = null;

  constructor(
    readonly match: (e: BusEvent<T>) => boolean,
    private readonly onEnd: () => void,
  ) {}

  push(event: BusEvent<T>) {
    if (this.done || !this.match(event)) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = this.failWaiting = null;
      resolve({ value: event, done: false });
    } else if (this.queue.length >= MAX_PENDING_PER_SUBSCRIBER) {
      this.fail(new SubscriberTooSlowError());
    } else {
      this.queue.push(event);
    }
  }

  fail(error: Error) {
    if (this.done) return;
    this.error = error;
    this.finish();
    if (this.failWaiting) this.failWaiting(error);
    this.waiting = this.failWaiting = null;
  }

  private finish() {
    this.done = true;
    this.queue.length = 0;
    this.onEnd();
  }

  next(): Promise<IteratorResult<BusEvent<T>>> {
    const event = this.queue.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    if (this.error) return Promise.reject(this.error);
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failWaiting = reject;
    });
  }

  return(): Promise<IteratorResult<BusEvent<T>>> {
    if (!this.done) this.finish();
    if (this.waiting) this.waiting({ value: undefined, done: true });
    this.waiting = this.failWaiting = null;
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

export class Fanout {
  private readonly subscribers = new Map<Topic, Set<Subscription<unknown>>>();

  subscribe<T>(topic: Topic, match: (e: BusEvent<T>) => boolean): AsyncIterableIterator<BusEvent<T>> {
    const set = this.subscribers.get(topic) ?? new Set();
    this.subscribers.set(topic, set);
    const sub: Subscription<T> = new Subscription<T>(match, () => set.delete(sub as Subscription<unknown>));
    set.add(sub as Subscription<unknown>);
    return sub;
  }

  dispatch(event: BusEvent) {
    const set = this.subscribers.get(event.topic);
    if (set?.size) recordBusDelivery(event.topic, event.at);
    if (set) for (const sub of set) sub.push(event);
  }

  /** Ends every subscription (shutdown). */
  endAll(error: Error | null = null) {
    for (const set of this.subscribers.values())
      for (const sub of [...set]) error ? sub.fail(error) : sub.return();
  }

  get size() {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }
}

/**
 * Replays `history` (events after the client's cursor), then continues with `live`, which was
 * subscribed before the history was read: live events at or before the last replayed cursor are
 * dropped, so the seam has no gap and no duplicate.
 */
export function replayThenLive<T>(
  history: () => Promise<BusEvent<T>[]>,
  live: AsyncIterableIterator<BusEvent<T>>,
  compare: (a: string, b: string) => number,
  floor: string,
): AsyncIterableIterator<BusEvent<T>> {
  let replay: BusEvent<T>[] | null = null;
  let last = floor;
  let ended = false;
  const it: AsyncIterableIterator<BusEvent<T>> = {
    async next() {
      if (ended) return { value: undefined, done: true };
      replay ??= await history();
      const fromHistory = replay.shift();
      if (fromHistory) {
        last = fromHistory.cursor;
        return { value: fromHistory, done: false };
      }
      for (;;) {
        const r = await live.next();
        if (r.done) return r;
        if (compare(r.value.cursor, last) > 0) {
          last = r.value.cursor;
          return r;
        }
      }
    },
    async return() {
      ended = true;
      return live.return!();
    },
    [Symbol.asyncIterator]() {
      return it;
    },
  };
  return it;
}
