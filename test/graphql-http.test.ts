// GraphQL over HTTP compliance: graphql-http's server audits against a real kyc-graph server.
import { type AuditResult, serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './support/server.js';

/**
 * Audits we knowingly do not pass, each explained in the README ("GraphQL over HTTP"): Apollo's
 * CSRF prevention (required by the design) refuses a GET that has no preflight header, and
 * these optional (MAY) audits send GETs without one.
 */
const KNOWN_NOTICES = ['5A70', 'D6D5', '6A70'];

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

async function runAudits(fetchFn: typeof fetch) {
  const results: (AuditResult & { id: string })[] = [];
  for (const audit of serverAudits({ url: () => `${server.url}/graphql`, fetchFn })) {
    results.push({ ...(await audit.fn()), id: audit.id });
  }
  return results;
}

const summary = (rs: (AuditResult & { id: string })[]) => rs.map((r) => `${r.status} ${r.id} ${r.name}${r.status === 'ok' ? '' : `: ${r.reason}`}`);

describe('GraphQL over HTTP (graphql-http server audits)', () => {
  it('passes every audit with no failure and no warning; the only notices are the CSRF-blocked optional GETs', async () => {
    const results = await runAudits(fetch);
    expect(results.length).toBeGreaterThan(40);
    expect(summary(results.filter((r) => r.status === 'error' || r.status === 'warn'))).toEqual([]);
    expect(results.filter((r) => r.status === 'notice').map((r) => r.id).sort()).toEqual([...KNOWN_NOTICES].sort());
  });

  it('a client that sends the preflight header (as Apollo Client and Sandbox do) passes those GET audits too', async () => {
    const withPreflight: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'apollo-require-preflight': 'true' } });
    const results = await runAudits(withPreflight);
    expect(summary(results.filter((r) => r.status !== 'ok'))).toEqual([]);
  });

  it('answers 200 with errors to an application/json client whose query does not validate, and 400 to application/graphql-response+json', async () => {
    const post = (accept: string) =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query: '{ nope }' }) });
    const legacy = await post('application/json');
    expect(legacy.status).toBe(200);
    expect(((await legacy.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const modern = await post('application/graphql-response+json');
    expect(modern.status).toBe(400);
  });

  it('marks every GraphQL answer uncacheable (cache-control: no-store), successful or not', async () => {
    const post = (query: string) =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    for (const res of [await post('{ providers { provider } }'), await post('{ nope }'), await post('{')]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
      await res.arrayBuffer();
    }
  });
});
