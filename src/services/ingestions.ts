// Use cases for ingestions, the same for every provider that ingests: create (idempotent), apply
// what a provider reports (webhook, refresh or poll), refresh stale statuses, subscribe, and the
// polling safety net for unfinished ingestions whose webhooks do not come.
import { extend } from '../domain/objects.js';
import { routeKey, routesOf } from '../events/routes.js';
import type { Logger } from 'pino';
import {
  applyIngestionView,
  type IngestionRecord,
  type IngestionStatus,
  ingestionId,
  isFinished,
  newIngestionRecord,
  type ProviderIngestionView,
} from '../domain/ingestion.js';
import type { Provider } from '../domain/verification.js';
import { badUserInput } from '../errors.js';
import { type BusEvent, CursorError, type EventBus, type Publication } from '../events/contract.js';
import type { ProviderAdapter } from '../providers/contract.js';
import { mapConcurrent } from '../providers/http.js';
import type { Store } from '../store/contract.js';
import { type EventMark, type Journal, sequentialJournal } from '../store/journal.js';
import { runIdempotent } from './idempotency.js';
import { idempotencyKeyOf } from './verifications.js';
import { applyAndPublish, NotRecordedYet, type RecordCache, whileCreating } from './records.js';
import { newestOnly } from '../events/monotonic.js';

/** The payload of an `ingestion` bus event: the record right after the change. */
export interface IngestionPollingSettings {
  /** `INGESTION_POLL_INTERVAL_MS`, how often the poller looks for quiet unfinished ingestions. Default 5000; 0 turns it off. */
  intervalMs: number;
  /** `INGESTION_POLL_QUIET_MS`, an unfinished ingestion not heard of for this long is polled. Default 10000. */
  quietMs: number;
  /** `INGESTION_POLL_MAX_PER_TICK`, at most this many provider reads per interval. Default 20. */
  maxPerTick: number;
}

export interface IngestionChange {
  ingestion: IngestionRecord;
  previousStatus: IngestionStatus | null;
}

export interface CreateIngestionCall {
  provider: Provider;
  /** Mutation name; scopes the idempotency key. */
  operation: string;
  tenant: string;
  idempotencyKey: string | null;
  /** The validated input (without the idempotency key), fingerprinted so a reused key with other input is refused. */
  input: unknown;
  create: () => Promise<ProviderIngestionView>;
}

export interface IngestionServiceOptions {
  statusMaxAgeMs: number;
  providerConcurrency: number;
  polling: IngestionPollingSettings;
}

/** Thrown for a webhook about an ingestion whose create call has not been recorded yet (kept for callers). */
export { NotRecordedYet as IngestionNotRecordedYet } from './records.js';

export class IngestionService {
  /** Unfinished ingestions this process looks after (created here or reported here). */
  private readonly watched = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  /** Poller activity; tests and metrics read it. */
  readonly pollStats = { ticks: 0, fetched: 0 };

  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly adapters: ReadonlyMap<Provider, ProviderAdapter>,
    private readonly options: IngestionServiceOptions,
    private readonly log: Logger,
    /** Where a change is stored with its event (default: `put`, then `publish`). */
    private readonly journal: Journal = sequentialJournal(store, bus),
    /** This replica's copies of the records it stored (a webhook about one starts from it). */
    private readonly cache: RecordCache | null = null,
  ) {}

  async create(req: CreateIngestionCall): Promise<IngestionRecord> {
    return whileCreating(this.store, req.provider, () =>
      runIdempotent({
        store: this.store,
        key: req.idempotencyKey ? `${req.tenant}:${req.operation}:${req.idempotencyKey}` : null,
        input: req.input,
        provider: req.provider,
        load: async (id) => (await this.store.getMany<IngestionRecord>('ingestion', [id]))[0],
        call: req.create,
        record: (view) => this.record(req, view),
      }),
    );
  }

  /** Stores a created ingestion once (a retry finds it stored) and publishes its `created` event once. */
  private async record(req: CreateIngestionCall, view: ProviderIngestionView): Promise<IngestionRecord> {
    const fresh: IngestionRecord = extend(newIngestionRecord(req.provider, req.tenant, view, new Date()), idempotencyKeyOf(req));
    const record = (await this.store.put('ingestion', fresh, 0)) ?? (await this.store.getMany<IngestionRecord>('ingestion', [fresh.id]))[0] ?? extend(fresh, { version: 1 });
    if (!isFinished(record.status)) this.watched.add(record.id);
    await this.publish(record, null, `created:${record.id}`);
    return record;
  }

  /**
   * Applies a provider's view, compare-and-set (see VerificationService.applyProviderView); null
   * when the ingestion was not created through this API.
   */
  async applyProviderView(provider: Provider, view: ProviderIngestionView, eventKey?: string, read?: Promise<IngestionRecord | null>, direct?: EventMark): Promise<IngestionRecord | null> {
    const record = await applyAndPublish<IngestionRecord, IngestionStatus>(
      this.store,
      this.journal,
      'ingestion',
      ingestionId(provider, view.providerRef),
      (current) => applyIngestionView(current, view, new Date()),
      eventKey,
      (stored, previousStatus) => this.event(stored, previousStatus, eventKey),
      read,
      this.cache,
      direct,
    );
    if (!record) return null;
    if (isFinished(record.status)) this.watched.delete(record.id);
    else this.watched.add(record.id);
    return record;
  }

  /**
   * A webhook's view. When we have no record but a create at this provider is waiting for its
   * answer on any replica, the webhook may have overtaken it: throw, so the recorded event stays
   * in the inbox and is applied a moment later. `read`: the record read ahead (records.ts `readAhead`).
   */
  async applyWebhookView(provider: Provider, view: ProviderIngestionView, eventKey?: string, read?: Promise<IngestionRecord | null>, direct?: EventMark): Promise<boolean> {
    const record = await this.applyProviderView(provider, view, eventKey, read, direct);
    if (record) return true;
    if ((await this.store.creatingCount(provider.toLowerCase())) > 0) throw new NotRecordedYet('ingestion');
    return false;
  }

  /** The event of a stored change (or creation) of `record`. */
  private event(record: IngestionRecord, previousStatus: IngestionStatus | null, key?: string): Publication<IngestionChange> {
    const routes = routesOf(routeKey(record.tenant, 'id', record.id), routeKey(record.tenant, 'user', record.userId));
    return { topic: 'ingestion', tenant: record.tenant, payload: { ingestion: record, previousStatus }, options: { key, routes } };
  }

  private publish(record: IngestionRecord, previousStatus: IngestionStatus | null, key?: string) {
    return this.journal.publish(this.event(record, previousStatus, key));
  }

  /**
   * Re-reads records whose unfinished status is older than `statusMaxAgeMs`, one batch per
   * provider (the adapter caps concurrency). A provider failure keeps the last known state.
   */
  async refreshStale(records: (IngestionRecord | null)[], maxAgeMs = this.options.statusMaxAgeMs): Promise<(IngestionRecord | null)[]> {
    const now = Date.now();
    const stale = new Map<Provider, number[]>();
    records.forEach((r, i) => {
      if (!r || isFinished(r.status) || now - Date.parse(r.syncedAt) < maxAgeMs) return;
      if (!this.adapters.get(r.provider)?.fetchIngestions) return;
      stale.set(r.provider, [...(stale.get(r.provider) ?? []), i]);
    });
    if (stale.size === 0) return records;
    const out = [...records];
    await Promise.all(
      [...stale].map(async ([provider, indexes]) => {
        let views: (ProviderIngestionView | Error)[];
        try {
          views = await this.adapters.get(provider)!.fetchIngestions!(indexes.map((i) => records[i]!));
        } catch (err) {
          this.log.warn({ provider, err }, 'ingestion refresh failed; serving last known state');
          return;
        }
        await mapConcurrent(indexes, this.options.providerConcurrency, async (index) => {
          const view = views[indexes.indexOf(index)];
          if (view instanceof Error) return;
          try {
            out[index] = (await this.applyProviderView(provider, view)) ?? out[index];
          } catch (err) {
            this.log.warn({ provider, err }, 'could not record refreshed ingestion');
          }
        });
      }),
    );
    return out;
  }

  async subscribe(tenant: string, filter: { id?: string | null; userId?: string | null; after?: string | null }) {
    if (filter.after) {
      try {
        await this.bus.validateCursor(filter.after);
      } catch (err) {
        if (err instanceof CursorError) throw badUserInput('after', err.message);
        throw err;
      }
    }
    const events = this.bus.subscribe<IngestionChange>(
      'ingestion',
      (e: BusEvent<IngestionChange>) => {
        const i = e.payload.ingestion;
        return e.tenant === tenant && (filter.id == null || i.id === filter.id) && (filter.userId == null || i.userId === filter.userId);
      },
      { after: filter.after ?? null, tenant, route: routeKey(tenant, 'id', filter.id) ?? routeKey(tenant, 'user', filter.userId) },
    );
    return newestOnly(events, (e) => ({ id: e.payload.ingestion.id, version: e.payload.ingestion.version }));
  }

  /** Starts the polling safety net (no-op when `INGESTION_POLL_INTERVAL_MS` is 0). */
  start() {
    const { intervalMs } = this.options.polling;
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.pollOnce(), intervalMs);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * One round of the safety net: reads at most `maxPerTick` watched unfinished ingestions that
   * nothing was heard of for `quietMs` (oldest first) from their provider. Returns how many.
   */
  async pollOnce(): Promise<number> {
    if (this.ticking || this.watched.size === 0) return 0;
    this.ticking = true;
    this.pollStats.ticks++;
    try {
      const ids = [...this.watched];
      const records = await this.store.getMany<IngestionRecord>('ingestion', ids);
      records.forEach((r, i) => {
        if (!r || isFinished(r.status)) this.watched.delete(ids[i]);
      });
      const { quietMs, maxPerTick } = this.options.polling;
      const now = Date.now();
      const due = records
        .filter((r): r is IngestionRecord => !!r && !isFinished(r.status) && now - Date.parse(r.syncedAt) >= quietMs)
        .sort((a, b) => Date.parse(a.syncedAt) - Date.parse(b.syncedAt))
        .slice(0, maxPerTick);
      if (due.length === 0) return 0;
      this.pollStats.fetched += due.length;
      await this.refreshStale(due, quietMs);
      return due.length;
    } catch (err) {
      this.log.warn({ err }, 'ingestion poll failed');
      return 0;
    } finally {
      this.ticking = false;
    }
  }
}
