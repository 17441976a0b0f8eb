// Starts a real kyc-graph server on a free port, the way `npm start` does, for a test file.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DestinationStream } from 'pino';
import { type Config, loadConfig } from '../../src/config.js';
import { type App, createApp, createLogger } from '../../src/server/app.js';
import { newApiKey, SCOPES } from '../../src/server/auth.js';
import { type GraphQLResponse, graphqlRequest } from './client.js';

export interface TestServer {
  app: App;
  url: string;
  config: Config;
  gql<R, V>(doc: TypedDocumentNode<R, V>, variables?: V, headers?: Record<string, string>): Promise<GraphQLResponse<R>>;
  /** POST /sandbox/{provider}/{ref}/advance */
  advance(provider: string, ref: string, to: string, extra?: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** `logs`: where the server's log lines go (a test that reads them); default stdout. */
export async function startServer(env: Record<string, string> = {}, logs?: DestinationStream): Promise<TestServer> {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env });
  const app = await createApp(config, createLogger(config.logLevel, logs));
  const url = await app.listen();
  return {
    app,
    url,
    config,
    gql: (doc, variables, headers) => graphqlRequest(`${url}/graphql`, doc, variables, headers),
    advance: (provider, ref, to, extra = {}, headers = {}) =>
      fetch(`${url}/sandbox/${provider}/${encodeURIComponent(ref)}/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ to, ...extra }),
      }),
    close: () => app.close(),
  };
}

/**
 * NODE_ENV=production needs API_KEYS: the env of a production server with one key of tenant
 * `prod` (every scope), and the headers that present it.
 */
export function productionEnv(extra: Record<string, string> = {}) {
  const { key, entry } = newApiKey('prod', [...SCOPES]);
  return {
    env: { NODE_ENV: 'production', API_KEYS: JSON.stringify([entry]), ...extra },
    key,
    headers: { authorization: `Bearer ${key}` },
  };
}

/**
 * Runs `fn` with `provider`'s client deadline lowered to `ms`. Only a test of the deadline itself
 * needs a short one; every other call keeps the configured one, so an ordinary call on a loaded
 * machine never races a sub-second deadline.
 */
export async function withProviderDeadline<T>(app: App, provider: string, ms: number, fn: () => Promise<T>): Promise<T> {
  const adapter = [...app.adapters.values()].find((a) => a.provider === provider);
  const options = (adapter as unknown as { client?: { options?: { timeoutMs?: number } } } | undefined)?.client?.options;
  if (!options || typeof options.timeoutMs !== 'number') throw new Error(`no client deadline to lower for ${provider}`);
  const before = options.timeoutMs;
  options.timeoutMs = ms;
  try {
    return await fn();
  } finally {
    options.timeoutMs = before;
  }
}
