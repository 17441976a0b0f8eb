// CORS from a real browser (Debian's chromium via playwright-core): a page served from another
// origin calls POST /graphql (a preflighted JSON request, as Apollo Client sends it) and opens the
// GraphQL WebSocket; an origin that is not allowed is refused by the browser (HTTP) and by the
// server (WebSocket upgrade, production).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, hasChromium } from './support/browser.js';
import { productionEnv, startServer, type TestServer } from './support/server.js';

/** A page server on its own port: its origin is http://127.0.0.1:<port> (another origin than the API's). */
async function pageOrigin(): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>client app</title><p>client app</p>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe.skipIf(!hasChromium)('CORS from a browser page on another origin (chromium)', () => {
  let browser: Browser;
  let api: TestServer;
  let allowed: Awaited<ReturnType<typeof pageOrigin>>;
  let other: Awaited<ReturnType<typeof pageOrigin>>;
  const prod = productionEnv();
  beforeAll(async () => {
    allowed = await pageOrigin();
    other = await pageOrigin();
    api = await startServer({ ...prod.env, CORS_ORIGINS: allowed.origin });
    browser = await chromium.launch({ executablePath: chromiumPath()!, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    allowed?.server.close();
    other?.server.close();
  });

  /** Runs in the page: a JSON POST with an API key (preflighted), and a graphql-ws handshake. */
  async function callFrom(origin: string) {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/`);
      expect(new URL(page.url()).origin).toBe(origin);
      return await page.evaluate(
        async ({ api, key }) => {
          let http: string;
          try {
            const res = await fetch(`${api}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
              body: JSON.stringify({ query: '{ __typename }' }),
            });
            http = `${res.status} ${await res.text()}`;
          } catch (e) {
            http = `blocked: ${(e as Error).name}`;
          }
          const ws = await new Promise<string>((resolve) => {
            const socket = new WebSocket(`${api.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
            socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${key}` } }));
            socket.onmessage = (m) => {
              resolve(`message ${JSON.parse(m.data as string).type}`);
              socket.close();
            };
            socket.onerror = () => resolve('refused');
          });
          return { http, ws };
        },
        { api: api.url.replace('localhost', '127.0.0.1'), key: prod.key },
      );
    } finally {
      await page.close();
    }
  }

  it('an allowed origin calls /graphql and opens the WebSocket', async () => {
    expect(await callFrom(allowed.origin)).toEqual({ http: '200 {"data":{"__typename":"Query"}}\n', ws: 'message connection_ack' });
  });

  it('another origin is blocked by the browser (no CORS header) and its WebSocket upgrade is refused', async () => {
    expect(await callFrom(other.origin)).toEqual({ http: 'blocked: TypeError', ws: 'refused' });
  });
});
