// Redis inbox: a Redis Stream (XADD before the acknowledgement, XDEL once processed), so events
// survive a crash of the instance that received them; any instance's recovery loop finishes them.
import type { Redis } from 'ioredis';
import type { ProviderEvent } from '../domain/provider-event.js';
import type { Inbox, InboxEntry } from './contract.js';

// Appends the events (ARGV[3..]) of provider ARGV[2] and, when ARGV[1] > 0, locks each new entry
// for ARGV[1] ms, atomically (one round trip); returns the entry ids.
const APPEND = `
local ids = {}
for i = 3, #ARGV do
  local id = redis.call('XADD', KEYS[1], '*', 'p', ARGV[2], 'e', ARGV[i])
  if tonumber(ARGV[1]) > 0 then redis.call('SET', KEYS[1] .. ':lock:' .. id, '1', 'PX', ARGV[1]) end
  ids[#ids + 1] = id
end
return ids`;

type WithAppend = Redis & { kycInboxAppend(stream: string, ...args: (string | number)[]): Promise<string[]> };

export class RedisInbox implements Inbox {
  private readonly redis: WithAppend;

  constructor(
    redis: Redis,
    private readonly stream = 'kyc:inbox',
  ) {
    // EVALSHA after the first call (ioredis loads the script on NOSCRIPT)
    if (!('kycInboxAppend' in redis)) redis.defineCommand('kycInboxAppend', { numberOfKeys: 1, lua: APPEND });
    this.redis = redis as WithAppend;
  }

  async append(provider: string, events: ProviderEvent[], lockMs = 0): Promise<InboxEntry[]> {
    if (events.length === 0) return [];
    const ids = await this.redis.kycInboxAppend(this.stream, lockMs, provider, ...events.map((e) => JSON.stringify(e)));
    return ids.map((id, i) => ({ id, provider, event: events[i], receivedAt: Number(id.split('-')[0]) }));
  }

  async stale(olderThanMs: number, limit: number): Promise<InboxEntry[]> {
    const entries = (await this.redis.xrange(this.stream, '-', `${Date.now() - olderThanMs}`, 'COUNT', limit)) as [string, string[]][];
    return entries.flatMap(([id, f]) => {
      try {
        return [{ id, provider: f[1], event: JSON.parse(f[3]) as ProviderEvent, receivedAt: Number(id.split('-')[0]) }];
      } catch {
        return [];
      }
    });
  }

  async lock(id: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(`${this.stream}:lock:${id}`, '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  async unlock(id: string): Promise<void> {
    await this.redis.del(`${this.stream}:lock:${id}`);
  }

  async remove(id: string): Promise<void> {
    const results = await this.redis.multi().xdel(this.stream, id).del(`${this.stream}:lock:${id}`).exec();
    const failed = results?.find(([err]) => err);
    if (!results || failed) throw failed?.[0] ?? new Error('inbox remove aborted');
  }
}
