// The composition root: shared state, providers, services, GraphQL (HTTP and WebSocket) and the
// routes on one node:http server. `createApp` wires; `listen` and `close` run it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Provider } from '../domain/verification.js';
import { createLoaders } from '../loaders/index.js';
import { createLogger } from '../observability/logger.js';
import { trackBus } from '../observability/metrics.js';
import type { ProviderAdapter } from '../providers/contract.js';
import { createAdapters } from '../providers/index.js';
import { setAnswerLogger } from '../providers/parse.js';
import { CircuitProber } from '../providers/probe.js';
import { ProviderResilience } from '../providers/resilience.js';
import { buildKycSchema } from '../schema/build.js';
import type { WebhookService } from '../services/webhooks.js';
import { Authenticator } from './auth.js';
import { KycRequestContext, type RequestContext, type Services } from './context.js';
import { CorsPolicy } from './cors.js';
import { graphqlHttpHandler, startApollo } from './graphql-http.js';
import { attachGraphqlWs } from './graphql-ws.js';
import { Health } from './health.js';
import { protect } from './limits.js';
import { routeTable, serveRoutes } from './routes.js';
import { createServices } from './services.js';
import { openSharedState } from './shared-state.js';
import { SandboxGuard } from './sandbox-guard.js';
import { compileAhead } from '../providers/fast-check.js';
import { currentRequestId, type RequestScope, setCurrentTenant } from '../observability/request-context.js';

export { createLogger };

export interface App {
  readonly server: Server;
  readonly services: Services;
  readonly webhooks: WebhookService;
  readonly adapters: ReadonlyMap<Provider, ProviderAdapter>;
  /** Resolves with the base URL (http://host:port) once listening. */
  listen(): Promise<string>;
  /** From now on /readyz answers 503 draining (SIGTERM); requests are still served until `close`. */
  drain(): void;
  /** Graceful shutdown: stop accepting, drain HTTP, close sockets, simulators, bus, store, Redis. */
  close(): Promise<void>;
}

export async function createApp(config: Config, log: Logger = createLogger(config.logLevel)): Promise<App> {
  // this app's own breakers: two apps in one process never share a circuit
  const resilience = new ProviderResilience(config.resilience);
  let port = config.port;
  const localUrl = () => `http://127.0.0.1:${port}`;
  const publicUrl = () => config.publicUrl ?? `http://localhost:${port}`;

  const state = await openSharedState(config, log);
  const untrackBus = trackBus(state.bus);
  const auth = new Authenticator(config.apiKeys);
  const sandboxGuard = new SandboxGuard({ auth, store: state.store, production: config.production, routesInProduction: config.security.sandboxRoutesInProduction });
  const pageToken = (key: string, ref: string) => (auth.open ? '' : sandboxGuard.pageToken(key, ref));
  setAnswerLogger(log);
  const adapterList = createAdapters(config, { localUrl, publicUrl, resilience, pageToken });
  for (const a of adapterList) for (const w of a.startupWarnings ?? []) log.warn({ provider: a.key, setting: w.setting }, w.message);
  const adapters = new Map<Provider, ProviderAdapter>(adapterList.map((a) => [a.provider, a]));
  const { services, webhooks } = createServices(config, state, adapters, log, resilience);
  // finishes webhooks an instance recorded but did not process (crash, Redis blip)
  const recovery = setInterval(() => void webhooks.recover().catch(() => {}), Math.min(2000, config.inboxRecoveryAfterMs));
  recovery.unref();

  const context = (authorization: string | undefined, requestId?: string): RequestContext => {
    const principal = auth.authenticate(authorization);
    // provider calls made for this request name its tenant to an in-process simulator (faults)
    setCurrentTenant(principal.tenant, principal.actor);
    const scope: RequestScope = { requestId: requestId ?? currentRequestId() ?? '', tenant: principal.tenant, actor: principal.actor };
    // DataLoaders are made when a resolver first asks for one
    return new KycRequestContext(principal, services, scope, createLoaders(services, principal.tenant, config.providerConcurrency, scope));
  };
  const schema = await buildKycSchema();
  const limits = protect(config.queryLimits);

  const server = createServer();
  // Keep idle keep-alive connections longer than clients' pools and load balancers keep theirs
  // (Node's default is 5 s): otherwise a client can send on a socket the server is closing at
  // that moment and get ECONNRESET (seen by the bench's webhook sender: 6 of 29,950).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const cors = new CorsPolicy(config.ops.corsOrigins, config.production);
  const ws = attachGraphqlWs({ httpServer: server, schema, auth, limits, context, allowUpgrade: (req) => cors.allowsUpgrade(req), maxSubscriptions: config.security.wsMaxSubscriptions, production: config.production, executor: config.graphqlExecutor, log });
  const apollo = await startApollo({ schema, config, log, limits, httpServer: server, drain: () => ws.dispose() });
  const health = new Health(state.store, state.bus, adapterList, resilience);
  const prober = new CircuitProber(adapterList, { intervalMs: config.ops.providerProbeIntervalMs, log, states: (p) => resilience.circuitStates(p) });
  serveRoutes(server, routeTable({
    graphql: graphqlHttpHandler({ apollo, auth, context, maxBodyBytes: config.maxBodyBytes, uploadTimeoutMs: config.security.uploadTimeoutMs }),
    readiness: () => health.readiness(),
    cors,
    providers: new Map(adapterList.map((a) => [a.key as string, a])),
    webhooks,
    maxBodyBytes: config.maxBodyBytes,
    sandboxGuard,
    sandboxHidden: config.production && !config.security.sandboxRoutesInProduction,
  }), log);

  let closed: Promise<void> | null = null;
  return {
    server,
    services,
    webhooks,
    adapters,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          port = (server.address() as AddressInfo).port;
          services.ingestions.start();
          services.retention.start();
          prober.start();
          // the webhook body checks, compiled now rather than by each provider's first webhook
          void compileAhead();
          resolve(`http://localhost:${port}`);
        });
      }),
    drain: () => health.startDraining(),
    close() {
      closed ??= (async () => {
        health.startDraining();
        prober.stop();
        clearInterval(recovery);
        services.ingestions.stop();
        services.retention.stop();
        await apollo.stop(); // drains HTTP (drain plugin) and closes WebSockets (ws.dispose)
        untrackBus();
        await Promise.allSettled(adapterList.map((a) => a.close()));
        await state.close();
      })();
      return closed;
    },
  };
}
