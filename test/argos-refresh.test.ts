// Argos status refresh through the verification loader (GET /submission, upstream calls counted)
// and the 4 h submissionId validity becoming EXPIRED.
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArgosAdapter } from '../src/providers/argos/index.js';
import type { ArgosSimulator } from '../src/providers/argos/simulator.js';
import {
  ArgosUpdatesDocument,
  ArgosVerificationDocument,
  ConfirmArgosSubmissionDocument,
  ListVerificationsDocument,
  SubmitArgosDocumentDocument,
  type SubmitArgosDocumentInput,
} from './generated/graphql.js';
import { png, uploadRequest } from './support/argos.js';
import { firstError, graphqlRequest, ok, subscribe, until, wsClient } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
let sim: ArgosSimulator;
let adapter: ArgosAdapter;
let n = 0;

const submit = (over: Partial<SubmitArgosDocumentInput> = {}, image = png(800, 600, ++n)) =>
  uploadRequest(
    `${server.url}/graphql`,
    SubmitArgosDocumentDocument,
    { input: { subjectId: 'refresh', email: `r${++n}@example.com`, idType: 'DRIVERS_LICENSE', issuingCountry: 'USA', idImage: null, ...over } },
    { 'input.idImage': { bytes: image, name: 'id.png', type: 'image/png' } },
  );

beforeAll(async () => {
  server = await startServer({ STATUS_MAX_AGE_MS: '0', PROVIDER_CONCURRENCY: '2' });
  adapter = server.app.adapters.get('ARGOS') as ArgosAdapter;
  sim = adapter.simulator!;
});
afterAll(() => server.close());

describe('reading Argos verifications', () => {
  it('a list of N stale Argos verifications makes N submission GETs, at most PROVIDER_CONCURRENCY at a time', async () => {
    for (let i = 0; i < 5; i++) ok(await submit({ subjectId: 'batch-argos' }));
    const gets = sim.requests.get;
    sim.requests.maxInFlight = 0;
    const page = ok(await server.gql(ListVerificationsDocument, { filter: { subjectId: 'batch-argos', provider: 'ARGOS' }, first: 10 })).verifications;
    expect(page.edges).toHaveLength(5);
    expect(sim.requests.get - gets).toBe(5);
    expect(sim.requests.maxInFlight).toBeLessThanOrEqual(2);
  });

  it('N verification(id) fields in one request are refreshed once each', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(ok(await submit()).submitArgosDocument.id);
    const gets = sim.requests.get;
    const q = parse(`{ ${[...ids, ids[0]].map((id, i) => `v${i}: verification(id: "${id}") { id status }`).join(' ')} }`);
    ok(await graphqlRequest(`${server.url}/graphql`, q as never));
    expect(sim.requests.get - gets).toBe(3);
  });

  it('a reviewer decision made while no webhook got through is picked up by the refresh, keeping the OCR data', async () => {
    const v = ok(await submit()).submitArgosDocument;
    // the webhook target refuses everything, so only a refresh can tell
    const route = server.app.webhooks.receive.bind(server.app.webhooks);
    server.app.webhooks.receive = async () => ({ status: 503, body: { error: 'down' } });
    try {
      await server.advance('argos', v.providerRef, 'approved');
    } finally {
      server.app.webhooks.receive = route;
    }
    const read = ok(await server.gql(ArgosVerificationDocument, { id: v.id })).verification!;
    expect(read).toMatchObject({ status: 'APPROVED', providerStatus: 'approved' });
    expect((read.details as { reviewOCRData: unknown }).reviewOCRData).toEqual((v.details as { reviewOCRData: unknown }).reviewOCRData);
    // final: no further GETs
    const gets = sim.requests.get;
    ok(await server.gql(ArgosVerificationDocument, { id: v.id }));
    expect(sim.requests.get).toBe(gets);
  });
});

describe('submission validity (4 hours, shortened here)', () => {
  it('a submission past its validity becomes EXPIRED when read, subscribers are told, and it can no longer be confirmed or retried', async () => {
    adapter.submissionTtlMs = 1500;
    try {
      const client = wsClient(server.url);
      const v = ok(await submit({ subjectId: 'expiring' })).submitArgosDocument;
      const low = ok(await submit({ subjectId: 'expiring' }, png(120, 90, 77))).submitArgosDocument;
      expect(low.status).toBe('RETRY_REQUIRED');
      expect(Date.parse(v.expiresAt!) - Date.now()).toBeLessThanOrEqual(1500);
      const subs = server.app.services.bus.subscriberCount;
      const sub = subscribe(client, ArgosUpdatesDocument, { subjectId: 'expiring' });
      await until(() => server.app.services.bus.subscriberCount === subs + 1);
      await new Promise((r) => setTimeout(r, 1600));
      const gets = sim.requests.get;
      const read = ok(await server.gql(ArgosVerificationDocument, { id: v.id })).verification!;
      expect(sim.requests.get - gets).toBe(1);
      expect(read).toMatchObject({ status: 'EXPIRED', providerStatus: 'incomplete', details: { nextStep: 'NONE' } });
      expect((await sub.next()).verificationUpdated).toMatchObject({ previousStatus: 'IN_PROGRESS', verification: { id: v.id, status: 'EXPIRED' } });
      const before = sim.requests.step2;
      const confirm = await uploadRequest(
        `${server.url}/graphql`,
        ConfirmArgosSubmissionDocument,
        { input: { submissionId: v.providerRef, name: 'A B', dateOfBirth: '1990-01-01', faceImage: null } },
        { 'input.faceImage': { bytes: png(960, 720, 1), name: 'f.png', type: 'image/png' } },
      );
      expect(firstError(confirm)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.submissionId' });
      expect(firstError(confirm)?.message).toMatch(/expired/);
      expect(sim.requests.step2).toBe(before);
      const retry = await submit({ submissionId: low.providerRef });
      expect(firstError(retry)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.submissionId' });
      sub.close();
      await client.dispose();
    } finally {
      adapter.submissionTtlMs = 4 * 3600_000;
    }
  });

  it('the simulator itself refuses step 2 for an expired submissionId', async () => {
    adapter.submissionTtlMs = 300;
    try {
      const v = ok(await submit()).submitArgosDocument;
      await new Promise((r) => setTimeout(r, 400));
      const fd = new FormData();
      fd.append('submissionId', v.providerRef);
      fd.append('name', 'A B');
      fd.append('date_of_birth', '1990-01-01');
      fd.append('faceImage', new Blob([png(960, 720, 2)], { type: 'image/png' }), 'face.png');
      const res = await fetch(`${server.url}/sandbox/argos/v3/submission/step2`, { method: 'POST', headers: { 'x-api-key': server.config.providers.argos.apiKey }, body: fd });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ message: 'invalid submission id' });
    } finally {
      adapter.submissionTtlMs = 4 * 3600_000;
    }
  });
});
