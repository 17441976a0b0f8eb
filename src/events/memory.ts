// In-memory event bus: one process, events numbered in publish order, kept in a bounded log
// (by age and count) so subscribers can resume from a cursor.
import { type BusEvent, CursorError, type EraseTarget, DEFAULT_REPLAY_WINDOW_MS, type EventBus, type PublishOptions, replayIndexKey, replayIndexKeys, type SubscribeOptions, type Topic } from './contract.js';
import { Fanout, replayThenLive } from './fanout.js';
import { parseIso } from '../domain/iso-time.js';

export interface MemoryEventBusOptions {
  /** Events older than this are dropped from the log. Default 24 h. */
  replayWindowMs?: number;
  /** At most this many events are kept. Default 100,000. */
  maxEvents?: number;
}

const seqOf = (cursor: string) => {
  const m = /^m(\d+)$/.exec(cursor);
  if (!m) throw new CursorError('is not a cursor of this event log');
  return Number(m[1]);
};

export class MemoryEventBus implements EventBus {
  private seq = 0;
  private readonly log: BusEvent[] = [];
  /** Highest sequence number dropped from the log (a cursor at or before it cannot resume gap-free). */
  private droppedUpTo = 0;
  private readonly keys = new Map<string, BusEvent>();
  /** Replay index: route (or tenant) key → its events in log order (see replayIndexKey). */
  private readonly index = new Map<string, BusEvent[]>();
  private published = 0;
  readonly fanout = new Fanout();
  private readonly windowMs: number;
  private readonly maxEvents: number;

  constructor(options: MemoryEventBusOptions = {}) {
    this.windowMs = options.replayWindowMs ?? DEFAULT_REPLAY_WINDOW_MS;
    this.maxEvents = options.maxEvents ?? 100_000;
  }

  async publish<T>(topic: Topic, tenant: string, payload: T, options: PublishOptions = {}): Promise<BusEvent<T>> {
    if (options.key) {
      const existing = this.keys.get(options.key);
      if (existing) return existing as BusEvent<T>;
    }
    const event: BusEvent<T> = { topic, cursor: `m${++this.seq}`, at: new Date().toISOString(), tenant, payload };
    if (options.routes?.length) event.routes = options.routes;
    this.log.push(event);
    for (const k of replayIndexKeys(topic, tenant, options.routes)) {
      const list = this.index.get(k);
      if (list) list.push(event);
      else this.index.set(k, [event]);
    }
    if (options.key) this.keys.set(options.key, event);
    this.trim();
    this.fanout.dispatch(event);
    return event;
  }

  private trim() {
    const cutoff = Date.now() - this.windowMs;
    let drop = 0;
    while (drop < this.log.length && (this.log.length - drop > this.maxEvents || parseIso(this.log[drop].at) < cutoff)) drop++;
    if (drop === 0) return;
    const dropped = this.log.splice(0, drop);
    this.droppedUpTo = seqOf(dropped.at(-1)!.cursor);
    // now and then, drop what the log dropped from the replay index too
    if (++this.published % 1000 === 0) {
      for (const [k, list] of this.index) {
        const keep = list.findIndex((e) => seqOf(e.cursor) > this.droppedUpTo);
        if (keep < 0) this.index.delete(k);
        else if (keep > 0) list.splice(0, keep);
      }
    }
    if (this.keys.size > this.log.length * 2) {
      for (const [k, e] of this.keys) if (seqOf(e.cursor) <= this.droppedUpTo) this.keys.delete(k);
    }
  }

  subscribe<T>(topic: Topic, match: (e: BusEvent<T>) => boolean, options: SubscribeOptions = {}) {
    const live = this.fanout.subscribe(topic, match, options.route);
    if (!options.after) return live;
    const after = seqOf(options.after);
    const indexKey = replayIndexKey(topic, options);
    const source = (indexKey ? (this.index.get(indexKey) ?? []) : this.log) as BusEvent<T>[];
    const history = async () => {
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
    let removed = 0;
    for (let i = this.log.length - 1; i >= 0; i--) {
      if (doomed.has(this.log[i])) {
        this.log.splice(i, 1);
        removed++;
      }
    }
    for (const e of doomed) {
      for (const k of replayIndexKeys(e.topic, e.tenant, e.routes)) {
        const list = this.index.get(k);
        if (!list) continue;
        // in place: a subscription about to replay holds this very array
        for (let i = list.length - 1; i >= 0; i--) if (doomed.has(list[i])) list.splice(i, 1);
        if (list.length === 0) this.index.delete(k);
      }
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
