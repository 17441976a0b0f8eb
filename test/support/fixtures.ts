// The providers' own documented examples (test/fixtures/providers/<provider>/*.json), each with a
// `_source` naming the seed line or spec section it was copied from. Mapper and schema tests run
// on these, not on simulator output, so a misreading shared by adapter and simulator shows.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const DIR = new URL('../fixtures/providers/', import.meta.url);

/** The example without its `_source` key. */
export function fixture<T = Record<string, unknown>>(provider: string, name: string): T {
  const { _source, ...body } = JSON.parse(readFileSync(new URL(`${provider}/${name}`, DIR), 'utf8')) as Record<string, unknown>;
  if (typeof _source !== 'string' || !_source) throw new Error(`fixture ${provider}/${name} has no _source`);
  return body as T;
}

/** Where a fixture was copied from. */
export const fixtureSource = (provider: string, name: string): string =>
  (JSON.parse(readFileSync(new URL(`${provider}/${name}`, DIR), 'utf8')) as { _source: string })._source;

export interface FakeAnswer {
  status?: number;
  body: unknown;
}

/** A stand-in for a provider's live API answering what the test says (e.g. an undocumented shape). */
export interface FakeProvider {
  url: string;
  requests: { method: string; path: string; headers: IncomingMessage['headers']; body: string }[];
  answer: (method: string, path: string) => FakeAnswer;
  close(): Promise<void>;
}

export async function fakeProvider(answer: FakeProvider['answer']): Promise<FakeProvider> {
  const fake = { requests: [], answer } as unknown as FakeProvider & { server: Server };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      fake.requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const a = fake.answer(req.method ?? 'GET', path);
      res.writeHead(a.status ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((r) => server.close(() => r()));
  return fake;
}

/**
 * A complete pawaPass verification object (the seed's, with nothing captured yet) with `over`
 * applied: what a webhook's `data` must be, since bodies are parsed against the documented shape.
 */
export function pawaPassVerification(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...fixture('pawapass', 'verification.response.json'), identityDocument: null, faceScan: null, reviewResult: null, ...over };
}

/** A startPawaPassVerification input for `subjectId` (a document scan, example URLs). */
export const pawaPassStartInput = (subjectId: string) => ({
  subjectId,
  externalId: subjectId,
  requirements: [{ type: 'DOCUMENT_SCAN' as const }],
  successUrl: 'https://e.com/s',
  errorUrl: 'https://e.com/e',
  supportUrl: 'https://e.com/h',
});
