// Refreshing stale Uphold ingestions: one list call per (user, source), not one GET per ingestion
// (issue 7, figure 2). Real HTTP to the simulator; upstream calls counted by the simulator.
import { parse } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ingestionId, type IngestionRecord } from '../src/domain/ingestion.js';
import type { UpholdAdapter } from '../src/providers/uphold/index.js';
import { LIST_PAGE_SIZE, MAX_LIST_PAGES } from '../src/providers/uphold/refresh.js';
import type { UpholdSimulator } from '../src/providers/uphold/simulator.js';
import { CreateIngestionDocument, SubjectIngestionsDocument } from './generated/graphql.js';
import { graphqlRequest, ok } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
let sim: UpholdSimulator;
let adapter: UpholdAdapter;

beforeAll(async () => {
  // every status is stale, so every read goes to Uphold; no polling in the background
  server = await startServer({ STATUS_MAX_AGE_MS: '0', PROVIDER_CONCURRENCY: '3', INGESTION_POLL_INTERVAL_MS: '0' });
  adapter = server.app.adapters.get('UPHOLD') as unknown as UpholdAdapter;
  sim = adapter.simulator!;
});
afterAll(() => server.close());

const setFault = (fault: object | null) =>
  fetch(`${server.url}/sandbox/uphold/faults`, fault ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) } : { method: 'DELETE' });
afterEach(async () => {
  await setFault(null);
});

/** `n` ingestions through GraphQL that the sandbox worker leaves QUEUED and sends no webhooks for. */
async function seed(userId: string, n: number, source: 'SUMSUB' | 'VERIFF' = 'SUMSUB') {
  const out: { id: string; providerRef: string }[] = [];
  for (let i = 0; i < n; i++) {
    const c = ok(
      await server.gql(CreateIngestionDocument, {
        input: { source, sourceVerificationRef: `approved-${userId}-${source}-${i}-hold-no-webhooks`, userId, processes: ['IDENTITY'] },
      }),
    ).createIngestion;
    out.push({ id: c.id, providerRef: c.providerRef });
  }
  return out;
}

/** `n` ingestions created at Uphold only (newer than anything seeded before), not through us. */
async function seedUpstreamOnly(userId: string, n: number) {
  for (let i = 0; i < n; i += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, n - i) }, (_, k) =>
        adapter.client.createSumsubIngestion(userId, { shareToken: `approved-other-${i + k}-hold-no-webhooks`, processes: ['identity'] }),
      ),
    );
  }
}

/** One request selecting `ingestion(id)` once per id, as aliases. */
async function byIds(ids: string[]) {
  const res = await graphqlRequest(`${server.url}/graphql`, parse(`{ ${ids.map((id, i) => `i${i}: ingestion(id: "${id}") { id status }`).join(' ')} }`) as never);
  return Object.values(ok(res) as Record<string, { id: string; status: string } | null>);
}

/** Simulator calls made while `fn` runs. */
async function counting<T>(fn: () => Promise<T>) {
  const before = { list: sim.requests.list, get: sim.requests.get };
  const result = await fn();
  return { result, lists: sim.requests.list - before.list, gets: sim.requests.get - before.get };
}

describe('refreshing stale Uphold ingestions', () => {
  it('eight ingestion(id) fields of one user and source are one list call and no GET', async () => {
    const seeded = await seed('eight', 8);
    // moved at Uphold without a webhook: only a fresh read can show it
    expect((await server.advance('uphold', seeded[3].providerRef, 'running')).status).toBe(200);
    const { result, lists, gets } = await counting(() => byIds(seeded.map((s) => s.id)));
    expect(result.map((i) => i?.id)).toEqual(seeded.map((s) => s.id));
    expect(result.map((i) => i?.status)).toEqual(['QUEUED', 'QUEUED', 'QUEUED', 'RUNNING', 'QUEUED', 'QUEUED', 'QUEUED', 'QUEUED']);
    expect(lists).toBe(1);
    expect(gets).toBe(0);
  });

  it("KycSubject.ingestions of a user with eight unfinished ingestions is one list call and no GET", async () => {
    const seeded = await seed('subject-eight', 8);
    expect((await server.advance('uphold', seeded[0].providerRef, 'finished')).status).toBe(200);
    const { result, lists, gets } = await counting(async () => ok(await server.gql(SubjectIngestionsDocument, { id: 'subject-eight' })).subject!);
    expect(result.ingestions.nodes).toHaveLength(8);
    expect(result.ingestions.nodes.find((i) => i.id === seeded[0].id)?.status).toBe('FINISHED');
    expect(lists).toBe(1);
    expect(gets).toBe(0);
  });

  it('ingestions of two users in one query are two list calls', async () => {
    const a = await seed('pair-a', 4);
    const b = await seed('pair-b', 4);
    const { result, lists, gets } = await counting(() => byIds([...a, ...b].map((s) => s.id)));
    expect(result.every((i) => i?.status === 'QUEUED')).toBe(true);
    expect(lists).toBe(2);
    expect(gets).toBe(0);
  });

  it("one user's Sumsub and Veriff ingestions are listed per source; a source with one ingestion is a GET", async () => {
    const s = await seed('two-sources', 3, 'SUMSUB');
    const v = await seed('two-sources', 1, 'VERIFF');
    const { result, lists, gets } = await counting(() => byIds([...s, ...v].map((x) => x.id)));
    expect(result).toHaveLength(4);
    expect(lists).toBe(1);
    expect(gets).toBe(1);
  });

  it('a single stale ingestion is one GET and no list call', async () => {
    const [one] = await seed('single', 1);
    expect((await server.advance('uphold', one.providerRef, 'running')).status).toBe(200);
    const { result, lists, gets } = await counting(() => byIds([one.id]));
    expect(result[0]?.status).toBe('RUNNING');
    expect(lists).toBe(0);
    expect(gets).toBe(1);
  });

  it('when the list call fails, the ingestions are read with single GETs and the query still answers', async () => {
    const seeded = await seed('list-down', 5);
    expect((await server.advance('uphold', seeded[1].providerRef, 'running')).status).toBe(200);
    expect((await setFault({ status: 503, route: 'list' })).status).toBe(200);
    const failures = adapter.refreshStats.listFailures;
    const { result, lists, gets } = await counting(() => byIds(seeded.map((s) => s.id)));
    expect(result.map((i) => i?.status)).toEqual(['QUEUED', 'RUNNING', 'QUEUED', 'QUEUED', 'QUEUED']);
    expect(lists).toBeGreaterThanOrEqual(1); // the list was tried (and retried by callProvider)
    expect(gets).toBe(5);
    expect(adapter.refreshStats.listFailures - failures).toBe(1);
  });

  it('an ingestion Uphold does not list is read with a GET, and if Uphold has none the last known state is served', async () => {
    const seeded = await seed('ghost', 3);
    // a record we hold whose ingestion Uphold no longer has
    const [record] = await server.app.services.store.getMany<IngestionRecord>('ingestion', [seeded[0].id]);
    const ghostRef = `${record!.providerRef}-gone`;
    const ghost = { ...record!, providerRef: ghostRef, id: ingestionId('UPHOLD', ghostRef) };
    await server.app.services.store.put('ingestion', ghost);
    const { result, lists, gets } = await counting(() => byIds([seeded[0].id, ghost.id, seeded[1].id, seeded[2].id]));
    expect(result.map((i) => i?.id)).toEqual([seeded[0].id, ghost.id, seeded[1].id, seeded[2].id]);
    expect(result.map((i) => i?.status)).toEqual(['QUEUED', 'QUEUED', 'QUEUED', 'QUEUED']);
    expect(lists).toBe(1);
    expect(gets).toBe(1);

    // the adapter's answer keeps the order of the refs and says which one Uphold does not have
    const refs = [ghost, record!].map((r) => ({ providerRef: r.providerRef, source: r.source, userId: r.userId }));
    const views = await adapter.fetchIngestions([refs[0], refs[1], refs[0]]);
    expect(views[0]).toBeInstanceOf(Error);
    expect((views[0] as Error).message).toBe(`Uphold has no ingestion ${ghostRef}`);
    expect(views[1]).toMatchObject({ providerRef: record!.providerRef, status: 'QUEUED' });
    expect(views[2]).toBeInstanceOf(Error);
  });

  it('refs without a user are read one by one', async () => {
    const seeded = await seed('no-user', 2);
    const { result: views, lists, gets } = await counting(() =>
      adapter.fetchIngestions(seeded.map((s) => ({ providerRef: s.providerRef, source: 'SUMSUB' as const, userId: null }))),
    );
    expect(lists).toBe(0);
    expect(gets).toBe(2);
    // Uphold needs X-On-Behalf-Of for an organisation-wide client: each is an error of its own
    expect(views.every((v) => v instanceof Error)).toBe(true);
  });

  describe(`a user with more newer ingestions than one page (${LIST_PAGE_SIZE})`, () => {
    it('wanted ingestions on the second page cost two list calls', async () => {
      const seeded = await seed('deep-2', 2);
      await seedUpstreamOnly('deep-2', LIST_PAGE_SIZE + 20);
      const { result, lists, gets } = await counting(() => byIds(seeded.map((s) => s.id)));
      expect(result.every((i) => i?.status === 'QUEUED')).toBe(true);
      expect(lists).toBe(2);
      expect(gets).toBe(0);
    });

    it('paging stops once it has read as many pages as ids are missing; the rest are GETs', async () => {
      const seeded = await seed('deep-stop', 2);
      await seedUpstreamOnly('deep-stop', 2 * LIST_PAGE_SIZE + 20);
      const { result, lists, gets } = await counting(() => byIds(seeded.map((s) => s.id)));
      expect(result.every((i) => i?.status === 'QUEUED')).toBe(true);
      expect(lists).toBe(2); // never more than the two GETs it would replace
      expect(gets).toBe(2);
    });

    it(`paging stops after ${MAX_LIST_PAGES} pages however many ids are missing; the rest are GETs`, async () => {
      const seeded = await seed('deep-cap', 6);
      await seedUpstreamOnly('deep-cap', MAX_LIST_PAGES * LIST_PAGE_SIZE + 20);
      const { result, lists, gets } = await counting(() => byIds(seeded.map((s) => s.id)));
      expect(result.every((i) => i?.status === 'QUEUED')).toBe(true);
      expect(lists).toBe(MAX_LIST_PAGES);
      expect(gets).toBe(6);
    });
  });
});
