// Delivers events already in this process to local subscribers. Shared by both buses.
import { busLagSeconds, recordBusDelivery } from '../observability/metrics.js';
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

  /** Drops queued (not yet delivered) events for which `doomed` is true. */
  drop(doomed: (e: BusEvent<T>) => boolean) {
    for (let i = this.queue.length - 1; i >= 0; i--) if (doomed(this.queue[i])) this.queue.splice(i, 1);
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

interface TopicSubscribers {
  /** Subscribers without a route: asked about every event of the topic. */
  all: Set<Subscription<unknown>>;
  /** route → subscribers that gave it: asked only about events carrying that route. */
  byRoute: Map<string, Set<Subscription<unknown>>>;
  size: number;
}

export class Fanout {
  private readonly topics = new Map<Topic, TopicSubscribers>();

  subscribe<T>(topic: Topic, match: (e: BusEvent<T>) => boolean, route?: string | null): AsyncIterableIterator<BusEvent<T>> {
    let t = this.topics.get(topic);
    if (!t) this.topics.set(topic, (t = { all: new Set(), byRoute: new Map(), size: 0 }));
    const topicSubs = t;
    let set = topicSubs.all;
    if (route != null) {
      set = topicSubs.byRoute.get(route) ?? new Set();
      topicSubs.byRoute.set(route, set);
    }
    const sub: Subscription<T> = new Subscription<T>(match, () => {
      if (!set.delete(sub as Subscription<unknown>)) return;
      topicSubs.size--;
      if (route != null && set.size === 0) topicSubs.byRoute.delete(route);
    });
    set.add(sub as Subscription<unknown>);
    topicSubs.size++;
    return sub;
  }

  /** True when some local subscriber may want an event of `topic` with these routes. */
  wants(topic: Topic, routes: readonly string[] | undefined): boolean {
    const t = this.topics.get(topic);
    if (!t?.size) return false;
    if (t.all.size || !routes?.length) return true;
    return routes.some((r) => t.byRoute.has(r));
  }

  /**
   * Hands `event` to the local subscribers that want it. `lagSeconds`: since it was recorded, when
   * the caller knows (the in-memory bus: 0, delivered in the tick it was published); else read
   * from its `at`.
   */
  dispatch(event: BusEvent, lagSeconds?: number) {
    const t = this.topics.get(event.topic);
    if (!t?.size) return;
    recordBusDelivery(event.topic, lagSeconds ?? busLagSeconds(event.at));
    for (const sub of t.all) sub.push(event);
    if (t.byRoute.size === 0) return;
    if (!event.routes?.length) {
      // an event without routes (e.g. from an older instance) is offered to every subscriber
      for (const set of t.byRoute.values()) for (const sub of set) sub.push(event);
      return;
    }
    for (const route of event.routes) {
      const set = t.byRoute.get(route);
      if (set) for (const sub of set) sub.push(event);
    }
  }

  /**
   * Erasure: drops every queued event of the tenant that carries one of `routes` (each
   * `topic:route`), so no subscriber of this process is handed it after the erasure.
   */
  purge(tenant: string, targets: readonly { topic: Topic; route: string }[]) {
    const wanted = new Set(targets.map((t) => `${t.topic}:${t.route}`));
    const doomed = (e: BusEvent) => e.tenant === tenant && (e.routes ?? []).some((r) => wanted.has(`${e.topic}:${r}`));
    for (const t of this.topics.values()) for (const sub of [...t.all, ...[...t.byRoute.values()].flatMap((s) => [...s])]) sub.drop(doomed);
  }

  /** Ends every subscription (shutdown). */
  endAll(error: Error | null = null) {
    for (const t of this.topics.values())
      for (const sub of [...t.all, ...[...t.byRoute.values()].flatMap((s) => [...s])]) error ? sub.fail(error) : sub.return();
  }

  get size() {
    let n = 0;
    for (const t of this.topics.values()) n += t.size;
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
  // read by position: shift() on an array this long moves every other element (quadratic over
  // a replay of 100,000 events: bench/event-log.ts)
  let replayed = 0;
  let last = floor;
  let ended = false;
  const it: AsyncIterableIterator<BusEvent<T>> = {
    async next() {
      if (ended) return { value: undefined, done: true };
      replay ??= await history();
      if (replayed < replay.length) {
        const fromHistory = replay[replayed++];
        if (replayed === replay.length) replay = []; // let the history go
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
