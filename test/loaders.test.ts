// DataLoader batching: how many store reads and upstream (provider) calls a query makes.
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PawaPassSimulator } from '../src/providers/pawapass/simulator.js';
import { ListVerificationsDocument, StartPawaPassDocument, type StartPawaPassVerificationInput } from './generated/graphql.js';
import { graphqlRequest, ok } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';

const input = (subjectId: string, i: number): StartPawaPassVerificationInput => ({
  subjectId,
  externalId: `${subjectId}-${i}`,
  requirements: [{ type: 'DOCUMENT_SCAN' }],
  successUrl: 'https://example.com/s',
  errorUrl: 'https://example.com/e',
  supportUrl: 'https://example.com/h',
});

async function seed(server: TestServer, subjectId: string, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(ok(await server.gql(StartPawaPassDocument, { input: input(subjectId, i) })).startPawaPassVerification.id);
  return ids;
}

/** One request selecting `verification(id)` once per id, as aliases. */
const byIds = (server: TestServer, ids: string[]) =>
  graphqlRequest(`${server.url}/graphql`, parse(`{ ${ids.map((id, i) => `v${i}: verification(id: "${id}") { id status }`).join(' ')} }`) as never);

describe('with every status stale (STATUS_MAX_AGE_MS=0)', () => {
  let server: TestServer;
  let sim: PawaPassSimulator;
  beforeAll(async () => {
    server = await startServer({ STATUS_MAX_AGE_MS: '0', PROVIDER_CONCURRENCY: '3' });
    sim = server.app.adapters.get('PAWAPASS')!.simulator as PawaPassSimulator;
  });
  afterAll(() => server.close());

  it('a list of N verifications makes one store read and N capped provider calls', async () => {
    await seed(server, 'stale', 8);
    const list = vi.spyOn(server.app.services.store, 'list');
    const getMany = vi.spyOn(server.app.services.store, 'getMany');
    const gets = sim.requests.get;
    sim.requests.maxInFlight = 0;
    const page = ok(await server.gql(ListVerificationsDocument, { filter: { subjectId: 'stale' }, first: 8 })).verifications;
    expect(page.edges).toHaveLength(8);
    expect(list).toHaveBeenCalledTimes(1);
    expect(sim.requests.get - gets).toBe(8);
    expect(sim.requests.maxInFlight).toBeLessThanOrEqual(3);
    // applying each refreshed view reads the record it updates; no other store reads
    expect(getMany.mock.calls.every(([, ids]) => ids.length === 1)).toBe(true);
    list.mockRestore();
    getMany.mockRestore();
  });

  it('K subjects in one request share one refresh batch per provider, capped across all of them', async () => {
    for (const s of ['k1', 'k2', 'k3', 'k4']) await seed(server, s, 3);
    const adapter = server.app.adapters.get('PAWAPASS')!;
    const batches = vi.spyOn(adapter as Required<typeof adapter>, 'fetchVerifications');
    const gets = sim.requests.get;
    // a remote API takes time; without it the in-process simulator answers before the next call
    await fetch(`${server.url}/sandbox/pawapass/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ delayMs: 20 }) });
    sim.requests.maxInFlight = 0;
    try {
      const res = await graphqlRequest(
        `${server.url}/graphql`,
        parse(`{ ${['k1', 'k2', 'k3', 'k4'].map((s) => `${s}: subject(id: "${s}") { verifications { nodes { id status } } }`).join(' ')} }`) as never,
      );
      const data = ok(res) as Record<string, { verifications: { nodes: unknown[] } }>;
      expect(Object.values(data).map((d) => d.verifications.nodes.length)).toEqual([3, 3, 3, 3]);
    } finally {
      await fetch(`${server.url}/sandbox/pawapass/faults`, { method: 'DELETE' });
    }
    expect(batches).toHaveBeenCalledTimes(1);
    expect(sim.requests.get - gets).toBe(12);
    expect(sim.requests.maxInFlight).toBeGreaterThan(1);
    expect(sim.requests.maxInFlight).toBeLessThanOrEqual(3);
    batches.mockRestore();
  });

  it('final statuses are never refreshed', async () => {
    const [id] = await seed(server, 'final', 1);
    const ref = Buffer.from(id, 'base64url').toString().split(':')[2];
    await server.advance('pawapass', ref, 'APPROVED');
    const gets = sim.requests.get;
    ok(await byIds(server, [id]));
    expect(sim.requests.get - gets).toBe(0);
  });
});

describe('with fresh statuses (default)', () => {
  let server: TestServer;
  let sim: PawaPassSimulator;
  beforeAll(async () => {
    server = await startServer();
    sim = server.app.adapters.get('PAWAPASS')!.simulator as PawaPassSimulator;
  });
  afterAll(() => server.close());

  it('N verification(id) fields in one request are one store batch read and no provider call', async () => {
    const ids = await seed(server, 'batch', 5);
    const getMany = vi.spyOn(server.app.services.store, 'getMany');
    const gets = sim.requests.get;
    const data = ok(await byIds(server, [...ids, ids[0], 'not-an-id'])) as Record<string, { id: string } | null>;
    expect(Object.values(data).filter(Boolean)).toHaveLength(6);
    expect(getMany).toHaveBeenCalledTimes(1);
    expect(getMany.mock.calls[0][1]).toHaveLength(6); // duplicates are loaded once
    expect(sim.requests.get - gets).toBe(0);
    getMany.mockRestore();
  });

  it('two requests never share a loader cache', async () => {
    const [id] = await seed(server, 'cache', 1);
    const getMany = vi.spyOn(server.app.services.store, 'getMany');
    await Promise.all([byIds(server, [id]), byIds(server, [id])]);
    expect(getMany).toHaveBeenCalledTimes(2);
    getMany.mockRestore();
  });
});
