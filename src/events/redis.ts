// Redis event bus: every event is appended to one Redis Stream (XADD, trimmed by age to the
// replay window), and each replica reads the stream with a blocking XREAD on its own connection
// and hands events to its local subscribers. The stream id is the event's cursor, so order is
// the same on every replica, and a subscriber resumes with XRANGE from its cursor.
import { once } from 'node:events';
import type { Redis } from 'ioredis';
import {
  type BusEvent,
  CursorError,
  DEFAULT_REPLAY_WINDOW_MS,
  type EventBus,
  type PublishOptions,
  type SubscribeOptions,
  type Topic,
} from './contract.js';
import { Fanout, replayThenLive } from './fanout.js';

export interface RedisEventBusOptions {
  /** Stream key. Default `kyc:events`. */
  stream?: string;
  /** Events older than this are trimmed (XADD MINID ~) and cannot be resumed from. Default 24 h. */
  replayWindowMs?: number;
  /** How long one XREAD blocks before looping (ms). Default 2000. */
  blockMs?: number;
}

// Appends an event unless its idempotency key was already published; returns [isNew, id].
// Fields: e = the event (JSON), t = its topic, r = its routes joined by '\n' (so a reader can
// skip events no local subscriber wants without parsing them).
const PUBLISH_ONCE = `
if KEYS[2] ~= '' then
  local existing = redis.call('GET', KEYS[2])
  if existing then return {0, existing} end
end
local id = redis.call('XADD', KEYS[1], 'MINID', '~', ARGV[1], '*', 'e', ARGV[2], 't', ARGV[4], 'r', ARGV[5])
if KEYS[2] ~= '' then redis.call('SET', KEYS[2], id, 'PX', ARGV[3]) end
return {1, id}`;

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
type WithPublish = Redis & { kycPublishOnce(stream: string, key: string, ...args: (string | number)[]): Promise<[number, string]> };

export class RedisEventBus implements EventBus {
  readonly fanout = new Fanout();
  private readonly reader: Redis;
  private readonly stream: string;
  private readonly windowMs: number;
  private readonly blockMs: number;
  private closed = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly redis: Redis,
    options: RedisEventBusOptions = {},
  ) {
    // EVALSHA after the first call (ioredis loads the script on NOSCRIPT)
    if (!('kycPublishOnce' in redis)) redis.defineCommand('kycPublishOnce', { numberOfKeys: 2, lua: PUBLISH_ONCE });
    this.stream = options.stream ?? 'kyc:events';
    this.windowMs = options.replayWindowMs ?? DEFAULT_REPLAY_WINDOW_MS;
    this.blockMs = options.blockMs ?? 2000;
    this.reader = redis.duplicate();
    // reconnects by itself; ping() (and so /readyz) reports the outage
    this.reader.on('error', () => {});
  }

  private decode(id: string, fields: string[]): BusEvent | null {
    try {
      return { ...(JSON.parse(fields[1]) as Omit<BusEvent, 'cursor'>), cursor: id };
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
    const keyName = options.key ? `${this.stream}:published:${options.key}` : '';
    const [isNew, id] = await (this.redis as WithPublish).kycPublishOnce(
      this.stream, keyName, `${Date.now() - this.windowMs}-0`, body, this.windowMs, topic, routes?.join('\n') ?? '',
    );
    if (isNew) return { topic, cursor: id, at, tenant, payload, ...(routes ? { routes } : {}) };
    const [entry] = (await this.redis.xrange(this.stream, id, id)) as Entry[];
    return (entry ? this.decode(entry[0], entry[1]) : null) as BusEvent<T>;
  }

  subscribe<T>(topic: Topic, match: (e: BusEvent<T>) => boolean, options: SubscribeOptions = {}) {
    const live = this.fanout.subscribe(topic, match, options.route);
    if (!options.after) return live;
    const after = options.after;
    const history = async () => {
      const out: BusEvent<T>[] = [];
      let from = `(${after}`;
      for (;;) {
        const entries = (await this.redis.xrange(this.stream, from, '+', 'COUNT', 1000)) as Entry[];
        for (const [id, fields] of entries) {
          const e = this.decode(id, fields) as BusEvent<T> | null;
          if (e && e.topic === topic && match(e)) out.push(e);
        }
        if (entries.length < 1000) return out;
        from = `(${entries.at(-1)![0]}`;
      }
    };
    return replayThenLive(history, live, compareCursors, after);
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
