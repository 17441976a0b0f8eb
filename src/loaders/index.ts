// DataLoaders, created fresh for every request (HTTP request or WebSocket operation) when first
// used, so two requests never share a cache. One store batch read per tick; stale statuses refreshed in one
// batch per provider.
import DataLoader from 'dataloader';
import type { VerificationRecord } from '../domain/verification.js';
import type { IngestionRecord } from '../domain/ingestion.js';
import type { Services } from '../services/contract.js';
import { type ChecksByUserLoader, createChecksByUserLoader } from './checks.js';
import { recordBatch } from '../observability/metrics.js';
import { currentRequestId, type RequestScope, withRequestScope } from '../observability/request-context.js';
import { isFinal } from '../domain/verification.js';
import { isFinished } from '../domain/ingestion.js';

export interface Loaders {
  verification: DataLoader<string, VerificationRecord | null>;
  /** A user's checks, one provider list call per user per request. */
  checksByUser: ChecksByUserLoader;
  ingestion: DataLoader<string, IngestionRecord | null>;
  /**
   * Records already read (e.g. a subject's list) → the same records, refreshed when stale. Lists
   * resolved in the same tick (K subjects in one query) share one refresh batch per provider.
   */
  refreshedVerification: DataLoader<VerificationRecord, VerificationRecord, string>;
  refreshedIngestion: DataLoader<IngestionRecord, IngestionRecord, string>;
}

export function createLoaders(
  services: Pick<Services, 'store' | 'verifications' | 'checks' | 'ingestions'>,
  tenant: string,
  /** PROVIDER_CONCURRENCY: most upstream calls at once per provider per batch. */
  providerConcurrency = 8,
  /**
   * The request's scope: a batch that may call a provider runs in it (its request id and tenant
   * go upstream) unless it already runs in one.
   */
  scope?: RequestScope,
): Loaders {
  const scoped = <T>(fn: () => Promise<T>): Promise<T> => (scope && !currentRequestId() ? withRequestScope(scope, fn) : fn());
  const refreshVerifications = (records: (VerificationRecord | null)[]) =>
    records.some((r) => r && !isFinal(r.status)) ? scoped(() => services.verifications.refreshStale(records)) : Promise.resolve(records);
  const refreshIngestions = (records: (IngestionRecord | null)[]) =>
    records.some((r) => r && !isFinished(r.status)) ? scoped(() => services.ingestions.refreshStale(records)) : Promise.resolve(records);
  // each loader is made when a resolver first asks for it: most requests use one or none
  return new LazyLoaders({
    verification: () =>
      new DataLoader(async (ids) => {
        recordBatch('verification', ids.length);
        const records = await services.store.getMany<VerificationRecord>('verification', ids);
        // another tenant's record is indistinguishable from a missing one
        return refreshVerifications(records.map((r) => (r && r.tenant === tenant ? r : null)));
      }),
    checksByUser: () => {
      const loader = createChecksByUserLoader(services.checks, services.store, tenant, providerConcurrency);
      if (!scope) return loader;
      // the batch runs in the request's scope: each user's list is a provider call
      const load = loader.load.bind(loader);
      return Object.assign(loader, { load: (userId: string) => scoped(() => load(userId)) });
    },
    ingestion: () =>
      new DataLoader(async (ids) => {
        const records = await services.store.getMany<IngestionRecord>('ingestion', ids);
        return refreshIngestions(records.map((r) => (r && r.tenant === tenant ? r : null)));
      }),
    refreshedVerification: () =>
      new DataLoader(async (records) => (await refreshVerifications([...records])).map((r, i) => r ?? records[i]), { cacheKeyFn: (r) => r.id }),
    refreshedIngestion: () =>
      new DataLoader(async (records) => (await refreshIngestions([...records])).map((r, i) => r ?? records[i]), { cacheKeyFn: (r) => r.id }),
  });
}

type Makers = { [K in keyof Loaders]: () => Loaders[K] };

/** `Loaders` whose members are made on first use. */
class LazyLoaders implements Loaders {
  #made: Partial<Loaders> = {};
  constructor(private readonly make: Makers) {}
  #get<K extends keyof Loaders>(key: K): Loaders[K] {
    return (this.#made[key] ??= this.make[key]());
  }
  get verification() {
    return this.#get('verification');
  }
  get checksByUser() {
    return this.#get('checksByUser');
  }
  get ingestion() {
    return this.#get('ingestion');
  }
  get refreshedVerification() {
    return this.#get('refreshedVerification');
  }
  get refreshedIngestion() {
    return this.#get('refreshedIngestion');
  }
}

/** `loader.loadMany`, failing on the first error instead of returning it in place. */
export async function loadAll<K, V>(loader: DataLoader<K, V, string>, keys: readonly K[]): Promise<V[]> {
  const values = await loader.loadMany(keys);
  const failed = values.find((v): v is Error => v instanceof Error);
  if (failed) throw failed;
  return values as V[];
}
