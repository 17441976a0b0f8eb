// Personal data never reaches the logs: every log line of full flows through all five providers,
// at LOG_LEVEL=trace, with failing provider calls and rejected webhooks, is searched for the names,
// dates of birth, document numbers, e-mails, phones, image and download links, keys and tokens
// those flows carried. The logger itself is also fed the providers' raw payloads directly.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providerRejected } from '../src/errors.js';
import { simulateOcr } from '../src/providers/argos/simulator.js';
import { sign } from '../src/providers/pawapass/webhook.js';
import { newApiKey } from '../src/server/auth.js';
import { createLogger } from '../src/server/app.js';
import {
  ArgosVerificationDocument,
  ConfirmArgosSubmissionDocument,
  CreateIngestionDocument,
  CreateKycCheckDocument,
  EraseSubjectDocument,
  GetIngestionDocument,
  GetUpPassVerificationDocument,
  GetVerificationDocument,
  StartPawaPassDocument,
  StartUpPassDocument,
  SubmitArgosDocumentDocument,
  UserCheckDocument,
} from './generated/graphql.js';
import { png, sha256, uploadRequest } from './support/argos.js';
import { firstError, ok } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';

/** A pino destination that keeps every line. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n')) if (l) lines.push(l);
      done();
    },
  });
  return { lines, stream };
}

/** Polls an async condition (the shared `until` takes a synchronous one). */
async function eventually(check: () => Promise<boolean>, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The values of `pii` that appear in any line, with the line. */
function leaks(lines: string[], pii: Record<string, string>) {
  const found: string[] = [];
  for (const [what, value] of Object.entries(pii)) {
    for (const needle of new Set([value, JSON.stringify(value).slice(1, -1)])) {
      const line = lines.find((l) => l.includes(needle));
      if (line) found.push(`${what} (${value}) in ${line.slice(0, 300)}`);
    }
  }
  return found;
}

describe('the logger', () => {
  it('censors personal data and secrets by key name at any depth, in any spelling, in arrays, and in child bindings', () => {
    const { lines, stream } = capture();
    const log = createLogger('trace', stream);
    const session = {
      id: 'v-1',
      phoneNo: '+260977000111',
      metadata: { note: 'meta-note-1' },
      identityDocument: { firstName: 'Chanda', lastName: 'Mwale', dateOfBirth: '1988-08-08', nationalNo: 'NRC998877', serialNo: 'SER-554433' },
    };
    const webhook = {
      event: { type: 'submit_form' },
      application: { slug: 'abc' },
      answers: { email: { value: 'chanda@pii.example' } },
      extra: { ekyc: { identity_document: { face_image_url: 'https://media.pii.example/face.png', attempts: [{ url: 'https://media.pii.example/front.png' }] } } },
      deeper: { a: { b: { c: { d: { e: { Date_Of_Birth: '1977-07-07', download_url: 'https://dl.pii.example/x.zip' } } } } } },
    };
    log.info({ session }, 'a session');
    log.debug({ webhook }, 'a webhook');
    // child bindings: censored at their top level (pino applies redact, not formatters.log, to them)
    log.child({ access_token: 'tok-child-123456', apiKey: 'key-child-123456' }).info('a child');
    log.warn({ headers: { authorization: 'Bearer tok-header-123456' }, body: '{"email":"body@pii.example"}' }, 'a request');
    expect(leaks(lines, {
      phone: '+260977000111', note: 'meta-note-1', first: 'Chanda', last: 'Mwale', dob: '1988-08-08', national: 'NRC998877', serial: 'SER-554433',
      email: 'chanda@pii.example', face: 'https://media.pii.example/face.png', front: 'https://media.pii.example/front.png',
      deepDob: '1977-07-07', download: 'https://dl.pii.example/x.zip', token: 'tok-child-123456', key: 'key-child-123456',
      bearer: 'tok-header-123456', body: 'body@pii.example',
    })).toEqual([]);
    // what is not personal stays readable
    expect(lines.join('\n')).toContain('"slug":"abc"');
    expect(lines.join('\n')).toContain('"type":"submit_form"');
    expect(lines.join('\n')).toContain('[redacted]');
  });

  it('logs an error by its code and provider facts, never by the provider message or the input it quotes', () => {
    const { lines, stream } = capture();
    const log = createLogger('trace', stream);
    const rejected = providerRejected('PAWAPASS', 400, 'VALIDATION_ERROR', 'phoneNo +260977222333 is not valid for chanda@pii.example');
    log.warn({ err: rejected }, 'refresh failed');
    let parseError: unknown;
    try {
      JSON.parse('{"firstName":"Chanda", oops');
    } catch (e) {
      parseError = e;
    }
    log.error({ err: parseError }, 'bad json');
    log.error({ err: new Error('could not fetch https://files.pii.example/id.png for +260 977 444 555 born 1966-06-06') }, 'plain error');
    expect(leaks(lines, { phone: '+260977222333', email: 'chanda@pii.example', name: 'Chanda', url: 'https://files.pii.example/id.png', phone2: '977 444 555', dob: '1966-06-06' })).toEqual([]);
    const [first, , third] = lines.map((l) => JSON.parse(l));
    expect(first.err).toEqual({ type: 'KycError', code: 'PROVIDER_REJECTED', provider: 'PAWAPASS', httpStatus: 400, providerErrorType: 'VALIDATION_ERROR' });
    expect(third.err.message).toBe('could not fetch [url] for [number] born [date]');
    expect(third.err.stack).toContain('pii-logs.test.ts');
  });
});

describe('full flows at LOG_LEVEL=trace', () => {
  const logs = capture();
  const key = newApiKey('pii-tenant', ['verifications:read', 'verifications:write', 'checks:read', 'checks:write', 'ingestions:read', 'ingestions:write', 'sandbox:admin', 'subjects:erase', 'audit:read']);
  const auth = { authorization: `Bearer ${key.key}` };
  let server: TestServer;
  /** Every value that must not be logged, by what it is. */
  const pii: Record<string, string> = {
    apiKey: key.key,
    pawaPassPhone: '+260977123456',
    pawaPassMetadataEmail: 'tisa.meta@pii-test.example',
    pawaPassMetadataNote: 'pii-note-7f3a',
    // an erasure reason may quote the person (it is never stored or logged)
    erasureReason: 'request by erasure.requester@pii-test.example',
    // the pawaPass simulator's filled document
    pawaPassFirstName: 'Tisa',
    pawaPassLastName: 'Banda',
    pawaPassDob: '1997-05-10',
    pawaPassNationalNo: 'Z12345678',
    pawaPassSerialNo: '9876543/21/1',
    upPassEmail: 'somchai.answers@pii-test.example',
    upPassPhone: '+66812345678',
    upPassFirstName: 'Somchai',
    upPassLastName: 'Jaidee',
    upPassDob: '1990-04-12',
    argosEmail: 'minjun.argos@pii-test.example',
    argosName: 'Minjun Parkpii',
    argosDob: '1991-02-03',
    argosDocumentNumber: 'M7654321',
    upvestDownloadLink: 'https://bucket.pii-test.example/ident/user-secret-4711.zip',
    upholdDocumentNumber: 'ZN1234567',
    upholdFullName: 'Tisa Banda',
    forgedWebhookEmail: 'forged@pii-test.example',
  };

  beforeAll(async () => {
    server = await startServer(
      { LOG_LEVEL: 'trace', API_KEYS: JSON.stringify([key.entry]), UPHOLD_SANDBOX_STEP_MS: '20', INGESTION_POLL_INTERVAL_MS: '0', UPVEST_WEBHOOK_DELAY_MS: '10' },
      logs.stream,
    );
    // every provider key, webhook secret and client secret of this server
    const walk = (o: unknown, path: string) => {
      if (typeof o === 'string' && /key|secret|password|token/i.test(path) && o.length >= 8) {
        // a PEM is checked by a line of its body
        const probe = o.includes('-----BEGIN') ? o.split('\n').find((l) => l.length > 40 && !l.startsWith('-----')) ?? o : o;
        pii[`config ${path}`] = probe;
      } else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
    };
    walk(server.config.providers, 'providers');
  });
  afterAll(() => server.close());

  const sandbox = (path: string, body?: unknown, method = 'POST') =>
    fetch(`${server.url}/sandbox${path}`, { method, headers: { 'content-type': 'application/json', ...auth }, body: body === undefined ? undefined : JSON.stringify(body) });

  it('a pawaPass verification through approval, with metadata, phone and e-mail', async () => {
    const v = ok(
      await server.gql(StartPawaPassDocument, {
        input: {
          subjectId: 'pii-pawapass',
          externalId: 'pii-pawapass-kyc',
          requirements: [{ type: 'DOCUMENT_SCAN' }, { type: 'FACE_SCAN' }],
          successUrl: 'https://example.com/success',
          errorUrl: 'https://example.com/error',
          supportUrl: 'https://example.com/support',
          country: 'ZM',
          phoneNo: pii.pawaPassPhone,
          metadata: { email: pii.pawaPassMetadataEmail, note: pii.pawaPassMetadataNote, contact: { phoneNo: pii.pawaPassPhone } },
        },
      }, auth),
    ).startPawaPassVerification;
    expect((await server.advance('pawapass', v.providerRef, 'APPROVED', {}, { authorization: `Bearer ${key.key}` })).status).toBe(200);
    await eventually(async () => ok(await server.gql(GetVerificationDocument, { id: v.id }, auth)).verification?.status === 'APPROVED');
    const read = ok(await server.gql(GetVerificationDocument, { id: v.id }, auth)).verification!;
    // the flow really carried the values the logs are searched for
    expect(read.identityDocument).toMatchObject({ firstName: pii.pawaPassFirstName, lastName: pii.pawaPassLastName, dateOfBirth: pii.pawaPassDob, nationalNo: pii.pawaPassNationalNo });
  });

  it('pawaPass answering 400 and 503, and webhooks that are forged or malformed', async () => {
    const input = {
      subjectId: 'pii-fault',
      externalId: 'pii-fault-kyc',
      requirements: [{ type: 'DOCUMENT_SCAN' as const }],
      successUrl: 'https://example.com/success',
      errorUrl: 'https://example.com/error',
      supportUrl: 'https://example.com/support',
      phoneNo: pii.pawaPassPhone,
      metadata: { email: pii.pawaPassMetadataEmail },
    };
    for (const [status, code] of [[400, 'PROVIDER_REJECTED'], [503, 'PROVIDER_UNAVAILABLE']] as const) {
      expect((await sandbox('/pawapass/faults', { status, times: 3 })).status).toBe(200);
      const res = await server.gql(StartPawaPassDocument, { input }, auth);
      expect(firstError(res)?.extensions?.code).toBe(code);
      await sandbox('/pawapass/faults', undefined, 'DELETE');
    }
    const body = JSON.stringify({ notificationId: 'n-pii', type: 'VERIFICATION.STATUS_CHANGE', object: 'VERIFICATION', createdAt: new Date().toISOString(), data: { email: pii.forgedWebhookEmail, phoneNo: pii.pawaPassPhone } });
    const post = (raw: string, signature: string) => fetch(`${server.url}/webhooks/pawapass`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signature }, body: raw });
    expect((await post(body, sign(body, 'not-the-secret'))).status).toBe(401);
    const broken = `{"data":{"email":"${pii.forgedWebhookEmail}"`;
    expect((await post(broken, sign(broken, server.config.providers.pawapass.webhookSecrets[0]))).status).toBeGreaterThanOrEqual(400);
  });

  it('an UpPass application whose answers hold an e-mail and a phone, through acceptance', async () => {
    const v = ok(
      await server.gql(StartUpPassDocument, {
        input: { subjectId: 'pii-uppass', formSlug: 'kyc-onboarding', lang: 'en', answers: { ekyc_document_type: 'passport', email: pii.upPassEmail, phone_number: pii.upPassPhone } },
      }, auth),
    ).startUpPassVerification;
    expect((await server.advance('uppass', v.providerRef, 'accepted', {}, { authorization: `Bearer ${key.key}` })).status).toBe(200);
    await eventually(async () => ok(await server.gql(GetUpPassVerificationDocument, { id: v.id }, auth)).verification?.status === 'APPROVED');
    const read = ok(await server.gql(GetUpPassVerificationDocument, { id: v.id }, auth)).verification!;
    const details = read.details as { answers: { questionKey: string; value: unknown }[]; documentCheck: { url: string; faceImageUrl: string }; liveness: { url: string } };
    const answers = Object.fromEntries(details.answers.map((a) => [a.questionKey, a.value]));
    expect(answers).toMatchObject({ email: pii.upPassEmail, phone_number: pii.upPassPhone, first_name: pii.upPassFirstName, last_name: pii.upPassLastName, date_of_birth: pii.upPassDob });
    pii.upPassDocumentImageUrl = details.documentCheck.url;
    pii.upPassFaceImageUrl = details.documentCheck.faceImageUrl;
    pii.upPassLivenessUrl = details.liveness.url;
  });

  it('an Argos submission with images, confirmed and approved', async () => {
    const front = png(800, 600, 4242);
    const face = png(960, 720, 4343);
    const headers = { ...auth, 'apollo-require-preflight': 'true' };
    const submitted = await uploadRequest(`${server.url}/graphql`, SubmitArgosDocumentDocument, {
      input: { subjectId: 'pii-argos', email: pii.argosEmail, idType: 'PASSPORT', issuingCountry: 'KOR', idImage: null },
    }, { 'input.idImage': { bytes: front, name: 'front.png', type: 'image/png' } }, headers);
    const v = ok(submitted).submitArgosDocument;
    const ocr = simulateOcr(front, 'KOR').reviewOCRData;
    Object.assign(pii, {
      argosOcrName: ocr.ocr_name,
      argosOcrBirthDate: ocr.ocr_birthDate,
      argosOcrIdentityNumber: ocr.ocr_identityNumber,
      argosFrontSha256: sha256(front),
      argosFaceSha256: sha256(face),
    });
    const confirmed = await uploadRequest(`${server.url}/graphql`, ConfirmArgosSubmissionDocument, {
      input: { submissionId: v.providerRef, name: pii.argosName, dateOfBirth: pii.argosDob, documentNumber: pii.argosDocumentNumber, faceImage: null },
    }, { 'input.faceImage': { bytes: face, name: 'selfie.png', type: 'image/png' } }, headers);
    expect(ok(confirmed).confirmArgosSubmission.status).toBe('IN_REVIEW');
    expect((await server.advance('argos', v.providerRef, 'approved', {}, { authorization: `Bearer ${key.key}` })).status).toBe(200);
    await eventually(async () => ok(await server.gql(ArgosVerificationDocument, { id: v.id }, auth)).verification?.status === 'APPROVED');
  });

  it('an Upvest KYC check with a data download link, through PASSED', async () => {
    const userId = randomUUID();
    const k = ok(
      await server.gql(CreateKycCheckDocument, {
        input: {
          userId,
          checkConfirmedAt: new Date(Date.now() - 86_400_000).toISOString(),
          dataDownloadLink: pii.upvestDownloadLink,
          documentType: 'ID_CARD',
          documentExpirationDate: '2030-01-01',
          nationality: 'DE',
          provider: 'KYC provider',
          method: 'VIDEO_ID',
          confirmedAddress: { addressLine1: 'Piiweg 99', postcode: '45678', city: 'Berlin', country: 'DE' },
        },
      }, auth),
    ).createKycCheck;
    pii.upvestAddress = 'Piiweg 99';
    expect((await server.advance('upvest', k.id, 'PASSED', {}, { authorization: `Bearer ${key.key}` })).status).toBe(200);
    await eventually(async () => ok(await server.gql(UserCheckDocument, { userId, id: k.id }, auth)).check?.status === 'PASSED');
  });

  it('an Uphold ingestion through FINISHED, whose results carry a name, a birthdate and a document number', async () => {
    const i = ok(
      await server.gql(CreateIngestionDocument, { input: { source: 'SUMSUB', sourceVerificationRef: 'approved-_act-sbx-jwt-pii', userId: 'pii-uphold', processes: ['IDENTITY', 'PROOF_OF_ADDRESS'] } }, auth),
    ).createIngestion;
    await eventually(async () => ok(await server.gql(GetIngestionDocument, { id: i.id }, auth)).ingestion?.status === 'FINISHED', 10_000);
    const read = ok(await server.gql(GetIngestionDocument, { id: i.id }, auth)).ingestion!;
    expect(JSON.stringify(read.results)).toContain(pii.upholdDocumentNumber);
  });

  it('erasing the subjects of every flow at LOG_LEVEL=trace', async () => {
    for (const id of ['pii-pawapass', 'pii-fault', 'pii-uppass', 'pii-argos', 'pii-uphold']) {
      ok(await server.gql(EraseSubjectDocument, { id, reason: pii.erasureReason }, auth));
    }
    expect(ok(await server.gql(EraseSubjectDocument, { id: 'pii-pawapass', reason: pii.erasureReason }, auth)).eraseSubject.verifications).toBe(0);
    expect(logs.lines.join('\n')).toContain('"msg":"subject erased"');
  });

  it('no log line holds any of the names, dates of birth, document numbers, e-mails, phones, links, image hashes, keys or tokens', async () => {
    // OAuth tokens the simulators issued to our clients during the flows
    for (const provider of ['UPVEST', 'UPHOLD'] as const) {
      const sim = server.app.adapters.get(provider)?.simulator as unknown as { tokens: Map<string, unknown> };
      for (const t of sim.tokens.keys()) pii[`${provider} token ${t.slice(0, 4)}`] = t;
    }
    expect(Object.keys(pii).filter((k) => k.startsWith('config')).length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(pii).filter((k) => /^UP(VEST|HOLD) token /.test(k)).length).toBeGreaterThanOrEqual(2);
    // the logs are not empty: requests, webhooks and failures were all logged
    const text = logs.lines.join('\n');
    expect(logs.lines.length).toBeGreaterThan(30);
    expect(text).toContain('"msg":"request"');
    expect(text).toContain('"msg":"webhook rejected"');
    expect(text).toContain('"msg":"webhook malformed"');
    // the parsed provider events (identity documents, answers, links, results) were logged, censored
    expect(text).toContain('"msg":"webhook parsed"');
    expect(leaks(logs.lines, pii)).toEqual([]);
  });
});
