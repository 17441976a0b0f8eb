// Ingestion reads through the per-request DataLoader: store batch reads and upstream (Uphold) calls.
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { upstreamCalls } from '../src/providers/http.js';
import type { UpholdAdapter } from '../src/providers/uphold/index.js';
import type { UpholdSimulator } from '../src/providers/uphold/simulator.js';
import { CreateIngestionDocument, SubjectIngestionsDocument } from './generated/graphql.js';
import { graphqlRequest, ok } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';

/** `n` ingestions the sandbox worker leaves QUEUED (the `-hold` marker). */
async function seed(server: TestServer, userId: string, n: number) {
  const ids: { id: string; providerRef: string }[] = [];
  for (let i = 0; i < n; i++) {
    const c = ok(await server.gql(CreateIngestionDocument, { input: { source: 'SUMSUB', sourceVerificationRef: `approved-${userId}-${i}-hold`, userId, processes: ['IDENTITY'] } })).createIngestion;
    ids.push({ id: c.id, providerRef: c.providerRef });
  }
  return ids;
}

/** One request selecting `ingestion(id)` once per id, as aliases. */
const byIds = (server: TestServer, ids: string[]) =>
  graphqlRequest(`${server.url}/graphql`, parse(`{ ${ids.map((id, i) => `i${i}: ingestion(id: "${id}") { id status }`).join(' ')} }`) as never);

const simOf = (server: TestServer) => (server.app.adapters.get('UPHOLD') as unknown as UpholdAdapter).simulator as UpholdSimulator;

describe('with every status stale (STATUS_MAX_AGE_MS=0)', () => {
  let server: TestServer;
  let sim: UpholdSimulator;
  beforeAll(async () => {
    server = await startServer({ STATUS_MAX_AGE_MS: '0', PROVIDER_CONCURRENCY: '3', INGESTION_POLL_INTERVAL_MS: '0' });
    sim = simOf(server);
  });
  afterAll(() => server.close());

  it('N ingestion(id) fields of N users are one store batch read and N concurrency-capped Uphold reads', async () => {
    const ids: string[] = [];
    for (let u = 0; u < 7; u++) ids.push(...(await seed(server, `stale-${u}`, 1)).map((x) => x.id));
    const getMany = vi.spyOn(server.app.services.store, 'getMany');
    const gets = sim.requests.get;
    sim.requests.maxInFlight = 0;
    const data = ok(await byIds(server, ids)) as Record<string, { status: string } | null>;
    expect(Object.values(data).map((i) => i?.status)).toEqual(Array(7).fill('QUEUED'));
    expect(getMany.mock.calls.filter(([kind, batch]) => kind === 'ingestion' && batch.length === 7)).toHaveLength(1);
    // applying each refreshed view reads the one record it updates; no other store reads
    expect(getMany.mock.calls.filter(([, batch]) => batch.length !== 7).every(([, batch]) => batch.length === 1)).toBe(true);
    expect(sim.requests.get - gets).toBe(7);
    expect(sim.requests.maxInFlight).toBeLessThanOrEqual(3);
    getMany.mockRestore();
  });

  it("KycSubject.ingestions is one store list and one Uphold list call for the user's unfinished ingestions", async () => {
    await seed(server, 'subject', 4);
    const list = vi.spyOn(server.app.services.store, 'list');
    const gets = sim.requests.get;
    const lists = sim.requests.list;
    const subject = ok(await server.gql(SubjectIngestionsDocument, { id: 'subject' })).subject!;
    expect(subject.ingestions.nodes).toHaveLength(4);
    expect(list).toHaveBeenCalledTimes(1);
    expect(sim.requests.get - gets).toBe(0);
    expect(sim.requests.list - lists).toBe(1);
    list.mockRestore();
  });

  it('FINISHED ingestions are never re-read', async () => {
    const [one] = await seed(server, 'final', 1);
    expect((await server.advance('uphold', one.providerRef, 'finished')).status).toBe(200);
    const gets = sim.requests.get;
    ok(await byIds(server, [one.id, one.id]));
    expect(sim.requests.get - gets).toBe(0);
  });
});

describe('with fresh statuses (default)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ INGESTION_POLL_INTERVAL_MS: '0' });
  });
  afterAll(() => server.close());

  it('N ingestion(id) fields in one request are one store batch read and no Uphold call', async () => {
    const ids = (await seed(server, 'batch', 5)).map((x) => x.id);
    const getMany = vi.spyOn(server.app.services.store, 'getMany');
    const calls = upstreamCalls.get('UPHOLD') ?? 0;
    const data = ok(await byIds(server, [...ids, ids[0], 'not-an-id'])) as Record<string, { id: string } | null>;
    expect(Object.values(data).filter(Boolean)).toHaveLength(6);
    // one batch read for the whole request (a sandbox webhook arriving meanwhile reads one record)
    const batches = getMany.mock.calls.filter(([, batch]) => batch.length > 1);
    expect(batches).toHaveLength(1);
    expect(batches[0][1]).toHaveLength(6); // duplicates are loaded once
    expect((upstreamCalls.get('UPHOLD') ?? 0) - calls).toBe(0);
    getMany.mockRestore();
  });
});
