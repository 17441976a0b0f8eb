// Use cases for user checks, the same for every check provider: list a user's checks (the
// provider is the source of truth), create one (idempotent), apply what a webhook reports, and
// subscribe to changes.
import { routeKey, routesOf } from '../events/routes.js';
import type { Logger } from 'pino';
import { applyCheck, type Check, type CheckChange, type CheckRecord, type CheckSource, newCheckRecord } from '../domain/check.js';
import type { Provider } from '../domain/verification.js';
import { badUserInput, providerUnavailable } from '../errors.js';
import { type BusEvent, CursorError, type EventBus } from '../events/contract.js';
import type { ProviderAdapter } from '../providers/contract.js';
import type { Store } from '../store/contract.js';
import { runIdempotent } from './idempotency.js';

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
    if (!req.idempotencyKey) return this.createAndRecord(req);
    return runIdempotent({
      store: this.store,
      key: `${req.tenant}:${req.operation}:${req.idempotencyKey}`,
      input: req.input,
      provider: req.provider,
      waitMs: this.idempotencyWaitMs,
      load: async (id) => (await this.store.getMany<CheckRecord>('check', [id]))[0],
      run: () => this.createAndRecord(req),
    });
  }

  private async createAndRecord(req: CreateCheckRequest): Promise<CheckRecord> {
    const check = await req.create();
    const record = newCheckRecord(check, req.tenant, new Date());
    await this.store.put('check', record);
    await this.publish(record, `created:${record.id}`);
    return record;
  }

  /** Applies a reported check to the record we hold; null when it was not created through this API. */
  async applyProviderCheck(check: Check, eventKey?: string): Promise<CheckRecord | null> {
    const [current] = await this.store.getMany<CheckRecord>('check', [check.id]);
    if (!current) return null;
    const { record, changed } = applyCheck(current, check, new Date());
    if (changed) {
      // publish first, keyed: a re-run after a crash publishes nothing twice (see VerificationService)
      await this.publish(record, eventKey);
      await this.store.put('check', record);
    } else {
      this.log.debug({ checkId: check.id }, 'check update carried nothing new');
    }
    return record;
  }

  private async publish(record: CheckRecord, key?: string) {
    await this.bus.publish<CheckChange>('check', record.tenant, { check: record }, { key, routes: routesOf(routeKey(record.tenant, 'user', record.userId)) });
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
    return this.bus.subscribe<CheckChange>(
      'check',
      (e: BusEvent<CheckChange>) => e.tenant === tenant && (filter.userId == null || e.payload.check.userId === filter.userId),
      { after, route: routeKey(tenant, 'user', filter.userId) },
    );
  }
}
