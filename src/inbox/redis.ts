// Redis inbox: a Redis Stream (XADD before the acknowledgement, XDEL once processed), so events
// survive a crash of the instance that received them; any instance's recovery loop finishes them.
import type { Redis } from 'ioredis';
import type { ProviderEvent } from '../providers/contract.js';
import type { Inbox, InboxEntry } from './contract.js';

export class RedisInbox implements Inbox {
  constructor(
    private readonly redis: Redis,
    private readonly stream = 'kyc:inbox',
  ) {}

  async append(provider: string, events: ProviderEvent[]): Promise<InboxEntry[]> {
    const tx = this.redis.multi();
    for (const event of events) tx.xadd(this.stream, '*', 'p', provider, 'e', JSON.stringify(event));
    const results = await tx.exec();
    if (!results || results.some(([err]) => err)) throw results?.find(([err]) => err)?.[0] ?? new Error('inbox append aborted');
    return results.map(([, id], i) => ({ id: id as string, provider, event: events[i], receivedAt: Number(String(id).split('-')[0]) }));
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
    await this.redis.xdel(this.stream, id);
  }
}
