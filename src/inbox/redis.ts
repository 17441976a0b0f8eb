// Redis inbox: a Redis Stream read through a consumer group. Appending adds the events and reads
// them into this replica's pending list in one Lua call (so they are claimed before the webhook
// is acknowledged, and no other replica reads them); processing acknowledges and deletes them.
// Recovery claims entries idle in any replica's pending list (XPENDING IDLE + XCLAIM), with the
// delivery count Redis keeps; entries past the bound, and unreadable ones, move to a dead-letter
// stream. Processed event ids are marks beside the stream (`<stream>:hook:<provider>:<eventId>`):
// the append checks them in its Lua call, and completing an entry sets its mark, acknowledges and
// deletes it (plain commands, one write). Keys share one hash tag, so every call stays in one
// slot on a Redis Cluster.
import { randomUUID } from 'node:crypto';
import type { ProviderEvent } from '../domain/provider-event.js';
import { defineScripts, type RedisClient } from '../redis/client.js';
import { DEDUP_TTL_MS, type DeadLetter, deadLetterOf, type Inbox, type InboxEntry, MAX_DEAD_LETTERS } from './contract.js';

// KEYS[1] stream, KEYS[2..] the events' processed marks; ARGV[1] group, ARGV[2] consumer,
// ARGV[3] provider, ARGV[4..] events (JSON). Returns {the new entries as XREADGROUP does, 1 or 0
// per event: processed before}. Every undelivered entry is one of ours, since every append reads
// its own in the same call.
const APPEND = `
redis.pcall('XGROUP', 'CREATE', KEYS[1], ARGV[1], '$', 'MKSTREAM')
local done = {}
for i = 4, #ARGV do
  redis.call('XADD', KEYS[1], '*', 'p', ARGV[3], 'e', ARGV[i])
  done[#done + 1] = redis.call('EXISTS', KEYS[i - 2])
end
local read = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', #ARGV - 3, 'STREAMS', KEYS[1], '>')
return {read[1][2], done}`;

// KEYS[1] stream; ARGV[1] group, ARGV[2] consumer, ARGV[3] min idle ms, ARGV[4] count.
// Returns {id, fields, deliveries} for each entry claimed.
const CLAIM = `
local pending = redis.pcall('XPENDING', KEYS[1], ARGV[1], 'IDLE', ARGV[3], '-', '+', ARGV[4])
if pending.err then return {} end
local out = {}
for _, p in ipairs(pending) do
  local claimed = redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], p[1])
  local e = claimed[1]
  if e and e[2] then
    out[#out + 1] = {e[1], e[2], p[4] + 1}
  elseif e == nil or e == false or not e[2] then
    redis.call('XACK', KEYS[1], ARGV[1], p[1])
  end
end
return out`;

// KEYS[1] stream; ARGV[1] group, ARGV[2] id, ARGV[3] dead letter (JSON), ARGV[4] max dead letters.
const DEAD = `
redis.call('XADD', KEYS[1] .. ':dead', 'MAXLEN', '~', ARGV[4], '*', 'd', ARGV[3])
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
return redis.call('XDEL', KEYS[1], ARGV[2])`;

type Raw = [id: string, fields: string[]];

interface Scripts {
  kycInboxAppend(numKeys: number, ...keysThenArgs: (string | number)[]): Promise<[Raw[], number[]]>;
  kycInboxClaim(stream: string, group: string, consumer: string, idleMs: number, count: number): Promise<[string, string[], number][]>;
  kycInboxDead(stream: string, group: string, id: string, letter: string, max: number): Promise<number>;
}

export interface RedisInboxOptions {
  /** Stream key; the dead letters are `<stream>:dead`. Default `kyc:{inbox}`. */
  stream?: string;
  /** Consumer group. Default `kyc`. */
  group?: string;
  /** This replica's consumer name. Default a random UUID per instance. */
  consumer?: string;
  /** How long a processed event id is remembered. Default DEDUP_TTL_MS (72 h). */
  dedupTtlMs?: number;
}

export class RedisInbox implements Inbox {
  private readonly redis: RedisClient & Scripts;
  private readonly stream: string;
  private readonly group: string;
  readonly consumer: string;
  private readonly dedupTtlMs: number;

  constructor(redis: RedisClient, options: RedisInboxOptions = {}) {
    this.redis = defineScripts<Scripts>(redis, {
      kycInboxAppend: { lua: APPEND, keys: 'first argument' },
      kycInboxClaim: CLAIM,
      kycInboxDead: DEAD,
    });
    this.stream = options.stream ?? 'kyc:{inbox}';
    this.group = options.group ?? 'kyc';
    this.consumer = options.consumer ?? randomUUID();
    this.dedupTtlMs = options.dedupTtlMs ?? DEDUP_TTL_MS;
  }

  private mark(provider: string, eventId: string) {
    return `${this.stream}:hook:${provider}:${eventId}`;
  }

  async append(provider: string, events: ProviderEvent[]): Promise<InboxEntry[]> {
    if (events.length === 0) return [];
    const marks = events.map((e) => this.mark(provider, e.eventId));
    const [raws, done] = await this.redis.kycInboxAppend(
      1 + marks.length, this.stream, ...marks,
      this.group, this.consumer, provider, ...events.map((e) => JSON.stringify(e)),
    );
    return raws.map(([id], i) => ({ id, provider, event: events[i], receivedAt: Number(id.split('-')[0]), deliveries: 1, processed: done[i] === 1 }));
  }

  async processed(provider: string, eventId: string): Promise<boolean> {
    return (await this.redis.exists(this.mark(provider, eventId))) === 1;
  }

  async complete(entry: InboxEntry): Promise<void> {
    // plain commands sent in one tick (one write; Redis runs them in this order): the mark first,
    // so a crash in between leaves an entry that recovery finds processed and acknowledges
    await Promise.all([
      this.redis.set(this.mark(entry.provider, entry.event.eventId), '1', 'PX', this.dedupTtlMs),
      this.redis.xack(this.stream, this.group, entry.id),
      this.redis.xdel(this.stream, entry.id),
    ]);
  }

  async claimStale(idleMs: number, limit: number): Promise<InboxEntry[]> {
    const claimed = await this.redis.kycInboxClaim(this.stream, this.group, this.consumer, idleMs, limit);
    const out: InboxEntry[] = [];
    for (const [id, fields, deliveries] of claimed) {
      const provider = fieldOf(fields, 'p') ?? 'unknown';
      let event: ProviderEvent;
      try {
        event = JSON.parse(fieldOf(fields, 'e') ?? '') as ProviderEvent;
      } catch {
        await this.deadLetter({ id, provider, event: null as unknown as ProviderEvent, receivedAt: 0, deliveries }, 'unreadable entry');
        continue;
      }
      out.push({ id, provider, event, receivedAt: Number(id.split('-')[0]), deliveries });
    }
    return out;
  }

  async remove(id: string): Promise<void> {
    await Promise.all([this.redis.xack(this.stream, this.group, id), this.redis.xdel(this.stream, id)]);
  }

  async deadLetter(entry: InboxEntry, reason: string): Promise<void> {
    await this.redis.kycInboxDead(this.stream, this.group, entry.id, JSON.stringify(deadLetterOf(entry, reason)), MAX_DEAD_LETTERS);
  }

  async deadLetters(limit: number): Promise<DeadLetter[]> {
    const entries = (await this.redis.xrevrange(`${this.stream}:dead`, '+', '-', 'COUNT', limit)) as Raw[];
    return entries.map(([, fields]) => JSON.parse(fieldOf(fields, 'd') ?? '{}') as DeadLetter);
  }

  async size(): Promise<number> {
    return this.redis.xlen(this.stream);
  }
}

function fieldOf(fields: string[], name: string): string | undefined {
  for (let i = 0; i < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
