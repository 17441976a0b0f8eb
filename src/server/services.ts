// The services over the shared state and the provider adapters, and the webhook pipeline.
import type { Logger } from 'pino';
import { type Config, ConfigError } from '../config.js';
import type { Provider } from '../domain/verification.js';
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
  const { store, bus, inbox } = state;
  const byKey = new Map([...adapters.values()].map((a) => [a.key as string, a]));
  const verifications = new VerificationService(store, bus, adapters, config, log);
  const checks = new CheckService(store, bus, adapters, log);
  const ingestions = new IngestionService(
    store,
    bus,
    adapters,
    { statusMaxAgeMs: config.statusMaxAgeMs, providerConcurrency: config.providerConcurrency, polling: config.ingestionPolling },
    log,
  );
  let routing: RoutingService;
  try {
    routing = new RoutingService(store, verifications, adapters, resilience, config.routing.policy, log);
  } catch (err) {
    if (err instanceof RoutingPolicyError) throw new ConfigError('ROUTING_POLICY', err.message);
    throw err;
  }
  const services: Services = { store, bus, adapters, verifications, routing, checks, ingestions, log, resilience };
  const webhooks = new WebhookService(
    store,
    inbox,
    byKey,
    {
      verification: (provider, e, eventKey) => verifications.applyWebhookView(provider, e.view, eventKey),
      check: async (_provider, e, eventKey) => (await checks.applyProviderCheck(e.check, eventKey)) !== null,
      ingestion: (provider, e, eventKey) => ingestions.applyWebhookView(provider, e.view, eventKey),
    },
    log,
    config.inboxRecoveryAfterMs,
    config.inboxMaxDeliveries,
  );
  return { services, webhooks };
}
