// Redis event bus: every event is appended to one Redis Stream (XADD), and each replica reads
// the stream with a blocking XREAD on its own connection and hands events to its local
// subscribers. The stream id is the event's cursor, so order is the same on every replica.
import { once } from 'node:events';
import type { Redis } from 'ioredis';
import type { BusEvent, EventBus, Topic } from './contract.js';
import { Fanout } from './fanout.js';

export interface RedisEventBusOptions {
  /** Stream key. Default `kyc:events`. */
  stream?: string;
  /** Approximate cap on stream length (XADD MAXLEN ~). Default 1,000,000. */
  maxLength?: number;
  /** How long one XREAD blocks before looping (ms). Default 2000. */
  blockMs?: number;
}

export class RedisEventBus implements EventBus {
  readonly fanout = new Fanout();
  private readonly reader: Redis;
  private readonly stream: string;
  private readonly maxLength: number;
  private readonly blockMs: number;
  private closed = false;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly redis: Redis,
    options: RedisEventBusOptions = {},
  ) {
    this.stream = options.stream ?? 'kyc:events';
    this.maxLength = options.maxLength ?? 1_000_000;
    this.blockMs = options.blockMs ?? 2000;
    this.reader = redis.duplicate();
    // reconnects by itself; ping() (and so /readyz) reports the outage
    this.reader.on('error', () => {});
  }

  /** Starts reading from the current end of the stream. */
  async start(): Promise<void> {
    if (this.reader.status === 'wait') await this.reader.connect(); // lazyConnect copied from the main client
    else if (this.reader.status !== 'ready') await once(this.reader, 'ready');
    const last = await this.redis.xrevrange(this.stream, '+', '-', 'COUNT', 1);
    let lastId = last.length ? last[0][0] : '0-0';
    this.loop = (async () => {
      while (!this.closed) {
        let res: [string, [string, string[]][]][] | null;
        try {
          res = (await this.reader.xread('COUNT', 1000, 'BLOCK', this.blockMs, 'STREAMS', this.stream, lastId)) as
            | [string, [string, string[]][]][]
            | null;
        } catch (err) {
          if (this.closed) return;
          await new Promise((r) => setTimeout(r, 200));
          continue;
        }
        if (!res) continue;
        for (const [, entries] of res) {
          for (const [id, fields] of entries) {
            lastId = id;
            const body = fields[1];
            try {
              const parsed = JSON.parse(body) as Omit<BusEvent, 'cursor'>;
              this.fanout.dispatch({ ...parsed, cursor: id });
            } catch {
              // a malformed entry cannot be delivered; skip it rather than stall every subscriber
            }
          }
        }
      }
    })();
  }

  async publish<T>(topic: Topic, tenant: string, payload: T): Promise<BusEvent<T>> {
    const at = new Date().toISOString();
    const body = JSON.stringify({ topic, at, tenant, payload });
    const id = await this.redis.xadd(this.stream, 'MAXLEN', '~', this.maxLength, '*', 'e', body);
    return { topic, cursor: id as string, at, tenant, payload };
  }

  subscribe<T>(topic: Topic, match: (e: BusEvent<T>) => boolean) {
    return this.fanout.subscribe(topic, match);
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
