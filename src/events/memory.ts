// In-memory event bus: one process, events numbered in publish order, kept in a bounded log
// (by age and count) so subscribers can resume from a cursor. Once the log is full (maxEvents, or
// the replay window's age), every publish drops its oldest event: dropped events are passed over
// (`head`) and removed in bulk, so a publish costs the same on a full log as on an empty one.
import { type BusEvent, CursorError, type EraseTarget, DEFAULT_REPLAY_WINDOW_MS, type EventBus, type PublishOptions, replayIndexKey, replayIndexKeys, type SubscribeOptions, type Topic } from './contract.js';
import { Fanout, replayThenLive } from './fanout.js';
import { isoNow, parseIso } from '../domain/iso-time.js';

export interface MemoryEventBusOptions {
  /** Events older than this are dropped from the log. Default 24 h. */
  replayWindowMs?: number;
  /** At most this many events are kept. Default 100,000. */
  maxEvents?: number;
}

/** Dropped events removed from the log's array at once, at most (see `trim`). */
const COMPACT_AFTER = 1024;

/**
 * `routes`, or `last` (the routes of the last event kept under the first of them) when equal: a
 * record's routes are the same at every change, so its events share one array, and its route
 * strings, made anew per change, are not kept once per event.
 */
function sameRoutes(last: string[] | undefined, routes: string[]): string[] {
  if (!last || last.length !== routes.length) return routes;
  for (let i = 0; i < routes.length; i++) if (last[i] !== routes[i]) return routes;
  return last;
}

const seqOf = (cursor: string) => {
  const m = /^m(\d+)$/.exec(cursor);
  if (!m) throw new CursorError('is not a cursor of this event log');
  return Number(m[1]);
};

export class MemoryEventBus implements EventBus {
  private seq = 0;
  /** The log from `head` on; what comes before `head` is dropped and waits for the next compaction. */
  private log: BusEvent[] = [];
  private head = 0;
  /** Highest sequence number dropped from the log (a cursor at or before it cannot resume gap-free). */
  private droppedUpTo = 0;
  private readonly keys = new Map<string, BusEvent>();
  /** Replay index: route (or tenant) key → its events in log order (see replayIndexKey). */
  private readonly index = new Map<string, BusEvent[]>();
  /** The oldest kept event whose time `oldestMs` holds (parsed once per event, not per publish). */
  private oldest: BusEvent | undefined;
  private oldestMs = 0;
  /** Drops since the replay index was last trimmed. */
  private dropsSinceIndexTrim = 0;
  readonly fanout = new Fanout();
  private readonly windowMs: number;
  private readonly maxEvents: number;

  constructor(options: MemoryEventBusOptions = {}) {
    this.windowMs = options.replayWindowMs ?? DEFAULT_REPLAY_WINDOW_MS;
    this.maxEvents = options.maxEvents ?? 100_000;
  }

  async publish<T>(topic: Topic, tenant: string, payload: T, options: PublishOptions = {}): Promise<BusEvent<T>> {
    return this.publishNow(topic, tenant, payload, options);
  }

  /** `publish` in this tick (store/memory-journal.ts). */
  publishNow<T>(topic: Topic, tenant: string, payload: T, options: PublishOptions = {}): BusEvent<T> {
    if (options.key) {
      const existing = this.keys.get(options.key);
      if (existing) return existing as BusEvent<T>;
    }
    const cursor = `m${++this.seq}`;
    const routes = options.routes?.length ? options.routes : undefined;
    // the first route's list: where this record's last event is (see `sameRoutes`), and where this one goes
    const firstKey = routes ? `${topic}:${routes[0]}` : undefined;
    const first = firstKey ? this.index.get(firstKey) : undefined;
    const shared = routes ? sameRoutes(first?.[first.length - 1]?.routes, routes) : undefined;
    // one literal per shape: a key added after it would move the event's fields out of the object
    const event: BusEvent<T> = shared ? { topic, cursor, at: isoNow(), tenant, payload, routes: shared } : { topic, cursor, at: isoNow(), tenant, payload };
    this.log.push(event);
    // indexed under each route and the tenant's key (contract.ts replayIndexKeys), without building the keys' list
    if (routes) {
      if (first) first.push(event);
      else this.index.set(firstKey!, [event]);
      for (let i = 1; i < routes.length; i++) this.indexUnder(`${topic}:${routes[i]}`, event);
    }
    this.indexUnder(`${topic}:${tenant}|*`, event);
    if (options.key) this.keys.set(options.key, event);
    this.trim();
    this.fanout.dispatch(event, 0);
    return event;
  }

  private indexUnder(key: string, event: BusEvent) {
    const list = this.index.get(key);
    if (list) list.push(event);
    else this.index.set(key, [event]);
  }

  private trim() {
    const cutoff = Date.now() - this.windowMs;
    const { log } = this;
    const from = this.head;
    while (this.head < log.length && (log.length - this.head > this.maxEvents || this.timeOf(log[this.head]) < cutoff)) this.head++;
    if (this.head === from) return;
    this.droppedUpTo = seqOf(log[this.head - 1].cursor);
    // removing the oldest event from the front of an array moves all the others (~0.2 ms per
    // publish on a log of 100,000: bench/event-log.ts); dropped ones go in bulk instead, at most
    // COMPACT_AFTER at a time, or when they are half the array
    if (this.head >= COMPACT_AFTER || this.head * 2 >= log.length) {
      this.log = log.slice(this.head);
      this.head = 0;
    }
    // now and then, drop what the log dropped from the replay index too: a pass visits every
    // route's list, so it runs every 1,000 drops, or every quarter of the index's size when that
    // is larger (one list per verification and subject: a pass per 1,000 cost 20 µs per publish
    // with 200,000 lists; bench/event-log.ts --routes unique)
    if (++this.dropsSinceIndexTrim >= Math.max(1000, this.index.size >> 2)) {
      this.dropsSinceIndexTrim = 0;
      for (const [k, list] of this.index) {
        const keep = list.findIndex((e) => seqOf(e.cursor) > this.droppedUpTo);
        if (keep < 0) this.index.delete(k);
        else if (keep > 0) list.splice(0, keep);
      }
    }
    if (this.keys.size > (this.log.length - this.head) * 2) {
      for (const [k, e] of this.keys) if (seqOf(e.cursor) <= this.droppedUpTo) this.keys.delete(k);
    }
  }

  /** `event`'s time in ms (the oldest kept event's, asked on every publish). */
  private timeOf(event: BusEvent): number {
    if (event !== this.oldest) {
      this.oldest = event;
      this.oldestMs = parseIso(event.at);
    }
    return this.oldestMs;
  }

  subscribe<T>(topic: Topic, match: (e: BusEvent<T>) => boolean, options: SubscribeOptions = {}) {
    const live = this.fanout.subscribe(topic, match, options.route);
    if (!options.after) return live;
    const after = seqOf(options.after);
    const indexKey = replayIndexKey(topic, options);
    const history = async () => {
      // read when the replay runs (the log is replaced when it is compacted); dropped events
      // still in it are skipped below
      const source = (indexKey ? (this.index.get(indexKey) ?? []) : this.log) as BusEvent<T>[];
      // events are in seq order: find the first after the cursor, read only from there
      let lo = 0;
      let hi = source.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (seqOf(source[mid].cursor) <= after) lo = mid + 1;
        else hi = mid;
      }
      const out: BusEvent<T>[] = [];
      for (let i = lo; i < source.length; i++) {
        const e = source[i];
        if (seqOf(e.cursor) > this.droppedUpTo && e.topic === topic && match(e)) out.push(e);
      }
      return out;
    };
    return replayThenLive(history, live, (a, b) => seqOf(a) - seqOf(b), options.after);
  }

  async erase(tenant: string, targets: readonly EraseTarget[]): Promise<number> {
    const doomed = new Set<BusEvent>();
    for (const t of targets) {
      for (const e of this.index.get(`${t.topic}:${t.route}`) ?? []) if (e.tenant === tenant) doomed.add(e);
    }
    this.fanout.purge(tenant, targets);
    if (doomed.size === 0) return 0;
    // one pass over the log and over each index touched (not one splice per erased event)
    const kept = this.log.length - this.head;
    this.log = this.log.filter((e, i) => i >= this.head && !doomed.has(e));
    this.head = 0;
    const removed = kept - this.log.length;
    const lists = new Set<string>();
    for (const e of doomed) for (const k of replayIndexKeys(e.topic, e.tenant, e.routes)) lists.add(k);
    for (const k of lists) {
      const list = this.index.get(k);
      if (!list) continue;
      // in place: a subscription about to replay holds this very array
      let n = 0;
      for (const e of list) if (!doomed.has(e)) list[n++] = e;
      list.length = n;
      if (n === 0) this.index.delete(k);
    }
    for (const [k, e] of this.keys) if (doomed.has(e)) this.keys.delete(k);
    return removed;
  }

  async validateCursor(after: string): Promise<void> {
    if (seqOf(after) < this.droppedUpTo) throw new CursorError('is older than the replay window; subscribe without `after` and reload state');
  }

  get subscriberCount() {
    return this.fanout.size;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.fanout.endAll();
  }
}
