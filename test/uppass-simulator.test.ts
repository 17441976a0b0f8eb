// The UpPass simulator answers as UpPass (a Django REST Framework API) does: its paths, Bearer
// api_token, the documented error types in DRF's order, credit; and the mapping rules in isolation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toError } from '../src/providers/uppass/client.js';
import { mergeView, toUnifiedStatus, toView, UPPASS_ERROR_TYPES, type UpPassCreateFormResponse } from '../src/providers/uppass/mapper.js';
import { canAdvance } from '../src/providers/uppass/simulator.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
let base: string;
let auth: Record<string, string>;
beforeAll(async () => {
  server = await startServer();
  base = `${server.url}/sandbox/uppass`;
  auth = { authorization: `Bearer ${server.config.providers.uppass.apiKey}`, 'content-type': 'application/json' };
});
afterAll(() => server.close());

const create = (body: string | undefined, headers = auth, path = '/en/api/forms/my-flow/create/', method = 'POST') => fetch(`${base}${path}`, { method, headers, body });

describe('UpPass simulator API', () => {
  it('creates a form application with the seed response body', async () => {
    const res = await create(JSON.stringify({ answers: { customer_id: 'uuid_1' } }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as UpPassCreateFormResponse;
    expect(Object.keys(body).sort()).toEqual(['detail', 'form_url', 'info']);
    expect(Object.keys(body.detail).sort()).toEqual(['form', 'section', 'slug', 'step', 'submitted_at']);
    expect(body.detail).toMatchObject({ form: 'my-flow', submitted_at: null });
    expect(body.form_url).toBe(`${base}/en/form/my-flow/${body.detail.slug}/?`);
    expect(body.info).toBe(`${base}/en/api/forms/my-flow/applied-forms/${body.detail.slug}/info/`);
    const info = await fetch(body.info, { headers: auth });
    expect(await info.json()).toMatchObject({ detail: { slug: body.detail.slug }, application: { slug: body.detail.slug, form: 'my-flow', status: 'created', other_status: { ekyc: null } } });
    expect((await fetch(body.info.replace('my-flow', 'other-flow'), { headers: auth })).status).toBe(404);
  });

  it('answers 401 NotAuthenticated without a token and AuthenticationFailed with a wrong one', async () => {
    const none = await create('{}', { 'content-type': 'application/json' });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ type: 'NotAuthenticated', detail: 'Authentication credentials were not provided.' });
    const wrong = await create('{}', { ...auth, authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { type: string }).type).toBe('AuthenticationFailed');
  });

  it.each([
    ['an unknown language prefix', () => create('{}', auth, '/xx/api/forms/f/create/'), 404, 'Http404'],
    ['an unknown API path', () => create('{}', auth, '/en/api/nothing/'), 404, 'NotFound'],
    ['an Accept it cannot satisfy', () => create('{}', { ...auth, accept: 'text/html' }), 406, 'NotAcceptable'],
    ['a GET on create', () => create(undefined, auth, '/en/api/forms/f/create/', 'GET'), 405, 'MethodNotAllowed'],
    ['a non-JSON content type', () => create('answers=1', { ...auth, 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UnsupportedMediaType'],
    ['a malformed JSON body', () => create('{"answers":', auth), 400, 'ParseError'],
  ])('refuses %s with %i %s', async (_what, call, status, type) => {
    const res = await call();
    expect(res.status).toBe(status);
    expect(((await res.json()) as { type: string }).type).toBe(type);
  });

  // seed l.58: a ValidationError answers the field map itself, e.g. {"input": ["Input is invalid."]}
  it.each([
    ['a body that is not an object', () => create('[1]', auth), { non_field_errors: ['Invalid data. Expected a dictionary.'] }],
    ['answers that are not an object', () => create('{"answers":[1]}', auth), { answers: ['Expected a dictionary of items.'] }],
    ['an ekyc_document_type UpPass does not offer', () => create('{"answers":{"ekyc_document_type":"selfie"}}', auth), { answers: { ekyc_document_type: ['Not a valid choice.'] } }],
  ])('refuses %s with 422 and the field map', async (_what, call, fields) => {
    const res = await call();
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual(fields);
  });

  it('checks authentication before the method, as DRF does', async () => {
    expect((await create(undefined, { 'content-type': 'application/json' }, '/en/api/forms/f/create/', 'GET')).status).toBe(401);
  });

  it('a workspace out of credit answers 461 InsufficientCredit; credit is set through /sandbox/uppass/workspace', async () => {
    const set = (credit: unknown) => fetch(`${base}/workspace`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ credit }) });
    expect((await set(-1)).status).toBe(400);
    expect(await (await set(0)).json()).toEqual({ credit: 0 });
    const res = await create('{}');
    expect(res.status).toBe(461);
    expect(await res.json()).toEqual({ type: 'InsufficientCredit', detail: 'Insufficient Credit' });
    expect(await (await fetch(`${base}/workspace`)).json()).toEqual({ credit: 0 });
    await set(null);
    expect((await create('{}')).status).toBe(201);
  });

  it('the form page escapes everything it shows', async () => {
    const res = await create(JSON.stringify({ answers: { note: '<script>alert(1)</script>' } }));
    const { form_url } = (await res.json()) as UpPassCreateFormResponse;
    const html = await (await fetch(form_url)).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('data-to="in_progress"');
    expect((await fetch(form_url.replace('/form/my-flow/', '/form/not-my-flow/'))).status).toBe(404);
  });

  it('resend answers the short webhook body (event and application)', async () => {
    const { detail } = (await (await create('{}')).json()) as UpPassCreateFormResponse;
    const res = await fetch(`${base}/th/api/forms/my-flow/applied-forms/${detail.slug}/resend-webhook/`, { method: 'POST', headers: auth });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['application', 'event']);
    expect(body.application).toMatchObject({ slug: detail.slug, form: 'my-flow', status: 'created' });
    expect((await fetch(`${base}/en/api/forms/my-flow/applied-forms/nope/resend-webhook/`, { method: 'POST', headers: auth })).status).toBe(404);
  });
});

describe('UpPass lifecycle and mapping', () => {
  it('moves forward only; a form drops off only before submission', () => {
    expect(canAdvance('created', 'accepted')).toBe(true);
    expect(canAdvance('in_progress', 'expired')).toBe(true);
    expect(canAdvance('complete', 'expired')).toBe(false);
    expect(canAdvance('complete', 'review_needed')).toBe(true);
    expect(canAdvance('review_needed', 'complete')).toBe(false);
    expect(canAdvance('accepted', 'rejected')).toBe(false);
  });

  it('maps application status, other_status.ekyc and the event type to the unified status', () => {
    expect(toUnifiedStatus('created', null, null, null)).toBe('CREATED');
    expect(toUnifiedStatus('in_progress', null, 'update_status', null)).toBe('IN_PROGRESS');
    expect(toUnifiedStatus('review_needed', 'need_review', 'submit_form', 'x')).toBe('IN_REVIEW');
    expect(toUnifiedStatus('accepted', 'fail', 'update_status', 'x')).toBe('APPROVED'); // the decision wins
    expect(toUnifiedStatus('rejected', 'pass', 'update_status', 'x')).toBe('DECLINED');
    expect(toUnifiedStatus('complete', 'pass', 'submit_form', 'x')).toBe('APPROVED');
    expect(toUnifiedStatus('complete', 'fail', 'submit_form', 'x')).toBe('DECLINED');
    expect(toUnifiedStatus('complete', null, 'submit_form', 'x')).toBe('IN_REVIEW');
    expect(toUnifiedStatus('in_progress', null, 'drop_off', null)).toBe('EXPIRED');
    expect(toUnifiedStatus('expired', null, null, null)).toBe('EXPIRED');
    expect(toUnifiedStatus('in_progress', null, 'ekyc_liveness_reached_max_attempt', null)).toBe('DECLINED');
    expect(toUnifiedStatus('accepted', 'pass', 'ekyc_liveness_reached_max_attempt', 'x')).toBe('APPROVED');
  });

  it('keeps what a partial delivery leaves out', () => {
    const full = toView({ event: { type: 'submit_form', nounce: 'n', created_at: '2026-11-25T10:00:00Z' }, application: { id: 1, no: 'A', form: 'f', slug: 's', status: 'review_needed', other_status: { ekyc: 'need_review' }, submitted_at: '2026-11-25T10:00:00Z' }, extra: { ekyc: { face_compare: { score: 0.5, status: 'need_review' } } } });
    const current = { ...full, url: 'https://app.uppass.io/en/form/f/s/?', details: { ...full.details!, lang: 'en' } };
    const short = toView({ event: { type: 'update_status', nounce: 'm', created_at: '2026-11-25T11:00:00Z' }, application: { id: 1, no: 'A', form: 'f', slug: 's', status: 'accepted', other_status: { ekyc: 'pass' }, submitted_at: '2026-11-25T10:00:00Z' } });
    const merged = mergeView(current, short);
    expect(merged).toMatchObject({ status: 'APPROVED', providerStatus: 'accepted', url: current.url, providerUpdatedAt: '2026-11-25T11:00:00.000Z', details: { lang: 'en', ekycStatus: 'pass', faceCompare: { score: 0.5 } } });
  });

  it('maps every documented error type by status when the body names none', () => {
    const res = (status: number, text = '') => ({ status, text, headers: new Headers(), json: () => JSON.parse(text) });
    for (const [status, type] of Object.entries(UPPASS_ERROR_TYPES)) {
      const err = toError(res(Number(status), '<html>oops</html>'));
      const code = Number(status) >= 500 ? 'PROVIDER_UNAVAILABLE' : Number(status) === 429 ? 'RATE_LIMITED' : 'PROVIDER_REJECTED';
      expect(err.extensions).toMatchObject({ code, provider: 'UPPASS' });
      if (code === 'PROVIDER_REJECTED') expect(err.extensions.providerErrorType).toBe(type);
    }
    expect(toError(res(401, '{"detail":"Authentication credentials were not provided."}')).extensions.providerErrorType).toBe('NotAuthenticated');
    // a bare DRF field map (no wrapper) still names the field
    expect(toError(res(422, '{"lang":["Not a valid choice."]}')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lang' });
    expect(toError(res(422, '{"type":"ValidationError","detail":{"form_slug":["Unknown."]}}')).extensions).toMatchObject({ field: 'input.formSlug' });
  });
});
