// Redis audit trail: one stream per tenant and subject, `kyc:{t:<tenant>}:audit:<subject>` (the
// tenant's hash tag), XADD to append, XRANGE to page oldest first. Never trimmed: how long the
// trail is kept is the operator's decision (see README "Erasure, retention, audit").
import { isoNow } from '../domain/iso-time.js';
import type { RedisClient } from '../redis/client.js';
import type { AuditEntry, AuditLog, AuditPage, AuditRecord } from './contract.js';

export class RedisAuditLog implements AuditLog {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix = 'kyc:',
  ) {}

  private key(tenant: string, subjectId: string) {
    return `${this.prefix}{t:${tenant}}:audit:${subjectId}`;
  }

  /** The stream and fields `append` writes (XADD <stream> * ...fields): a script can append it too (store/redis-journal.ts). */
  appendArgs(tenant: string, subjectId: string, entry: AuditRecord): [stream: string, fields: string[]] {
    return [this.key(tenant, subjectId), ['at', isoNow(), 'actor', entry.actor, 'action', entry.action, 'target', entry.targetId ?? '']];
  }

  async append(tenant: string, subjectId: string, entry: AuditRecord): Promise<void> {
    const [stream, fields] = this.appendArgs(tenant, subjectId, entry);
    await this.redis.xadd(stream, '*', ...fields);
  }

  async list(tenant: string, subjectId: string, first: number, afterId?: string | null): Promise<AuditPage> {
    const rows = (await this.redis.xrange(this.key(tenant, subjectId), afterId ? `(${afterId}` : '-', '+', 'COUNT', first + 1)) as [string, string[]][];
    const items = rows.slice(0, first).map(([id, fields]): AuditEntry => {
      const f = new Map<string, string>();
      for (let i = 0; i + 1 < fields.length; i += 2) f.set(fields[i], fields[i + 1]);
      return { id, at: f.get('at') ?? '', actor: f.get('actor') ?? '', action: f.get('action') ?? '', targetId: f.get('target') || null };
    });
    return { items, hasNextPage: rows.length > first };
  }

  async count(tenant: string, subjectId: string): Promise<number> {
    return this.redis.xlen(this.key(tenant, subjectId));
  }
}
