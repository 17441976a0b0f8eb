// Stale UpPass statuses are refreshed through applied-form info: one capped batch per request,
// upstream calls counted by the simulator; a refresh failure keeps the last known state.
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpPassSimulator } from '../src/providers/uppass/simulator.js';
import { GetUpPassVerificationDocument, ListVerificationsDocument, StartUpPassDocument } from './generated/graphql.js';
import { graphqlRequest, ok } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
let sim: UpPassSimulator;
beforeAll(async () => {
  server = await startServer({ STATUS_MAX_AGE_MS: '0', PROVIDER_CONCURRENCY: '3' });
  sim = server.app.adapters.get('UPPASS')!.simulator as UpPassSimulator;
});
afterAll(() => server.close());

async function seed(subjectId: string, n: number) {
  const out: { id: string; providerRef: string }[] = [];
  for (let i = 0; i < n; i++) {
    out.push(ok(await server.gql(StartUpPassDocument, { input: { subjectId, formSlug: `flow-${i % 2}`, lang: i % 2 ? 'th' : 'en' } })).startUpPassVerification);
  }
  return out;
}

/** Makes the next advance's webhook fail once with no retry, as if it were lost. */
async function advanceWithLostWebhook(ref: string, to: string) {
  const adapter = server.app.adapters.get('UPPASS') as unknown as { secrets: string[] };
  const options = (sim as unknown as { options: { webhookAttempts?: number } }).options;
  const secrets = adapter.secrets;
  adapter.secrets = ['lost'];
  options.webhookAttempts = 1;
  try {
    expect((await server.advance('uppass', ref, to)).status).toBe(202);
  } finally {
    adapter.secrets = secrets;
    delete options.webhookAttempts;
  }
}

describe('refreshing stale UpPass statuses (STATUS_MAX_AGE_MS=0)', () => {
  it('a list of N UpPass verifications makes N applied-form info calls, at most PROVIDER_CONCURRENCY at once', async () => {
    await seed('stale-uppass', 8);
    const infos = sim.requests.info;
    sim.requests.maxInFlight = 0;
    // each info call takes a while, so calls overlap and the cap is what limits them
    await fetch(`${server.url}/sandbox/uppass/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ delayMs: 100, times: 8 }) });
    const page = ok(await server.gql(ListVerificationsDocument, { filter: { subjectId: 'stale-uppass' }, first: 8 })).verifications;
    expect(page.edges).toHaveLength(8);
    expect(sim.requests.info - infos).toBe(8);
    expect(sim.requests.maxInFlight).toBeGreaterThan(1);
    expect(sim.requests.maxInFlight).toBeLessThanOrEqual(3);
  });

  it('N verification(id) fields in one request are one batch of info calls, each id once', async () => {
    const seeded = await seed('aliases', 4);
    const ids = [...seeded.map((s) => s.id), seeded[0].id];
    const infos = sim.requests.info;
    const doc = parse(`{ ${ids.map((id, i) => `v${i}: verification(id: "${id}") { id status }`).join(' ')} }`);
    const data = ok(await graphqlRequest(`${server.url}/graphql`, doc as never)) as Record<string, { id: string } | null>;
    expect(Object.values(data).filter(Boolean)).toHaveLength(5);
    expect(sim.requests.info - infos).toBe(4);
  });

  it('a status whose webhook was lost is picked up on the next read, with its eKYC data, in the right language and form', async () => {
    const [v] = await seed('lost', 2).then((s) => s.slice(1)); // the second one: flow-1 in th
    await advanceWithLostWebhook(v.providerRef, 'rejected');
    const got = ok(await server.gql(GetUpPassVerificationDocument, { id: v.id })).verification!;
    expect(got).toMatchObject({ status: 'DECLINED', providerStatus: 'rejected', url: expect.stringContaining('/th/form/flow-1/'), details: { formSlug: 'flow-1', lang: 'th', ekycStatus: 'fail', bankStatement: { documentCount: 2 } } });
    expect(got.identityDocument?.type).toBe('NATIONAL_ID');
  });

  it('final statuses are never refreshed', async () => {
    const [v] = await seed('final-uppass', 1);
    await server.advance('uppass', v.providerRef, 'accepted');
    const infos = sim.requests.info;
    ok(await server.gql(GetUpPassVerificationDocument, { id: v.id }));
    expect(sim.requests.info - infos).toBe(0);
  });

  it('when UpPass fails the refresh, the last known state is served', async () => {
    const [v] = await seed('refresh-fails', 1);
    await server.advance('uppass', v.providerRef, 'in_progress');
    await fetch(`${server.url}/sandbox/uppass/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 500, times: 1 }) });
    const got = ok(await server.gql(GetUpPassVerificationDocument, { id: v.id })).verification!;
    expect(got).toMatchObject({ status: 'IN_PROGRESS', providerStatus: 'in_progress', url: expect.stringContaining(v.providerRef) });
    await fetch(`${server.url}/sandbox/uppass/faults`, { method: 'DELETE' });
  });
});
