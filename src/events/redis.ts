// Redis event bus: every event is appended to one Redis Stream (XADD, trimmed by age to the
// replay window), and each replica reads the stream with a blocking XREAD on its own connection
// and hands events to its local subscribers. The stream id is the event's cursor, so order is
// the same on every replica, and a subscriber resumes with XRANGE from its cursor.
import { once } from 'node:events';
import { extend } from '../domain/objects.js';
import type { RedisClient } from '../redis/client.js';
import {
  type BusEvent,
  CursorError,
  ERASE_TOPIC,
  type EraseTarget,
  DEFAULT_REPLAY_WINDOW_MS,
  type EventBus,
  type PublishOptions,
  replayIndexKey,
  replayIndexKeys,
  type SubscribeOptions,
  type Topic,
} from './contract.js';
import { Fanout, replayThenLive } from './fanout.js';

export interface RedisEventBusOptions {
  /** Stream key; the replay indexes and publish markers share its hash tag. Default `kyc:{events}`. */
  stream?: string;
  /** Events older than this are trimmed (XADD MINID ~) and cannot be resumed from. Default 24 h. */
  replayWindowMs?: number;
  /** How long one XREAD blocks before looping (ms). Default 2000. */
  blockMs?: number;
}

// Appends an event unless its idempotency key was already published; returns [isNew, id].
// KEYS[1] the stream, KEYS[2] the key's marker (the stream itself when there is no key),
// KEYS[3..] the replay index streams of the event's routes and tenant (entries with the event's
// own id, so a resume reads only its own). ARGV: 1 MINID, 2 event JSON, 3 window ms, 4 topic,
// 5 routes joined by '\n', 6 '1' when keyed. Fields: e = the event, t = its topic, r = its routes
// (so a reader can skip events no local subscriber wants without parsing them). All keys share
// one hash tag: one slot on a Redis Cluster.
const PUBLISH_ONCE = `
if ARGV[6] == '1' then
  local existing = redis.call('GET', KEYS[2])
  if existing then return {0, existing} end
end
local id = redis.call('XADD', KEYS[1], 'MINID', '~', ARGV[1], '*', 'e', ARGV[2], 't', ARGV[4], 'r', ARGV[5])
if ARGV[6] == '1' then redis.call('SET', KEYS[2], id, 'PX', ARGV[3]) end
for i = 3, #KEYS do
  redis.call('XADD', KEYS[i], 'MINID', '~', ARGV[1], id, 'x', '')
  redis.call('PEXPIRE', KEYS[i], ARGV[3])
end
return {1, id}`;

// Reads up to ARGV[2] events of the replay index KEYS[2] after ARGV[1] ('(<id>'), from the stream
// KEYS[1], in one round trip. Returns {index entries read, events}.
const REPLAY = `
local ids = redis.call('XRANGE', KEYS[2], ARGV[1], '+', 'COUNT', ARGV[2])
local out = {}
for _, entry in ipairs(ids) do
  local e = redis.call('XRANGE', KEYS[1], entry[1], entry[1])
  if e[1] then out[#out + 1] = e[1] end
end
local last = ''
if #ids > 0 then last = ids[#ids][1] end
return {#ids, out, last}`;

// Erasure of the events one replay index names. KEYS[1] the stream, KEYS[2] the route's index,
// KEYS[3] the tenant's index of the same topic (entries carry the event's own id). Deletes up to
// ARGV[1] events of the route index from the stream and both indexes; DEL the route index once
// empty. Returns {events deleted from the stream, 1 when more remain}. Bounded work per call.
const ERASE = `
local ids = redis.call('XRANGE', KEYS[2], '-', '+', 'COUNT', ARGV[1])
local n = 0
for _, entry in ipairs(ids) do
  n = n + redis.call('XDEL', KEYS[1], entry[1])
  redis.call('XDEL', KEYS[3], entry[1])
  redis.call('XDEL', KEYS[2], entry[1])
end
if #ids < tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[2])
  return {n, 0}
end
return {n, 1}`;

/** Events one erase call removes at most (keeps each script short). */
const ERASE_BATCH = 500;

const CURSOR = /^(\d+)-(\d+)$/;
function parseCursor(c: string): [bigint, bigint] {
  const m = CURSOR.exec(c);
  if (!m) throw new CursorError('is not a cursor of this event log');
  return [BigInt(m[1]), BigInt(m[2])];
}
export function compareCursors(a: string, b: string): number {
  const [am, as] = parseCursor(a);
  const [bm, bs] = parseCursor(b);
  return am === bm ? (as === bs ? 0 : as < bs ? -1 : 1) : am < bm ? -1 : 1;
}

type Entry = [id: string, fields: string[]];
interface Scripts {
  kycPublishOnce(numKeys: number, ...args: (string | number)[]): Promise<[number, string]>;
  kycEraseEvents(stream: string, index: string, tenantIndex: string, count: number): Promise<[number, number]>;
  kycReplay(stream: string, index: string, from: string, count: number): Promise<[number, Entry[], string]>;
}

export class RedisEventBus implements EventBus {
  readonly fanout = new Fanout();
  private readonly reader: RedisClient;
  private readonly stream: string;
  private readonly windowMs: number;
  private readonly blockMs: number;
  private closed = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly redis: RedisClient,
    options: RedisEventBusOptions = {},
  ) {
    // EVALSHA after the first call (ioredis loads the script on NOSCRIPT); the publish script
    // takes its number of keys as first argument
    if (!('kycPublishOnce' in redis)) redis.defineCommand('kycPublishOnce', { lua: PUBLISH_ONCE });
    if (!('kycEraseEvents' in redis)) redis.defineCommand('kycEraseEvents', { numberOfKeys: 3, lua: ERASE });
    if (!('kycReplay' in redis)) redis.defineCommand('kycReplay', { numberOfKeys: 2, lua: REPLAY });
    this.stream = options.stream ?? 'kyc:{events}';
    this.windowMs = options.replayWindowMs ?? DEFAULT_REPLAY_WINDOW_MS;
    this.blockMs = options.blockMs ?? 2000;
    this.reader = redis.duplicate();
    // reconnects by itself; ping() (and so /readyz) reports the outage
    this.reader.on('error', () => {});
  }

  private indexKey(key: string) {
    return `${this.stream}:r:${key}`;
  }

  private decode(id: string, fields: string[]): BusEvent | null {
    try {
      return extend(JSON.parse(fields[1]) as Omit<BusEvent, 'cursor'>, { cursor: id });
    } catch {
      return null; // a malformed entry cannot be delivered; skip it rather than stall everyone
    }
  }

  /** Whether a local subscriber may want this entry, judged from its t/r fields without parsing it. */
  private wanted(fields: string[]): boolean {
    if (fields.length < 6 || fields[2] !== 't' || fields[4] !== 'r') return true; // older entry: parse it
    return this.fanout.wants(fields[3] as Topic, fields[5] ? fields[5].split('\n') : undefined);
  }

  /** Starts reading from the current end of the stream. */
  async start(): Promise<void> {
    if (this.reader.status === 'wait') await this.reader.connect(); // lazyConnect copied from the main client
    else if (this.reader.status !== 'ready') await once(this.reader, 'ready');
    const last = await this.redis.xrevrange(this.stream, '+', '-', 'COUNT', 1);
    let lastId = last.length ? last[0][0] : '0-0';
    this.loop = (async () => {
      while (!this.closed) {
        let res: [string, Entry[]][] | null;
        try {
          res = (await this.reader.xread('COUNT', 1000, 'BLOCK', this.blockMs, 'STREAMS', this.stream, lastId)) as [string, Entry[]][] | null;
        } catch {
          if (this.closed) return;
          await new Promise((r) => setTimeout(r, 200));
          continue;
        }
        if (!res) continue;
        for (const [, entries] of res) {
          for (const [id, fields] of entries) {
            lastId = id;
            if (fields[3] === ERASE_TOPIC) {
              this.purge(fields);
              continue;
            }
            if (!this.wanted(fields)) continue;
            const event = this.decode(id, fields);
            if (event) this.fanout.dispatch(event);
          }
        }
      }
    })();
  }

  async publish<T>(topic: Topic, tenant: string, payload: T, options: PublishOptions = {}): Promise<BusEvent<T>> {
    const at = new Date().toISOString();
    const routes = options.routes?.length ? options.routes : undefined;
    const body = JSON.stringify({ topic, at, tenant, payload, routes });
    const keyName = options.key ? `${this.stream}:published:${options.key}` : this.stream;
    const indexes = replayIndexKeys(topic, tenant, routes).map((k) => this.indexKey(k));
    const [isNew, id] = await (this.redis as unknown as Scripts).kycPublishOnce(
      2 + indexes.length, this.stream, keyName, ...indexes,
      `${Date.now() - this.windowMs}-0`, body, this.windowMs, topic, routes?.join('\n') ?? '', options.key ? '1' : '0',
    );
    if (isNew) return { topic, cursor: id, at, tenant, payload, ...(routes ? { routes } : {}) };
    const [entry] = (await this.redis.xrange(this.stream, id, id)) as Entry[];
    return (entry ? this.decode(entry[0], entry[1]) : null) as BusEvent<T>;
  }

  subscribe<T>(topic: Topic, match: (e: BusEvent<T>) => boolean, options: SubscribeOptions = {}) {
    const live = this.fanout.subscribe(topic, match, options.route);
    if (!options.after) return live;
    const after = options.after;
    const indexKey = replayIndexKey(topic, options);
    const history = async () => {
      const out: BusEvent<T>[] = [];
      let from = `(${after}`;
      for (;;) {
        let read: number;
        let entries: Entry[];
        let last: string;
        if (indexKey) {
          // only this subscription's route (or tenant): cost follows the events that can match
          [read, entries, last] = await (this.redis as unknown as Scripts).kycReplay(this.stream, this.indexKey(indexKey), from, 1000);
        } else {
          entries = (await this.redis.xrange(this.stream, from, '+', 'COUNT', 1000)) as Entry[];
          read = entries.length;
          last = entries.at(-1)?.[0] ?? after;
        }
        for (const [id, fields] of entries) {
          const e = this.decode(id, fields) as BusEvent<T> | null;
          if (e && e.topic === topic && match(e)) out.push(e);
        }
        if (read < 1000) return out;
        from = `(${last}`;
      }
    };
    return replayThenLive(history, live, compareCursors, after);
  }

  async erase(tenant: string, targets: readonly EraseTarget[]): Promise<number> {
    const scripts = this.redis as unknown as Scripts;
    let removed = 0;
    // every route index at once (one pipelined round trip), then again those with more left
    let pending = targets.map(({ topic, route }) => [this.indexKey(`${topic}:${route}`), this.indexKey(replayIndexKey(topic, { tenant })!)] as const);
    while (pending.length) {
      const results = await Promise.all(pending.map(([index, tenantIndex]) => scripts.kycEraseEvents(this.stream, index, tenantIndex, ERASE_BATCH)));
      for (const [n] of results) removed += n;
      pending = pending.filter((_, i) => results[i][1] === 1);
    }
    // a control entry (no data, only the tenant and the routing keys): every replica's reader
    // drops queued events of these routes, so no subscriber is handed one after this point
    const body = JSON.stringify({ tenant, targets });
    await this.redis.xadd(this.stream, 'MINID', '~', `${Date.now() - this.windowMs}-0`, '*', 'e', body, 't', ERASE_TOPIC, 'r', '');
    this.fanout.purge(tenant, targets);
    return removed;
  }

  private purge(fields: string[]) {
    try {
      const { tenant, targets } = JSON.parse(fields[1]) as { tenant: string; targets: EraseTarget[] };
      this.fanout.purge(tenant, targets);
    } catch {
      // malformed control entry: nothing to purge
    }
  }

  async validateCursor(after: string): Promise<void> {
    const [ms] = parseCursor(after);
    if (Number(ms) < Date.now() - this.windowMs) throw new CursorError('is older than the replay window; subscribe without `after` and reload state');
  }

  get subscriberCount() {
    return this.fanout.size;
  }

  async ping(): Promise<void> {
    await this.redis.ping();
    if (this.reader.status !== 'ready') throw new Error(`event reader connection is ${this.reader.status}`);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.reader.disconnect();
    await Promise.race([this.loop?.catch(() => {}), new Promise((r) => setTimeout(r, 1000).unref())]);
    this.fanout.endAll();
  }
}
