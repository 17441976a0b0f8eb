// Use cases for user checks, the same for every check provider: list a user's checks (the
// provider is the source of truth), create one (idempotent), apply what a webhook reports, and
// subscribe to changes.
import { extend } from '../domain/objects.js';
import { routeKey, routesOf } from '../events/routes.js';
import type { Logger } from 'pino';
import { type AppliedCheck, applyCheck, type Check, type CheckChange, type CheckRecord, type CheckSource, newCheckRecord } from '../domain/check.js';
import type { Provider } from '../domain/verification.js';
import { badUserInput, providerUnavailable } from '../errors.js';
import { type BusEvent, CursorError, type EventBus, type Publication } from '../events/contract.js';
import type { ProviderAdapter } from '../providers/contract.js';
import type { Store } from '../store/contract.js';
import { type Journal, sequentialJournal } from '../store/journal.js';
import { runIdempotent } from './idempotency.js';
import { idempotencyKeyOf } from './verifications.js';
import { compareAndSet } from './records.js';
import { newestOnly } from '../events/monotonic.js';

export interface CreateCheckRequest {
  provider: Provider;
  /** Mutation name; scopes the idempotency key. */
  operation: string;
  tenant: string;
  idempotencyKey: string | null;
  /** The validated input without the idempotency key; a key reused with other input is refused. */
  input: unknown;
  create: () => Promise<Check>;
}


export class CheckService {
  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly adapters: ReadonlyMap<Provider, ProviderAdapter>,
    private readonly log: Logger,
    /** Where a change is stored with its event (default: `put`, then `publish`). */
    private readonly journal: Journal = sequentialJournal(store, bus),
    /** How long a second request waits for a first one with the same idempotency key. Default 30 s. */
    private readonly idempotencyWaitMs = 30_000,
  ) {}

  /** The adapter that records checks (one today). */
  private source(): CheckSource {
    for (const a of this.adapters.values()) if (a.checks) return a.checks;
    throw providerUnavailable('CHECKS', 'no check provider is configured');
  }

  /** Every check of a user, straight from the provider (one upstream call). */
  listForUser(userId: string): Promise<Check[]> {
    return this.source().listChecks(userId);
  }

  async create(req: CreateCheckRequest): Promise<CheckRecord> {
    return runIdempotent({
      store: this.store,
      key: req.idempotencyKey ? `${req.tenant}:${req.operation}:${req.idempotencyKey}` : null,
      input: req.input,
      provider: req.provider,
      waitMs: this.idempotencyWaitMs,
      load: async (id) => (await this.store.getMany<CheckRecord>('check', [id]))[0],
      call: req.create,
      record: (check) => this.record(req, check),
    });
  }

  /** Stores a created check once (a retry finds it stored) and publishes its `created` event once. */
  private async record(req: CreateCheckRequest, check: Check): Promise<CheckRecord> {
    const fresh: CheckRecord = extend(newCheckRecord(check, req.tenant, new Date()), idempotencyKeyOf(req));
    const record = (await this.store.put('check', fresh, 0)) ?? (await this.store.getMany<CheckRecord>('check', [fresh.id]))[0] ?? extend(fresh, { version: 1 });
    await this.publish(record, `created:${record.id}`);
    return record;
  }

  /**
   * Applies a reported check to the record we hold, compare-and-set; publishes only a stored
   * change. Null when it was not created through this API. `read`: the record read ahead with a
   * webhook's inbox append (records.ts `readAhead`).
   */
  async applyProviderCheck(check: Check, eventKey?: string, read?: Promise<CheckRecord | null>, adopt = true): Promise<CheckRecord | null> {
    const out = await compareAndSet<CheckRecord, AppliedCheck>(this.store, 'check', check.id, (current) => {
      const applied: AppliedCheck & { write?: boolean } = applyCheck(current, check, new Date());
      applied.write = applied.changed;
      if (applied.changed) applied.record = extend(applied.record, { lastEvent: eventKey ? { key: eventKey, previousStatus: current.status } : null });
      return applied;
    }, read, (applied, expected) => this.journal.commit('check', applied.record, expected, (stored) => this.event(stored, eventKey)));
    if (!out) return adopt && check.type === 'COMPLIANCE' ? this.adoptProviderCheck(check, eventKey) : null;
    // stored with its event; the same event again (a re-run after a crash between the two steps): published again, once by its key
    if (!out.changed && eventKey && out.record.lastEvent?.key === eventKey) await this.publish(out.record, eventKey);
    else if (!out.changed) this.log.debug({ checkId: check.id }, 'check update carried nothing new');
    return out.record;
  }

  /**
   * A check the provider created itself (COMPLIANCE, added when a KYC check passes) was never created
   * through this API, so no record names its tenant. It belongs to the tenant of the user's checks
   * that were: the user's checks are listed at the provider (one call, only for such a check) and
   * the first one we hold gives the tenant. Recorded then like a created check, and published.
   * Null when we hold no check of that user (or they were erased), or they name several tenants.
   */
  private async adoptProviderCheck(check: Check, eventKey?: string): Promise<CheckRecord | null> {
    const ids = (await this.source().listChecks(check.userId)).map((c) => c.id).filter((id) => id !== check.id);
    const held = ids.length ? (await this.store.getMany<CheckRecord>('check', ids)).filter((r): r is CheckRecord => r !== null) : [];
    const tenants = new Set(held.map((r) => r.tenant));
    if (tenants.size !== 1) {
      this.log.debug({ checkId: check.id, tenants: tenants.size }, 'provider-created check: no single tenant holds a check of its user; dropped');
      return null;
    }
    const [tenant] = tenants;
    const fresh: CheckRecord = extend(newCheckRecord(check, tenant, new Date()), { lastEvent: eventKey ? { key: eventKey, previousStatus: null } : null });
    // a concurrent delivery recorded it first: apply this one to that record instead (an erased
    // one stays erased: its tombstone refuses the put and is read as absent)
    const stored = await this.store.put('check', fresh, 0);
    if (!stored) return this.applyProviderCheck(check, eventKey, undefined, false);
    await this.publish(stored, eventKey);
    return stored;
  }

  /** The event of a stored change (or creation) of `record`. */
  private event(record: CheckRecord, key?: string): Publication<CheckChange> {
    return { topic: 'check', tenant: record.tenant, payload: { check: record }, options: { key, routes: routesOf(routeKey(record.tenant, 'user', record.userId), routeKey(record.tenant, 'id', record.id)) } };
  }

  private publish(record: CheckRecord, key?: string) {
    return this.journal.publish(this.event(record, key));
  }

  async subscribe(tenant: string, filter: { userId?: string | null }, after?: string | null) {
    if (after) {
      try {
        await this.bus.validateCursor(after);
      } catch (err) {
        if (err instanceof CursorError) throw badUserInput('after', err.message);
        throw err;
      }
    }
    const events = this.bus.subscribe<CheckChange>(
      'check',
      (e: BusEvent<CheckChange>) => e.tenant === tenant && (filter.userId == null || e.payload.check.userId === filter.userId),
      { after, tenant, route: routeKey(tenant, 'user', filter.userId) },
    );
    return newestOnly(events, (e) => ({ id: e.payload.check.id, version: e.payload.check.version }));
  }
}
