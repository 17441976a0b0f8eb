// The services over the shared state and the provider adapters, and the webhook pipeline.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { type Config, ConfigError } from '../config.js';
import { type Provider, verificationId } from '../domain/verification.js';
import { ingestionId } from '../domain/ingestion.js';
import { withRequestScope } from '../observability/request-context.js';
import { SANDBOX_TENANT } from './auth.js';
import { auditedBus, auditRecordOf } from '../services/audit-trail.js';
import { ErasureService } from '../services/erasure.js';
import { NotRecordedYet, readAhead, RecordCache } from '../services/records.js';
import { RetentionSweeper } from '../services/retention.js';
import type { EntityKind } from '../store/contract.js';
import type { ProviderAdapter } from '../providers/contract.js';
import type { ProviderResilience } from '../providers/resilience.js';
import { CheckService } from '../services/checks.js';
import { IngestionService } from '../services/ingestions.js';
import { VerificationService } from '../services/verifications.js';
import { RoutingPolicyError, RoutingService } from '../services/routing.js';
import { WebhookService } from '../services/webhooks.js';
import type { Services } from './context.js';
import type { SharedState } from './shared-state.js';

export function createServices(
  config: Config,
  state: SharedState,
  adapters: ReadonlyMap<Provider, ProviderAdapter>,
  log: Logger,
  resilience: ProviderResilience,
): { services: Services; webhooks: WebhookService } {
  const { store, inbox, audit } = state;
  // every stored creation and change is published once: the audit trail is written there
  const bus = auditedBus(state.bus, audit, log);
  // a change and its event (and audit entry) in one step where the backend has it
  const journal = state.journal(bus, (p) => auditRecordOf(p.topic, p.payload, p.options?.key));
  const byKey = new Map([...adapters.values()].map((a) => [a.key as string, a]));
  // this replica's copies of the records it stored: a webhook about one is applied directly
  // (services/webhooks.ts), where the journal stores its processed mark with the change
  const cache = journal.marks ? new RecordCache() : null;
  const verifications = new VerificationService(store, bus, adapters, config, log, journal, cache);
  const checks = new CheckService(store, bus, adapters, log, journal);
  const ingestions = new IngestionService(
    store,
    bus,
    adapters,
    { statusMaxAgeMs: config.statusMaxAgeMs, providerConcurrency: config.providerConcurrency, polling: config.ingestionPolling },
    log,
    journal,
    cache,
  );
  const erasure = new ErasureService(store, bus, audit, log, undefined, cache);
  const tenants = config.apiKeys ? [...new Set(config.apiKeys.map((k) => k.tenant))] : [SANDBOX_TENANT];
  const retention = new RetentionSweeper(store, erasure, audit, tenants, config.retention, log);
  let routing: RoutingService;
  try {
    routing = new RoutingService(store, verifications, adapters, resilience, config.routing.policy, log);
  } catch (err) {
    if (err instanceof RoutingPolicyError) throw new ConfigError('ROUTING_POLICY', err.message);
    throw err;
  }
  const services: Services = { store, bus, adapters, verifications, routing, checks, ingestions, log, resilience, erasure, audit, retention };
  // A webhook is processed on behalf of its provider. A verification's or ingestion's change is
  // audited with the record's provider as actor and calls no provider, so it runs without an
  // AsyncLocalStorage scope (the hot path); a check's may call Upvest (the user's checks), so it
  // runs in a scope carrying the webhook's request id and the provider as actor. One about an
  // erased record (its tombstone is kept) is acknowledged and dropped, never waited for or re-created.
  const asProvider = <T>(provider: Provider, requestId: string | undefined, fn: () => Promise<T>) =>
    withRequestScope({ requestId: requestId ?? randomUUID(), actor: `provider:${provider.toLowerCase()}` }, fn);
  const unlessErased = async (kind: EntityKind, id: string, apply: () => Promise<boolean>) => {
    try {
      return await apply();
    } catch (err) {
      if (err instanceof NotRecordedYet && (await store.isErased(kind, id))) return false;
      throw err;
    }
  };
  const webhooks = new WebhookService(
    inbox,
    byKey,
    {
      verification: {
        readAhead: (provider, e) => readAhead(store, 'verification', verificationId(provider, e.view.providerRef)),
        cached: (provider, e) => cache?.get('verification', verificationId(provider, e.view.providerRef)),
        apply: (provider, e, eventKey, _requestId, read, direct) => unlessErased('verification', verificationId(provider, e.view.providerRef), () => verifications.applyWebhookView(provider, e.view, eventKey, read, direct)),
      },
      check: {
        readAhead: (_provider, e) => readAhead(store, 'check', e.check.id),
        apply: (provider, e, eventKey, requestId, read) => asProvider(provider, requestId, async () => (await checks.applyProviderCheck(e.check, eventKey, read)) !== null),
      },
      ingestion: {
        readAhead: (provider, e) => readAhead(store, 'ingestion', ingestionId(provider, e.view.providerRef)),
        cached: (provider, e) => cache?.get('ingestion', ingestionId(provider, e.view.providerRef)),
        apply: (provider, e, eventKey, _requestId, read, direct) => unlessErased('ingestion', ingestionId(provider, e.view.providerRef), () => ingestions.applyWebhookView(provider, e.view, eventKey, read, direct)),
      },
    },
    log,
    config.inboxRecoveryAfterMs,
    config.inboxMaxDeliveries,
  );
  return { services, webhooks };
}
