// examples/: the operations a frontend team starts from, and `npm run example`'s walkthrough,
// run against a real server.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkthrough } from '../examples/walkthrough.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('examples/', () => {
  it('has an operation for each first step: start pawaPass, get, list, subscribe', () => {
    expect(readdirSync('examples').filter((f) => f.endsWith('.graphql')).sort()).toEqual([
      'get-verification.graphql',
      'list-verifications.graphql',
      'start-pawapass-verification.graphql',
      'subscribe-verification-updated.graphql',
    ]);
  });

  it('the walkthrough starts a verification, prints every event to APPROVED, then reads it back', async () => {
    const lines: string[] = [];
    const { events, id } = await walkthrough({ url: server.url, print: (l) => lines.push(l), subjectId: 'walkthrough-1' });
    expect(events.map((e) => e.verification.status)).toEqual(['CREATED', 'IN_PROGRESS', 'IN_REVIEW', 'APPROVED']);
    expect(events.every((e) => e.verification.id === id)).toBe(true);
    const text = lines.join('\n');
    expect(text).toContain('event: (new) -> CREATED (pawaPass CREATED)');
    expect(text).toContain('event: IN_REVIEW -> APPROVED (pawaPass APPROVED)');
    expect(text).toMatch(/verification\(id\) →\n\{\n {2}"id": "[^"]+",\n {2}"provider": "PAWAPASS",\n {2}"status": "APPROVED"/);
    expect(text).toContain('"hasNextPage": false');
  });
});
