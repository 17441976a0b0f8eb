// Upload rules for Argos images, enforced before any provider call, and graphql-upload's temp
// files: none is left in os.tmpdir() after a success, a rejection or a client abort.
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArgosSimulator } from '../src/providers/argos/simulator.js';
import { SubmitArgosDocumentDocument, type SubmitArgosDocumentInput } from './generated/graphql.js';
import { jpeg, multipartBody, png, type TestFile, uploadRequest, uploadTempFiles, waitForNoTempFiles } from './support/argos.js';
import { firstError, ok } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';

// a private os.tmpdir() for this file's process, so the temp-file counts see only our uploads
process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'kyc-argos-uploads-'));

let server: TestServer;
let sim: ArgosSimulator;
let n = 0;

const input = (over: Partial<SubmitArgosDocumentInput> = {}): SubmitArgosDocumentInput => ({
  subjectId: 'uploader',
  email: `up${++n}@example.com`,
  idType: 'GOVERNMENT_ID',
  issuingCountry: 'IND',
  idImage: null,
  ...over,
});
const file = (bytes: Uint8Array, name = 'id.png', type = 'image/png'): TestFile => ({ bytes, name, type });
const submit = (files: Record<string, TestFile>, over: Partial<SubmitArgosDocumentInput> = {}, headers?: Record<string, string>) =>
  uploadRequest(`${server.url}/graphql`, SubmitArgosDocumentDocument, { input: input(over) }, files, headers);

/** A valid PNG padded past `bytes` (the magic number and header stay valid). */
const bigPng = (bytes: number) => Buffer.concat([png(800, 600, 1), Buffer.alloc(bytes)]);

beforeAll(async () => {
  server = await startServer();
  sim = server.app.adapters.get('ARGOS')!.simulator as ArgosSimulator;
});
afterAll(() => server.close());

describe('upload rules (checked before Argos is called)', () => {
  it('accepts a JPEG and a PNG, judged by their bytes, whatever their names say', async () => {
    const before = sim.requests.step1;
    const v = ok(await submit({ 'input.idImage': file(jpeg(800, 600, 3), 'scan.bin', 'application/octet-stream'), 'input.idBackImage': file(png(800, 600, 4), 'back.jpg', 'image/jpeg') })).submitArgosDocument;
    expect(v.status).toBe('IN_PROGRESS');
    expect(sim.requests.step1).toBe(before + 1);
    // sent to Argos with the type the bytes show
    expect(sim.lastFiles.idImage).toMatchObject({ type: 'image/jpeg', filename: 'idImage.jpg' });
    expect(sim.lastFiles.idBackImage).toMatchObject({ type: 'image/png', filename: 'idBackImage.png' });
  });

  it.each([
    ['a text file named .png', 'input.idImage', { 'input.idImage': file(Buffer.from('hello, not an image at all'), 'id.png') }, /JPEG or PNG/],
    ['a GIF', 'input.idImage', { 'input.idImage': file(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'id.gif', 'image/gif') }, /JPEG or PNG/],
    ['an empty file', 'input.idImage', { 'input.idImage': file(Buffer.alloc(0)) }, /empty/],
    ['a front image over 2 MB', 'input.idImage', { 'input.idImage': file(bigPng(2 * 1024 * 1024)) }, /2 MB/],
    ['a back image that is a PDF', 'input.idBackImage', { 'input.idImage': file(png(800, 600, 5)), 'input.idBackImage': file(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'back.png') }, /JPEG or PNG/],
    ['a back image over 2 MB', 'input.idBackImage', { 'input.idImage': file(png(800, 600, 6)), 'input.idBackImage': file(bigPng(2 * 1024 * 1024 + 10)) }, /2 MB/],
  ] as const)('refuses %s naming %s, calls no provider and leaves no temp file', async (_what, field, files, message) => {
    const before = sim.requests.step1;
    const res = await submit(files as Record<string, TestFile>);
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(firstError(res)?.message).toMatch(message);
    expect(sim.requests.step1).toBe(before);
    expect(await waitForNoTempFiles()).toEqual([]);
  });

  it('a file exactly 2 MB is accepted', async () => {
    const exact = png(800, 600, 8);
    const padded = Buffer.concat([exact, Buffer.alloc(2 * 1024 * 1024 - exact.length)]);
    expect(padded.length).toBe(2 * 1024 * 1024);
    ok(await submit({ 'input.idImage': file(padded) }));
  });

  it('more than 2 files in one request are refused with 413 before any provider call', async () => {
    const before = sim.requests.step1;
    const res = await submit({ 'input.idImage': file(png(800, 600, 1)), 'input.idBackImage': file(png(800, 600, 2)), 'input.cf1': file(png(800, 600, 3)) });
    expect(res.status).toBe(413);
    expect(firstError(res)?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(firstError(res)?.message).toMatch(/2 max file uploads/);
    expect(sim.requests.step1).toBe(before);
    expect(await waitForNoTempFiles()).toEqual([]);
  });

  it("a multipart request without Apollo's preflight header is refused with 400 (CSRF prevention) and no file is stored", async () => {
    const before = sim.requests.step1;
    const res = await submit({ 'input.idImage': file(png(800, 600, 1)) }, {}, {});
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.errors)).toMatch(/CSRF|preflight/i);
    expect(sim.requests.step1).toBe(before);
    expect(uploadTempFiles()).toEqual([]);
    // x-apollo-operation-name counts as a preflight header too
    ok(await submit({ 'input.idImage': file(png(800, 600, 2)) }, {}, { 'x-apollo-operation-name': 'SubmitArgosDocument' }));
  });

  it('an image given as a string in a JSON request is BAD_USER_INPUT', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(SubmitArgosDocumentDocument), variables: { input: { ...input(), idImage: 'data:image/png;base64,AAAA' } } }),
    });
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/idImage/);
  });
});

describe('temp files', () => {
  it('none is left after a successful submission', async () => {
    ok(await submit({ 'input.idImage': file(png(800, 600, 11)), 'input.idBackImage': file(png(800, 600, 12)) }));
    expect(await waitForNoTempFiles()).toEqual([]);
  });

  it('none is left after Argos refuses the request', async () => {
    await fetch(`${server.url}/sandbox/argos/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 503, times: 1 }) });
    const res = await submit({ 'input.idImage': file(png(800, 600, 13)) });
    expect(firstError(res)?.extensions?.code).toBe('PROVIDER_UNAVAILABLE');
    expect(await waitForNoTempFiles()).toEqual([]);
  });

  it('none is left when the client aborts in the middle of the upload', async () => {
    const before = sim.requests.step1;
    const body = Buffer.from(await new Response(multipartBody(SubmitArgosDocumentDocument, { input: input() }, { 'input.idImage': file(bigPng(1_500_000)) })).arrayBuffer());
    const type = 'multipart/form-data; boundary=' + /^--(.+)\r\n/.exec(body.toString('latin1'))![1];
    const url = new URL(`${server.url}/graphql`);
    const req = request({ host: url.hostname, port: url.port, path: '/graphql', method: 'POST', headers: { 'content-type': type, 'content-length': body.length, 'apollo-require-preflight': 'true' } });
    req.on('error', () => {});
    // send a bit more than half, wait until the server has started buffering the file, then hang up
    req.write(body.subarray(0, Math.floor(body.length * 0.6)));
    const deadline = Date.now() + 5000;
    while (uploadTempFiles().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(uploadTempFiles()).toHaveLength(1);
    req.destroy();
    expect(await waitForNoTempFiles()).toEqual([]);
    expect(sim.requests.step1).toBe(before);
  });
});
