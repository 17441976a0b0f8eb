// Use cases for verifications, the same for every provider: start (idempotent), apply what a
// provider reports (webhook or refresh), refresh stale statuses, and subscribe.
import { routeKey, routesOf } from '../events/routes.js';
import type { Logger } from 'pino';
import {
  type Provider,
  type ProviderVerificationView,
  type RoutedAttempt,
  type VerificationRecord,
  type VerificationStatus,
  applyView,
  isFinal,
  newVerificationRecord,
  verificationId,
} from '../domain/verification.js';
import { parseIso } from '../domain/iso-time.js';
import { extend } from '../domain/objects.js';
import { badUserInput } from '../errors.js';
import { type BusEvent, CursorError, type EventBus, type Publication } from '../events/contract.js';
import { mapConcurrent } from '../providers/http.js';
import type { ProviderAdapter } from '../providers/contract.js';
import type { Store } from '../store/contract.js';
import { type EventMark, type Journal, sequentialJournal } from '../store/journal.js';
import { runIdempotent } from './idempotency.js';
import { applyAndPublish, NotRecordedYet, type RecordCache, whileCreating } from './records.js';
import { newestOnly } from '../events/monotonic.js';

/** The scoped idempotency key a record keeps (so erasing it forgets the key's result). */
export const idempotencyKeyOf = (req: { tenant: string; operation: string; idempotencyKey: string | null }) =>
  req.idempotencyKey ? { idempotencyKey: `${req.tenant}:${req.operation}:${req.idempotencyKey}` } : {};

/** The payload of a `verification` bus event: the record right after the change. */
export interface VerificationChange {
  verification: VerificationRecord;
  previousStatus: VerificationStatus | null;
}

export interface StartRequest {
  provider: Provider;
  /** Mutation name; scopes the idempotency key. */
  operation: string;
  tenant: string;
  subjectId: string | null;
  idempotencyKey: string | null;
  /** The validated input (without the idempotency key), fingerprinted so a reused key with other input is refused. */
  input: unknown;
  create: () => Promise<ProviderVerificationView>;
}

export interface VerificationServiceOptions {
  statusMaxAgeMs: number;
  providerConcurrency: number;
  /** How long a second request waits for a first one with the same idempotency key. Default 30 s. */
  idempotencyWaitMs?: number;
}


export class VerificationService {
  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly adapters: ReadonlyMap<Provider, ProviderAdapter>,
    private readonly options: VerificationServiceOptions,
    private readonly log: Logger,
    /** Where a change is stored with its event (default: `put`, then `publish`). */
    private readonly journal: Journal = sequentialJournal(store, bus),
    /** This replica's copies of the records it stored (a webhook about one starts from it). */
    private readonly cache: RecordCache | null = null,
  ) {}

  async start(req: StartRequest): Promise<VerificationRecord> {
    return whileCreating(this.store, req.provider, () =>
      runIdempotent({
        store: this.store,
        key: req.idempotencyKey ? `${req.tenant}:${req.operation}:${req.idempotencyKey}` : null,
        input: req.input,
        provider: req.provider,
        waitMs: this.options.idempotencyWaitMs,
        load: async (id) => (await this.store.getMany<VerificationRecord>('verification', [id]))[0],
        call: req.create,
        record: (view) => this.record(req, view),
      }),
    );
  }

  /**
   * Records a session a routed start (services/routing.ts) opened, as `start` records its own,
   * with the providers it moved on from.
   */
  recordRouted(req: Pick<StartRequest, 'provider' | 'operation' | 'tenant' | 'subjectId' | 'idempotencyKey'>, view: ProviderVerificationView, attempts: RoutedAttempt[]): Promise<VerificationRecord> {
    return this.record(req, view, attempts.length ? { routedAttempts: attempts } : {});
  }

  /** Stores a created session once (a retry finds it stored) and publishes its `created` event once. */
  private async record(req: Pick<StartRequest, 'provider' | 'operation' | 'tenant' | 'subjectId' | 'idempotencyKey'>, view: ProviderVerificationView, extra: Partial<VerificationRecord> = {}): Promise<VerificationRecord> {
    const fresh: VerificationRecord = extend(newVerificationRecord(req.provider, req.tenant, req.subjectId, view, new Date()), idempotencyKeyOf(req), extra);
    const record = (await this.store.put('verification', fresh, 0)) ?? (await this.store.getMany<VerificationRecord>('verification', [fresh.id]))[0] ?? extend(fresh, { version: 1 });
    await this.publish(record, null, `created:${record.id}`);
    return record;
  }

  /**
   * Applies a provider's view to the record we hold, compare-and-set (a concurrent writer's change
   * is re-read, never lost). Publishes only a transition that was stored. Returns the record, or
   * null when the session was not created through this API (we have no record to update).
   */
  async applyProviderView(provider: Provider, view: ProviderVerificationView, eventKey?: string, read?: Promise<VerificationRecord | null>, direct?: EventMark): Promise<VerificationRecord | null> {
    const adapter = this.adapters.get(provider);
    return applyAndPublish<VerificationRecord, VerificationStatus>(
      this.store,
      this.journal,
      'verification',
      verificationId(provider, view.providerRef),
      (current) => applyView(current, adapter?.mergeView ? adapter.mergeView(current, view) : view, new Date()),
      eventKey,
      (record, previousStatus) => this.event(record, previousStatus, eventKey),
      read,
      this.cache,
      direct,
    );
  }

  /**
   * A webhook's view. When we have no record but a create at this provider is waiting for its
   * answer on any replica, the webhook may have overtaken it: throw, so the event stays in the
   * inbox and is applied again a moment later. False: not a session created through this API.
   * `read`: the record read ahead with the inbox append (records.ts `readAhead`), or this replica's
   * copy; `direct`: the event applied without an inbox entry (records.ts `applyAndPublish`).
   */
  async applyWebhookView(provider: Provider, view: ProviderVerificationView, eventKey: string, read?: Promise<VerificationRecord | null>, direct?: EventMark): Promise<boolean> {
    if (await this.applyProviderView(provider, view, eventKey, read, direct)) return true;
    if ((await this.store.creatingCount(provider.toLowerCase())) > 0) throw new NotRecordedYet('verification');
    return false;
  }

  /** The event of a stored change (or creation) of `record`. */
  private event(record: VerificationRecord, previousStatus: VerificationStatus | null, key?: string): Publication<VerificationChange> {
    const routes = routesOf(routeKey(record.tenant, 'id', record.id), routeKey(record.tenant, 'subject', record.subjectId));
    return { topic: 'verification', tenant: record.tenant, payload: { verification: record, previousStatus }, options: { key, routes } };
  }

  private publish(record: VerificationRecord, previousStatus: VerificationStatus | null, key?: string) {
    return this.journal.publish(this.event(record, previousStatus, key));
  }

  /**
   * Refreshes records whose non-final status is older than `statusMaxAgeMs`, with one batch per
   * provider (the adapter batches or caps concurrency). A provider failure keeps the last known state.
   */
  async refreshStale(records: (VerificationRecord | null)[]): Promise<(VerificationRecord | null)[]> {
    const now = Date.now();
    const stale = new Map<Provider, number[]>();
    records.forEach((r, i) => {
      if (!r || isFinal(r.status) || now - parseIso(r.syncedAt) <= this.options.statusMaxAgeMs) return;
      if (!this.adapters.get(r.provider)?.fetchVerifications) return;
      stale.set(r.provider, [...(stale.get(r.provider) ?? []), i]);
    });
    if (stale.size === 0) return records;
    const out = [...records];
    await Promise.all(
      [...stale].map(async ([provider, indexes]) => {
        const adapter = this.adapters.get(provider)!;
        let views: (ProviderVerificationView | Error)[];
        try {
          views = await adapter.fetchVerifications!(indexes.map((i) => records[i]!.providerRef), indexes.map((i) => records[i]!));
        } catch (err) {
          this.log.warn({ provider, err }, 'status refresh failed; serving last known state');
          return;
        }
        await mapConcurrent(indexes, this.options.providerConcurrency, async (index, ) => {
          const view = views[indexes.indexOf(index)];
          if (view instanceof Error) return;
          try {
            out[index] = (await this.applyProviderView(provider, view)) ?? out[index];
          } catch (err) {
            this.log.warn({ provider, err }, 'could not record refreshed status');
          }
        });
      }),
    );
    return out;
  }

  /** Matching changes, replayed from `after` first when given (BAD_USER_INPUT `after` when it cannot be). */
  async subscribe(tenant: string, filter: { id?: string | null; subjectId?: string | null; provider?: Provider | null; after?: string | null }) {
    if (filter.after) {
      try {
        await this.bus.validateCursor(filter.after);
      } catch (err) {
        if (err instanceof CursorError) throw badUserInput('after', err.message);
        throw err;
      }
    }
    const events = this.bus.subscribe<VerificationChange>('verification', (e: BusEvent<VerificationChange>) => {
      const v = e.payload.verification;
      return (
        e.tenant === tenant &&
        (filter.id == null || v.id === filter.id) &&
        (filter.subjectId == null || v.subjectId === filter.subjectId) &&
        (filter.provider == null || v.provider === filter.provider)
      );
    }, { after: filter.after, tenant, route: routeKey(tenant, 'id', filter.id) ?? routeKey(tenant, 'subject', filter.subjectId) });
    return newestOnly(events, (e) => ({ id: e.payload.verification.id, version: e.payload.verification.version }));
  }
}
