// In-memory audit trail (one process; lost on restart, like the rest of memory mode).
import { isoNow } from '../domain/iso-time.js';
import type { AuditEntry, AuditLog, AuditPage, AuditRecord } from './contract.js';

const order = (id: string) => id.split('-').map(Number) as [number, number];
const after = (a: string, b: string) => {
  const [am, as] = order(a);
  const [bm, bs] = order(b);
  return am > bm || (am === bm && as > bs);
};

export class MemoryAuditLog implements AuditLog {
  private readonly trails = new Map<string, AuditEntry[]>();
  private lastMs = 0;
  private seq = 0;

  private nextId() {
    const now = Date.now();
    if (now > this.lastMs) {
      this.lastMs = now;
      this.seq = 0;
    } else this.seq++;
    return `${this.lastMs}-${this.seq}`;
  }

  async append(tenant: string, subjectId: string, entry: AuditRecord): Promise<void> {
    this.appendNow(tenant, subjectId, entry);
  }

  /** `append` in this tick (store/memory-journal.ts). */
  appendNow(tenant: string, subjectId: string, entry: AuditRecord): void {
    const key = `${tenant}\n${subjectId}`;
    const list = this.trails.get(key) ?? [];
    list.push(Object.freeze({ id: this.nextId(), at: isoNow(), actor: entry.actor, action: entry.action, targetId: entry.targetId }));
    this.trails.set(key, list);
  }

  async list(tenant: string, subjectId: string, first: number, afterId?: string | null): Promise<AuditPage> {
    const list = this.trails.get(`${tenant}\n${subjectId}`) ?? [];
    const from = afterId ? list.findIndex((e) => after(e.id, afterId)) : 0;
    if (from < 0) return { items: [], hasNextPage: false };
    return { items: list.slice(from, from + first), hasNextPage: list.length > from + first };
  }

  async count(tenant: string, subjectId: string): Promise<number> {
    return this.trails.get(`${tenant}\n${subjectId}`)?.length ?? 0;
  }
}
