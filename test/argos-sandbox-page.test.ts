// The Argos reviewer page's "confirm or correct" step over plain HTTP: POST /sandbox/argos/{id}/advance
// with `fields` is checked as Argos checks step 2, and refused once step 2 is done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArgosSimulator } from '../src/providers/argos/simulator.js';
import { ArgosVerificationDocument } from './generated/graphql.js';
import { ok } from './support/client.js';
import { SANDBOX_FLOWS } from './support/sandbox-flows.js';
import { startServer, type TestServer } from './support/server.js';

const argos = SANDBOX_FLOWS.find((f) => f.key === 'argos')!;
let server: TestServer;
let sim: ArgosSimulator;
beforeAll(async () => {
  server = await startServer();
  sim = server.app.adapters.get('ARGOS')!.simulator as ArgosSimulator;
});
afterAll(() => server.close());

const fields = (over: Record<string, unknown> = {}) => ({ name: 'Hana Seo', date_of_birth: '1991-12-30', gender: '', nationality: 'KOR', ...over });

describe('confirming or correcting the Argos OCR fields (POST /sandbox/argos/{id}/advance with fields)', () => {
  it.each([
    ['a missing name', fields({ name: '  ' }), '"fields.name" is required'],
    ['a missing date of birth', fields({ date_of_birth: undefined }), '"fields.date_of_birth" is required'],
    ['a date not in YYYY-MM-DD', fields({ date_of_issue: '04/03/2019' }), '"fields.date_of_issue" must be YYYY-MM-DD'],
    ['a gender other than male or female', fields({ gender: 'x' }), '"fields.gender" must be male or female'],
    ['a two-letter nationality', fields({ nationality: 'KR' }), '"fields.nationality" must be ISO 3166-1 alpha-3'],
    ['a field step 2 does not have', fields({ email: 'a@b.c' }), '"fields.email" is not a step 2 field'],
    ['a value that is not text', fields({ name: 42 }), '"fields.name" must be a string'],
    ['fields that are not an object', ['Hana Seo'], '"fields" must be an object'],
  ])('refuses %s with 400 and leaves the submission and its webhooks alone', async (_, given, message) => {
    const v = await argos.start(server, 'fields-bad');
    const page = await (await fetch(v.url)).text();
    const webhooks = sim.webhooksSent;
    const res = await server.advance('argos', v.providerRef, 'pending', { fields: given });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain(message);
    expect(await (await fetch(v.url)).text()).toBe(page);
    expect(sim.webhooksSent).toBe(webhooks);
  });

  it('sends the corrected fields as step 2 (empty ones left out), so the verification holds them', async () => {
    const v = await argos.start(server, 'fields-ok');
    const res = await server.advance('argos', v.providerRef, 'pending', { fields: fields() });
    expect(res.status).toBe(200);
    const got = ok(await server.gql(ArgosVerificationDocument, { id: v.id })).verification!;
    expect(got.status).toBe('IN_REVIEW');
    expect(got.identityDocument).toMatchObject({ firstName: 'Hana', lastName: 'Seo', dateOfBirth: '1991-12-30', nationality: 'KR' });
    // the page shows what was confirmed, and offers no inputs any more
    const html = await (await fetch(v.url)).text();
    expect(html).toContain('confirmed as Hana Seo');
    expect(html).not.toContain('<form id="inputs"');
  });

  it('refuses to correct the fields once step 2 is done (409), but the reviewer can still approve', async () => {
    const v = await argos.start(server, 'fields-late');
    expect((await server.advance('argos', v.providerRef, 'pending')).status).toBe(200);
    const late = await server.advance('argos', v.providerRef, 'approved', { fields: fields() });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { message: string }).message).toContain('can no longer be corrected');
    expect((await server.advance('argos', v.providerRef, 'approved')).status).toBe(200);
    const got = ok(await server.gql(ArgosVerificationDocument, { id: v.id })).verification!;
    expect(got.status).toBe('APPROVED');
    expect(got.identityDocument?.firstName).not.toBe('Hana');
  });
});
