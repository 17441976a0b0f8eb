// The audit trail: who did what to a subject's data, append-only, oldest first. Entries hold no
// personal data (ids, an actor id, an action, a time) and outlive erasure. In memory by default,
// a Redis Stream per tenant and subject when REDIS_URL is set.

export interface AuditEntry {
  /** Position in the subject's trail (`<ms>-<seq>`, the Redis Stream id); opaque to clients. */
  id: string;
  /** When it happened (ISO 8601). */
  at: string;
  /** `<tenant>:<first 8 hex of the key's sha256>`, `sandbox`, `provider:<name>` or `system:retention`. */
  actor: string;
  /** e.g. START_VERIFICATION, STATUS_CHANGED, ERASE_SUBJECT. */
  action: string;
  /** The record (or subject) acted on. */
  targetId: string | null;
}

export type AuditRecord = Pick<AuditEntry, 'actor' | 'action' | 'targetId'>;

export interface AuditPage {
  items: AuditEntry[];
  hasNextPage: boolean;
}

export interface AuditLog {
  append(tenant: string, subjectId: string, entry: AuditRecord): Promise<void>;
  /** Up to `first` entries after the entry `afterId` (from the start without it), oldest first. */
  list(tenant: string, subjectId: string, first: number, afterId?: string | null): Promise<AuditPage>;
  count(tenant: string, subjectId: string): Promise<number>;
}

/** An entry id as both logs write it. */
export const AUDIT_ID = /^\d{1,15}-\d{1,15}$/;
