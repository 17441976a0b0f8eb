// Writes the audit trail from what the services publish: every creation and every stored change
// of a verification, check or ingestion is published exactly when it is stored, so an event bus
// that appends an audit entry per publish misses none. Entries carry ids only (no personal data).
// At least once: a change re-published after a crash (same event key) may be recorded twice.
import type { Logger } from 'pino';
import type { AuditLog, AuditRecord } from '../audit/contract.js';
import type { BusEvent, EventBus, PublishOptions, Topic } from '../events/contract.js';
import { currentActor } from '../observability/request-context.js';

interface Audited {
  id: string;
  subjectId: string | null;
  provider?: string;
}

const CREATED: Record<Topic, string> = { verification: 'START_VERIFICATION', check: 'CREATE_CHECK', ingestion: 'START_INGESTION' };

/** The record a bus payload is about (the services' payloads: `{verification}`, `{check}`, `{ingestion}`). */
function recordOf(topic: Topic, payload: unknown): Audited | null {
  const r = (payload as Record<string, unknown> | null)?.[topic] as Audited | undefined;
  return r && typeof r.id === 'string' ? r : null;
}

const actors = new Map<string, string>();
/** `provider:<key>`, one string per provider (every audit entry of a webhook keeps it). */
function providerActor(provider: string): string {
  let actor = actors.get(provider);
  if (actor === undefined) actors.set(provider, (actor = `provider:${provider.toLowerCase()}`));
  return actor;
}

/** The audit entry of one publish, or null when it is about no subject. */
export function auditRecordOf(topic: Topic, payload: unknown, key: string | undefined): { subjectId: string; entry: AuditRecord } | null {
  const record = recordOf(topic, payload);
  if (!record?.subjectId) return null;
  const created = key?.startsWith('created:') ?? false;
  // a creation is the caller's; a later change is what the provider reported (webhook, refresh)
  const provider = record.provider && topic !== 'check' ? providerActor(String(record.provider)) : undefined;
  const actor = created ? (currentActor() ?? 'unknown') : (provider ?? currentActor() ?? 'unknown');
  return { subjectId: record.subjectId, entry: { actor, action: created ? CREATED[topic] : 'STATUS_CHANGED', targetId: record.id } };
}

/**
 * `bus` with an audit entry appended after each publish (a failed append is logged, never fails
 * the publish). Everything else is the bus's own. A plain delegating object rather than a Proxy:
 * every event's publish goes through it, and a Proxy's trap (and a bound function per access)
 * sat on that path.
 */
export function auditedBus(bus: EventBus, audit: AuditLog, log: Logger): EventBus {
  return {
    async publish<T>(topic: Topic, tenant: string, payload: T, options?: PublishOptions): Promise<BusEvent<T>> {
      const audited = auditRecordOf(topic, payload, options?.key);
      if (!audited) return bus.publish(topic, tenant, payload, options);
      // sent together (one round trip, not two in a row): the change is stored before either
      // runs, and a publish that fails is retried with the change, so the entry is never about
      // a change that did not happen (at worst recorded twice, as above)
      const [event] = await Promise.all([
        bus.publish(topic, tenant, payload, options),
        audit.append(tenant, audited.subjectId, audited.entry).catch((err: unknown) => log.warn({ err, topic }, 'audit entry not recorded')),
      ]);
      return event;
    },
    subscribe: (topic, match, options) => bus.subscribe(topic, match, options),
    erase: (tenant, targets) => bus.erase(tenant, targets),
    validateCursor: (after) => bus.validateCursor(after),
    get subscriberCount() {
      return bus.subscriberCount;
    },
    ping: () => bus.ping(),
    close: () => bus.close(),
  };
}
