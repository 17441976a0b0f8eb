// Redis event bus: every event is appended to one Redis Stream (XADD, trimmed by age to the
// replay window) and, in the same script, pushed on the channel `<stream>:live` (PUBLISH) with its
// stream id and the id of the entry before it. Each replica subscribes to the channel on its own
// connection and hands events to its local subscribers: no request per event (a blocking XREAD
// per event cost a reader 1.6× the CPU of a pushed message). The stream stays the truth: when a
// message's previous id is not the last one this reader handled (a reconnect, a dropped message,
// an entry a replica of an older version appended without the push), the reader first reads the
// missing entries from the stream, in order; while no message comes it checks the stream every
// `blockMs`. The stream id is the event's cursor, so order is the same on every replica, and a
// subscriber resumes with XRANGE from its cursor. An event this replica published comes back on
// the channel like any other (same order), but is handed out as the object it published rather
// than parsed again (`own`).
import { once } from 'node:events';
import { isoAt } from '../domain/iso-time.js';
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
  /** How often the reader checks the stream for entries no message brought, while none comes (ms). Default 2000. */
  blockMs?: number;
}

// Appends an event unless its idempotency key was already published; returns {isNew, id}.
// keys[1] the stream, keys[2] the key's marker (the stream itself when there is no key),
// keys[3..] the replay index streams of the event's routes and tenant (entries with the event's
// own id, so a resume reads only its own). argv: 1 MINID, 2 event JSON, 3 window ms, 4 topic,
// 5 routes joined by '\n', 6 '1' when keyed, 7 the channel. Fields: e = the event, t = its topic,
// r = its routes (so a reader can skip events no local subscriber wants without parsing them).
// The message: a JSON header [previous id, id, topic, routes], a newline, the event JSON. All
// keys share one hash tag: one slot on a Redis Cluster. A Lua function, so a script that stores
// a record can publish its event in the same call (store/redis-journal.ts).
export const PUBLISH_ONCE_FUNCTION = `
local function publish_once(keys, argv)
  if argv[6] == '1' then
    local existing = redis.call('GET', keys[2])
    if existing then return {0, existing} end
  end
  local before = redis.call('XREVRANGE', keys[1], '+', '-', 'COUNT', 1)
  local prev = '0-0'
  if before[1] then prev = before[1][1] end
  local id = redis.call('XADD', keys[1], 'MINID', '~', argv[1], '*', 'e', argv[2], 't', argv[4], 'r', argv[5])
  redis.call('PUBLISH', argv[7], cjson.encode({prev, id, argv[4], argv[5]}) .. '\\n' .. argv[2])
  if argv[6] == '1' then redis.call('SET', keys[2], id, 'PX', argv[3]) end
  for i = 3, #keys do
    redis.call('XADD', keys[i], 'MINID', '~', argv[1], id, 'x', '')
    redis.call('PEXPIRE', keys[i], argv[3])
  end
  return {1, id}
end`;
const PUBLISH_ONCE = `${PUBLISH_ONCE_FUNCTION}
return publish_once(KEYS, ARGV)`;

/** The keys and arguments of `publish_once` for one event (`RedisEventBus.prepare`). */
export interface PreparedPublish<T = unknown> {
  keys: string[];
  /** Always 7 (see PUBLISH_ONCE_FUNCTION). */
  args: (string | number)[];
  /**
   * With an embedded value (`prepare`'s `embed`): the event's JSON after the value's, and args[1]
   * the part before it: the script sends `args[1] .. embed.json .. after` (the value's JSON goes
   * over the wire once). '' when args[1] is the whole event.
   */
  after: string;
  /** The event as published when it is new, with the stream id Redis gave it. */
  event(id: string): BusEvent<T>;
  /** The event was not published (a lost compare-and-set, a key published before, a failure). */
  forget(): void;
}

/** A value inside an event's payload whose JSON the caller has made already (a record it stores). */
export interface Embedded {
  value: object;
  json: string;
}

/**
 * Stands for the embedded value in the event's JSON while the rest is serialized. A user's string
 * holding it only costs the split: it then occurs twice, and the event is serialized whole.
 */
const PLACEHOLDER = '\u0000kyc:embedded\u0000';
const EMBEDDED = JSON.stringify(PLACEHOLDER);

/**
 * `envelope`'s JSON split where `payload`'s key holding `embed.value` goes, or null (the value is
 * not one key of the payload, or the placeholder occurs more than once).
 */
function around(envelope: { payload: unknown }, embed: Embedded): [before: string, after: string] | null {
  const payload = envelope.payload as Record<string, unknown> | null;
  if (typeof payload !== 'object' || payload === null) return null;
  let key: string | null = null;
  for (const k of Object.keys(payload)) {
    if (payload[k] !== embed.value) continue;
    if (key !== null) return null;
    key = k;
  }
  if (key === null) return null;
  const parts = JSON.stringify(extend(envelope, { payload: extend(payload, { [key]: PLACEHOLDER }) })).split(EMBEDDED);
  return parts.length === 2 ? [parts[0], parts[1]] : null;
}

/**
 * What an own event is looked up by: its JSON's length and its `at` (the envelope's second key,
 * so found near the start). Hashing the whole JSON (~2 KB) per message cost more than this; the
 * JSON is then compared whole, so two events with the same key are never mistaken for each other.
 */
function ownKey(json: string): string {
  const at = json.indexOf('"at":"');
  return at < 0 ? '' : `${json.length}:${json.slice(at + 6, at + 30)}`;
}

/** A replica's own events wait this long at most for their message (a message lost in a reconnect). */
const OWN_WAIT_MS = 30_000;
/** …and at most this many wait at once. */
const OWN_MAX = 10_000;

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

/** A pushed message: the entry's id, the id of the entry before it, and its fields. */
interface Pushed {
  prev: string;
  id: string;
  topic: string;
  routes: string;
  event: string;
}

export class RedisEventBus implements EventBus {
  readonly fanout = new Fanout();
  /** The connection subscribed to the channel (a subscribed connection takes no other command). */
  private readonly reader: RedisClient;
  private readonly stream: string;
  private readonly channel: string;
  private readonly windowMs: number;
  private readonly blockMs: number;
  private closed = false;
  /** The last entry handed out (or skipped): entries are handled in stream order, each once. */
  private lastId = '0-0';
  /** Messages that wait while entries before them are read from the stream. */
  private readonly queue: Pushed[] = [];
  /** The stream is being read (or the start point is not known yet): messages queue. */
  private reading: Promise<void> | null = null;
  /** A message came since the last check of the stream. */
  private heard = false;
  private check: NodeJS.Timeout | null = null;
  /**
   * Events this replica published that a local subscriber may want, until their message comes
   * back (found by `ownKey`, then their JSON compared whole): handed out as built, not parsed again
   * (the parse was the reader's largest cost per event). Insertion order is age order; see
   * OWN_WAIT_MS and OWN_MAX.
   */
  private readonly own = new Map<string, { json: string; event: (id: string) => BusEvent; until: number }>();

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
    this.channel = `${this.stream}:live`;
    this.windowMs = options.replayWindowMs ?? DEFAULT_REPLAY_WINDOW_MS;
    this.blockMs = options.blockMs ?? 2000;
    this.windowArg = String(this.windowMs);
    this.reader = redis.duplicate();
    // reconnects (and subscribes again) by itself; ping() (and so /readyz) reports the outage, and
    // the first message after it shows the gap, which is read from the stream
    this.reader.on('error', () => {});
    this.reader.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.pushed(message);
    });
  }

  private indexKey(key: string) {
    return `${this.stream}:r:${key}`;
  }

  private decode(id: string, json: string): BusEvent | null {
    try {
      return extend(JSON.parse(json) as Omit<BusEvent, 'cursor'>, { cursor: id });
    } catch {
      return null; // a malformed entry cannot be delivered; skip it rather than stall everyone
    }
  }

  /**
   * Hands one entry to the local subscribers that may want it (judged from its topic and routes
   * without parsing it; `topic` undefined: an entry of an older version, parsed), once, in order.
   */
  private handle(id: string, topic: string | undefined, routes: string, json: string) {
    if (compareCursors(id, this.lastId) > 0) this.deliver(id, topic, routes, json); // else read from the stream before its message came
  }

  /** `handle` for an entry known to follow the last one. */
  private deliver(id: string, topic: string | undefined, routes: string, json: string) {
    this.lastId = id;
    if (topic === ERASE_TOPIC) return this.purge(json);
    const own = this.own.size ? this.takeOwn(json) : undefined;
    if (topic !== undefined && !this.fanout.wants(topic as Topic, routes ? routes.split('\n') : undefined)) return;
    const event = own ? own.event(id) : this.decode(id, json);
    if (event) this.fanout.dispatch(event);
  }

  /** Own events still waiting for their message (see `own`). */
  get awaitingOwn(): number {
    return this.own.size;
  }

  /** The own event whose JSON this is, no longer waiting (see `own`). */
  private takeOwn(json: string) {
    const key = ownKey(json);
    const own = this.own.get(key);
    if (own?.json !== json) return undefined; // another replica's (or another own event with the same key)
    this.own.delete(key);
    return own;
  }

  /** Remembers an event this replica is publishing, when a local subscriber may want it (see `own`). */
  private expectOwn(json: string, event: (id: string) => BusEvent, topic: Topic, routes: readonly string[] | undefined): () => void {
    if (!this.fanout.wants(topic, routes)) return () => {};
    const now = Date.now();
    for (const [k, v] of this.own) {
      if (v.until > now && this.own.size < OWN_MAX) break;
      this.own.delete(k);
    }
    const key = ownKey(json);
    const entry = { json, event, until: now + OWN_WAIT_MS };
    this.own.set(key, entry); // one with the same key already waiting is then parsed when it comes
    return () => {
      if (this.own.get(key) === entry) this.own.delete(key);
    };
  }

  private handleEntry([id, fields]: Entry) {
    const current = fields.length >= 6 && fields[2] === 't' && fields[4] === 'r';
    this.handle(id, current ? fields[3] : undefined, current ? fields[5] : '', fields[1]);
  }

  /** A message on the channel: handled now when it follows the last entry, else after the gap is read. */
  private pushed(message: string) {
    const nl = message.indexOf('\n');
    let head: unknown;
    try {
      head = JSON.parse(message.slice(0, nl));
    } catch {
      return; // not ours: the stream check reads the entry
    }
    if (!Array.isArray(head) || head.length !== 4 || !head.every((x) => typeof x === 'string')) return;
    this.heard = true;
    const m: Pushed = { prev: head[0], id: head[1], topic: head[2], routes: head[3], event: message.slice(nl + 1) };
    if (!this.reading && this.queue.length === 0 && m.prev === this.lastId) return this.deliver(m.id, m.topic, m.routes, m.event);
    this.queue.push(m);
    this.catchUp();
  }

  /**
   * Runs `read` (stream reads) with messages queued meanwhile, then hands out the queued messages
   * in order, reading from the stream what comes before any of them and no message brought.
   */
  private catchUp(read?: () => Promise<void>): Promise<void> {
    if (this.reading) return this.reading;
    const run = async () => {
      if (read) await read();
      while (!this.closed && this.queue.length) {
        const next = this.queue[0];
        // entries between the last one handled and this message, which no message brought (a
        // reconnect, a replica of an older version); an erased one is simply not found
        if (next.prev !== this.lastId && compareCursors(next.id, this.lastId) > 0) await this.readStream(`(${next.id}`);
        this.queue.shift();
        this.handle(next.id, next.topic, next.routes, next.event);
      }
    };
    this.reading = run()
      .catch(() => {
        // Redis unreachable: the queued messages wait for the next message or check
      })
      .finally(() => {
        this.reading = null;
      });
    return this.reading;
  }

  /** Hands out the stream's entries after the last one handled, up to `to` ('+', or '(<id>'). */
  private async readStream(to: string) {
    for (;;) {
      const entries = (await this.redis.xrange(this.stream, `(${this.lastId}`, to, 'COUNT', 1000)) as Entry[];
      for (const entry of entries) this.handleEntry(entry);
      if (entries.length < 1000 || this.closed) return;
    }
  }

  /** Subscribes, then starts from the current end of the stream. */
  async start(): Promise<void> {
    let started!: () => void;
    // messages queue until the start point is known
    void this.catchUp(() => new Promise<void>((resolve) => (started = resolve)));
    try {
      if (this.reader.status === 'wait') await this.reader.connect(); // lazyConnect copied from the main client
      else if (this.reader.status !== 'ready') await once(this.reader, 'ready');
      await this.reader.subscribe(this.channel);
      const last = await this.redis.xrevrange(this.stream, '+', '-', 'COUNT', 1);
      this.lastId = last.length ? last[0][0] : '0-0';
    } finally {
      started();
    }
    // while no message comes, look for entries none brought (an older replica's, the last ones
    // before a reconnect)
    this.check = setInterval(() => {
      if (!this.heard && !this.reading) void this.catchUp(() => this.readStream('+'));
      this.heard = false;
    }, this.blockMs);
    this.check.unref();
  }

  /**
   * PUBLISH_ONCE's keys and arguments: appends `body` (trimming to the window), indexes it under
   * `indexes`, pushes it on the channel; `keyed`: only once for the marker `marker`.
   */
  private appendArgs(marker: string, indexes: string[], body: string, topic: string, routes: string, keyed: boolean, now = Date.now()): [string[], (string | number)[]] {
    return [
      [this.stream, marker, ...indexes],
      [this.minId(now), body, this.windowArg, topic, routes, keyed ? '1' : '0', this.channel],
    ];
  }

  private minIdMs = Number.NaN;
  private minIdArg = '';
  private readonly windowArg: string;

  /** The MINID that trims entries older than the window at `now` (one string per millisecond). */
  private minId(now: number): string {
    if (now !== this.minIdMs) {
      this.minIdArg = `${now - this.windowMs}-0`;
      this.minIdMs = now;
    }
    return this.minIdArg;
  }

  /** Runs PUBLISH_ONCE. Resolves [isNew, id]. */
  private append([keys, args]: [string[], (string | number)[]]): Promise<[number, string]> {
    return (this.redis as unknown as Scripts).kycPublishOnce(keys.length, ...keys, ...args);
  }

  /**
   * What `publish` sends, for a script that publishes the event only when its record is stored
   * (store/redis-journal.ts): the same event, key, routes and indexes. `embed`: a value of the
   * payload whose JSON the script has already (see PreparedPublish.after).
   */
  prepare<T>(topic: Topic, tenant: string, payload: T, options: PublishOptions = {}, embed?: Embedded): PreparedPublish<T> {
    const now = Date.now();
    const at = isoAt(now); // the record's change was stamped in this millisecond too: one string for both
    const routes = options.routes?.length ? options.routes : undefined;
    const envelope = { topic, at, tenant, payload, routes };
    const split = embed ? around(envelope, embed) : null;
    const body = split ? split[0] : JSON.stringify(envelope);
    const after = split ? split[1] : '';
    const keyName = options.key ? `${this.stream}:published:${options.key}` : this.stream;
    const indexes = replayIndexKeys(topic, tenant, routes).map((k) => this.indexKey(k));
    const [keys, args] = this.appendArgs(keyName, indexes, body, topic, routes?.join('\n') ?? '', !!options.key, now);
    const event = (id: string): BusEvent<T> => ({ topic, cursor: id, at, tenant, payload, ...(routes ? { routes } : {}) });
    const forget = this.expectOwn(split ? body + embed!.json + after : body, event, topic, routes);
    return { keys, args, after, event, forget };
  }

  /** The event a keyed publish found published before (its stream entry). */
  private async published<T>(id: string): Promise<BusEvent<T>> {
    const [entry] = (await this.redis.xrange(this.stream, id, id)) as Entry[];
    return (entry ? this.decode(entry[0], entry[1][1]) : null) as BusEvent<T>;
  }

  async publish<T>(topic: Topic, tenant: string, payload: T, options: PublishOptions = {}): Promise<BusEvent<T>> {
    const prepared = this.prepare(topic, tenant, payload, options);
    let isNew: number;
    let id: string;
    try {
      [isNew, id] = await this.append([prepared.keys, prepared.args]);
    } catch (err) {
      prepared.forget();
      throw err;
    }
    if (isNew) return prepared.event(id);
    prepared.forget();
    return this.published<T>(id);
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
          const e = this.decode(id, fields[1]) as BusEvent<T> | null;
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
    await this.append(this.appendArgs(this.stream, [], body, ERASE_TOPIC, '', false));
    this.fanout.purge(tenant, targets);
    return removed;
  }

  private purge(json: string) {
    try {
      const { tenant, targets } = JSON.parse(json) as { tenant: string; targets: EraseTarget[] };
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
    if (this.check) clearInterval(this.check);
    this.reader.disconnect();
    await Promise.race([this.reading, new Promise((r) => setTimeout(r, 1000).unref())]);
    this.fanout.endAll();
  }
}
