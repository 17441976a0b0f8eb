// The Argos simulator on its own: the seed's step 1 / step 2 rules and error messages over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArgosSimulator } from '../src/providers/argos/simulator.js';
import { jpeg, png } from './support/argos.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
let sim: ArgosSimulator;
let n = 0;
const key = () => server.config.providers.argos.apiKey;

function step1Form(over: Record<string, string | Blob | null> = {}) {
  const fields: Record<string, string | Blob | null> = {
    email: `sim${++n}@example.com`,
    idType: 'passport',
    issuingCountry: 'KOR',
    idImage: new Blob([png(800, 600, n)], { type: 'image/png' }),
    ...over,
  };
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== null) (v instanceof Blob ? fd.append(k, v, `${k}.png`) : fd.append(k, v));
  return fd;
}

const post = (path: string, body: FormData | string, headers: Record<string, string> = { 'x-api-key': key() }) =>
  fetch(`${server.url}/sandbox/argos/v3/submission/${path}`, { method: 'POST', headers, body });

beforeAll(async () => {
  server = await startServer();
  sim = server.app.adapters.get('ARGOS')!.simulator as ArgosSimulator;
});
afterAll(() => server.close());

describe('the Argos simulator', () => {
  it('refuses a body over two images plus fields with 413, streamed or declared', async () => {
    const big = () => step1Form({ idImage: new Blob([png(800, 600, 1), new Uint8Array(5 * 1024 * 1024)], { type: 'image/png' }) });
    const declared = await post('step1', big());
    expect(declared.status).toBe(413);
    // no content-length: counted while streaming
    const body = new Response(big()).body!;
    const type = new Response(big()).headers.get('content-type')!;
    const chunked = await fetch(`${server.url}/sandbox/argos/v3/submission/step1`, { method: 'POST', headers: { 'x-api-key': key(), 'content-type': type }, body, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    // the connection stays usable
    expect((await post('step1', step1Form())).status).toBe(200);
  });

  it('answers step 1 with the seed output fields', async () => {
    const res = await post('step1', step1Form({ idBackImage: new Blob([jpeg(800, 600, 1)], { type: 'image/jpeg' }) }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      ['document_fields', 'file_back_upload', 'file_upload', 'idBackImage', 'idImage', 'kycStatus', 'missing_fields', 'retryCount', 'reviewOCRData', 'submissionId'].sort(),
    );
    expect(body).toMatchObject({ kycStatus: 'incomplete', retryCount: 0, file_upload: 'true', file_back_upload: 'true' });
  });

  it.each([
    ['no x-api-key', () => post('step1', step1Form(), {}), 401, 'invalid api key'],
    ['a wrong x-api-key', () => post('step1', step1Form(), { 'x-api-key': 'nope' }), 401, 'invalid api key'],
    ['a JSON body', () => post('step1', '{"email":"a@b.co"}', { 'x-api-key': key(), 'content-type': 'application/json' }), 400, 'failed to parse the input data'],
    ['no email', () => post('step1', step1Form({ email: null })), 400, 'missing required parameters'],
    ['no idImage', () => post('step1', step1Form({ idImage: null })), 400, 'missing required parameters'],
    ['an unknown idType', () => post('step1', step1Form({ idType: 'library_card' })), 400, 'invalid id type'],
    ['a bad email', () => post('step1', step1Form({ email: 'nope' })), 400, 'invalid email address format'],
    ['an alpha-2 country', () => post('step1', step1Form({ issuingCountry: 'KR' })), 400, 'failed to parse the input data'],
    ['a text file as idImage', () => post('step1', step1Form({ idImage: new Blob(['hello'], { type: 'image/png' }) })), 400, 'invalid id image'],
    ['an image over 2 MB', () => post('step1', step1Form({ idImage: new Blob([png(800, 600, 1), new Uint8Array(2 * 1024 * 1024)], { type: 'image/png' }) })), 400, 'invalid id image'],
    ['customOptions that turn an option on', () => post('step1', step1Form({ customOptions: '{"ageLimit":true}' })), 400, 'failed to parse the input data'],
    ['customOptions that are not JSON', () => post('step1', step1Form({ customOptions: '{ageLimit:false' })), 400, 'failed to parse the input data'],
    ['an unknown submissionId', () => post('step1', step1Form({ submissionId: 'nope' })), 400, 'invalid submission id'],
    ['a multipart body cut off mid-part', () => post('step1', '--x\r\ncontent-disposition: form-data; name="email"\r\n\r\na@b.co', { 'x-api-key': key(), 'content-type': 'multipart/form-data; boundary=x' }), 400, 'failed to parse the input data'],
    ['step 2 for an unknown submissionId', () => post('step2', (() => { const f = new FormData(); f.append('submissionId', 'nope'); return f; })()), 400, 'invalid submission id'],
  ])('refuses %s with the documented message', async (_what, call, status, message) => {
    const res = await call();
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ message });
  });

  it('step 2 requires a face image, name and date of birth, and a processed submission cannot be confirmed twice', async () => {
    const { submissionId } = (await (await post('step1', step1Form())).json()) as { submissionId: string };
    const step2 = (over: Record<string, string | Blob | null>) => {
      const f = new FormData();
      const fields = { submissionId, name: 'A B', date_of_birth: '1990-01-01', faceImage: new Blob([png(960, 720, 1)], { type: 'image/png' }), ...over };
      for (const [k, v] of Object.entries(fields)) if (v !== null) (v instanceof Blob ? f.append(k, v, 'face.png') : f.append(k, v));
      return post('step2', f);
    };
    expect(await (await step2({ faceImage: null })).json()).toEqual({ message: 'invalid face image' });
    expect(await (await step2({ name: null })).json()).toEqual({ message: 'missing required parameters for identity verification' });
    expect(await (await step2({ gender: 'other' })).json()).toEqual({ message: 'failed to parse the input data' });
    const ok = await step2({});
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ verificationResult: 'success', kycStatus: 'pending', retryCount: 0 });
    expect(await (await step2({})).json()).toEqual({ message: 'this submission is already processed' });
    const got = await fetch(`${server.url}/sandbox/argos/v3/submission?submission_id=${submissionId}`, { headers: { 'x-api-key': key() } });
    // the real read-back shape: a list, personal data under `data`, the result under `kyc`, Argos's dates
    const body = (await got.json()) as { Items: { created_at: string }[] };
    expect(body).toMatchObject({ Items: [{ submission_id: submissionId, kyc: { result: 'pending' }, data: { full_name: 'A B', date_of_birth: '1990-01-01' } }] });
    expect(body.Items[0].created_at).toMatch(/^\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\d{3}$/);
    expect(body).not.toHaveProperty('Items.0.kyc_result');
    expect(sim.requests.get).toBeGreaterThan(0);
  });
});
