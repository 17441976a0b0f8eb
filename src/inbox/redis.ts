// Redis inbox: a Redis Stream read through a consumer group. Appending adds the events and reads
// them into this replica's pending list in one Lua call (so they are claimed before the webhook
// is acknowledged, and no other replica reads them); processing acknowledges and deletes them.
// Recovery claims entries idle in any replica's pending list (XPENDING IDLE + XCLAIM), with the
// delivery count Redis keeps; entries past the bound, and unreadable ones, move to a dead-letter
// stream. Processed event ids are marks beside the stream (`<stream>:hook:<provider>:<eventId>`):
// the append checks them in its Lua call. Completing an entry (its mark set, then acknowledged and
// deleted) is written with this replica's next append, in the same Lua call, or alone after
// COMPLETION_DELAY_MS when no append comes: no round trip of its own under load. Keys share one
// hash tag, so every call stays in one slot on a Redis Cluster.
import { randomUUID } from 'node:crypto';
import type { ProviderEvent } from '../domain/provider-event.js';
import { defineScripts, type RedisClient } from '../redis/client.js';
import { DEDUP_TTL_MS, type DeadLetter, deadLetterOf, type Inbox, type InboxEntry, MAX_DEAD_LETTERS } from './contract.js';

// Finishes entries processed (or dropped) since the last call: KEYS[2..1+m] the marks of the m
// completed ones, set first (a failure in between leaves them marked and unacknowledged: recovery
// finds them processed); ARGV[1] group, ARGV[2] mark TTL ms, ARGV[3] m, ARGV[4] r, then the ids
// of the m completed and the r dropped entries, acknowledged and deleted. Returns the argument
// index after them.
const FINISH = `
local function finish()
  local m, r = tonumber(ARGV[3]), tonumber(ARGV[4])
  for i = 1, m do redis.call('SET', KEYS[1 + i], '1', 'PX', ARGV[2]) end
  if m + r > 0 then
    local ids = {}
    for i = 5, 4 + m + r do ids[#ids + 1] = ARGV[i] end
    redis.call('XACK', KEYS[1], ARGV[1], unpack(ids))
    redis.call('XDEL', KEYS[1], unpack(ids))
  end
  return 5 + m + r
end`;

// KEYS[1] stream, KEYS[2..] the finished entries' marks (see FINISH), then the new events' marks;
// ARGV as FINISH, then the consumer, the provider and the events (JSON). Returns {the new entries
// as XREADGROUP does, 1 or 0 per event: processed before}. Every undelivered entry is one of
// ours, since every append reads its own in the same call.
const APPEND = `${FINISH}
local first = finish()
local marks = 1 + tonumber(ARGV[3])
redis.pcall('XGROUP', 'CREATE', KEYS[1], ARGV[1], '$', 'MKSTREAM')
local done = {}
for i = first + 2, #ARGV do
  redis.call('XADD', KEYS[1], '*', 'p', ARGV[first + 1], 'e', ARGV[i])
  done[#done + 1] = redis.call('EXISTS', KEYS[marks + i - first - 1])
end
local read = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[first], 'COUNT', #ARGV - first - 1, 'STREAMS', KEYS[1], '>')
return {read[1][2], done}`;

// KEYS and ARGV as FINISH: the finished entries alone (no append came to carry them).
const COMPLETE = `${FINISH}
finish()
return 1`;

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

/**
 * How long a finished entry (completed or removed) waits for this replica's next append to carry
 * its acknowledgement before it is written alone (ms). Until then `processed()` on this inbox
 * answers from memory; another replica may process a duplicate delivery again, which changes
 * nothing (the change is stored and its publish keyed), as when recovery re-runs an entry.
 */
export const COMPLETION_DELAY_MS = 20;

/** Finished entries written in one call at most. */
const FINISH_BATCH = 500;

/** An entry processed (mark: its processed mark) or dropped (mark: null), not yet acknowledged. */
interface Finished {
  id: string;
  mark: string | null;
}

interface Scripts {
  kycInboxAppend(numKeys: number, ...keysThenArgs: (string | number)[]): Promise<[Raw[], number[]]>;
  kycInboxComplete(numKeys: number, ...keysThenArgs: (string | number)[]): Promise<number>;
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
  /** Finished entries not written yet, oldest first. */
  private finished: Finished[] = [];
  /** Their marks, so `processed()` answers for them before they are written. */
  private readonly finishedMarks = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  /** Writes of finished entries under way (`flush` waits for them). */
  private readonly writing = new Set<Promise<void>>();

  constructor(redis: RedisClient, options: RedisInboxOptions = {}) {
    this.redis = defineScripts<Scripts>(redis, {
      kycInboxAppend: { lua: APPEND, keys: 'first argument' },
      kycInboxComplete: { lua: COMPLETE, keys: 'first argument' },
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

  /** KEYS and ARGV of FINISH for `batch`: [keys, args]. */
  private finishArgs(batch: Finished[]): [string[], (string | number)[]] {
    const done = batch.filter((f) => f.mark !== null);
    const dropped = batch.filter((f) => f.mark === null);
    return [
      [this.stream, ...done.map((f) => f.mark!)],
      [this.group, this.dedupTtlMs, done.length, dropped.length, ...done.map((f) => f.id), ...dropped.map((f) => f.id)],
    ];
  }

  /** Takes up to FINISH_BATCH finished entries to write. */
  private take(): Finished[] {
    if (this.timer && this.finished.length <= FINISH_BATCH) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    return this.finished.splice(0, FINISH_BATCH);
  }

  /** `batch` is written (or given up on: its entries stay unacknowledged for recovery). */
  private written(batch: Finished[]) {
    for (const f of batch) if (f.mark) this.finishedMarks.delete(f.mark);
  }

  async append(provider: string, events: ProviderEvent[]): Promise<InboxEntry[]> {
    if (events.length === 0) return [];
    const batch = this.take();
    const [keys, args] = this.finishArgs(batch);
    const marks = events.map((e) => this.mark(provider, e.eventId));
    let raws: Raw[];
    let done: number[];
    try {
      [raws, done] = await this.redis.kycInboxAppend(
        keys.length + marks.length, ...keys, ...marks,
        ...args, this.consumer, provider, ...events.map((e) => JSON.stringify(e)),
      );
    } catch (err) {
      // the finished entries go again with the next write (a mark set twice, an entry acknowledged
      // or deleted twice: nothing changes)
      this.finish(...batch);
      throw err;
    }
    this.written(batch);
    return raws.map(([id], i) => ({ id, provider, event: events[i], receivedAt: Number(id.split('-')[0]), deliveries: 1, processed: done[i] === 1 }));
  }

  async processed(provider: string, eventId: string): Promise<boolean> {
    const mark = this.mark(provider, eventId);
    return this.finishedMarks.has(mark) || (await this.redis.exists(mark)) === 1;
  }

  /**
   * An event id's processed mark, for a write that sets it itself (store/redis-journal.ts): its key,
   * its TTL, and whether this replica knows it processed already (a completion not written yet).
   */
  markArgs(provider: string, eventId: string): { key: string; ttlMs: number; processed: boolean } {
    const key = this.mark(provider, eventId);
    return { key, ttlMs: this.dedupTtlMs, processed: this.finishedMarks.has(key) };
  }

  /**
   * Resolves at once: the mark and the acknowledgement are written with this replica's next
   * append (one Lua call: the mark first), or alone after COMPLETION_DELAY_MS.
   */
  async complete(entry: InboxEntry): Promise<void> {
    const mark = this.mark(entry.provider, entry.event.eventId);
    this.finishedMarks.add(mark);
    this.finish({ id: entry.id, mark });
  }

  /** Queues finished entries; the timer writes them if no append takes them first. */
  private finish(...batch: Finished[]) {
    this.finished.push(...batch);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, COMPLETION_DELAY_MS).unref();
  }

  /** Writes every finished entry not written yet, and waits for the writes under way. */
  async flush(): Promise<void> {
    while (this.finished.length) {
      const batch = this.take();
      const [keys, args] = this.finishArgs(batch);
      const write = this.redis
        .kycInboxComplete(keys.length, ...keys, ...args)
        .then(
          () => {},
          () => {}, // left unacknowledged: recovery runs them again, which changes nothing
        )
        .finally(() => {
          this.written(batch);
          this.writing.delete(write);
        });
      this.writing.add(write);
    }
    await Promise.all(this.writing);
  }

  async claimStale(idleMs: number, limit: number): Promise<InboxEntry[]> {
    await this.flush(); // entries finished here are not stale
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

  /** Like `complete` (written later), without the mark. */
  async remove(id: string): Promise<void> {
    this.finish({ id, mark: null });
  }

  async deadLetter(entry: InboxEntry, reason: string): Promise<void> {
    await this.redis.kycInboxDead(this.stream, this.group, entry.id, JSON.stringify(deadLetterOf(entry, reason)), MAX_DEAD_LETTERS);
  }

  async deadLetters(limit: number): Promise<DeadLetter[]> {
    const entries = (await this.redis.xrevrange(`${this.stream}:dead`, '+', '-', 'COUNT', limit)) as Raw[];
    return entries.map(([, fields]) => JSON.parse(fieldOf(fields, 'd') ?? '{}') as DeadLetter);
  }

  async size(): Promise<number> {
    await this.flush();
    return this.redis.xlen(this.stream);
  }
}

function fieldOf(fields: string[], name: string): string | undefined {
  for (let i = 0; i < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
