// The end-user page of a sandbox session, as HTML: what it shows and that nothing a user typed
// can run as markup or script. (The browser test clicks through it: sandbox-browser.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSandboxPage } from '../src/http/sandbox-page.js';
import { SANDBOX_FLOWS } from './support/sandbox-flows.js';
import { startServer, type TestServer } from './support/server.js';

const HOSTILE = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'"&`;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe.each(SANDBOX_FLOWS)('the $displayName sandbox page', (flow) => {
  it('shows the provider, the session reference, what the provider asks for and the next-step buttons, with no outside assets', async () => {
    const v = await flow.start(server, 'page-1');
    const res = await fetch(v.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain(flow.displayName);
    expect(html).toContain(`<code id="ref">${v.providerRef}</code>`);
    for (const ask of flow.asks) expect(html).toContain(ask);
    expect(html).toContain(`>${flow.approveButton}</button>`);
    // nothing loaded from elsewhere: no src/href attributes pointing off this server
    expect(html).not.toMatch(/\s(src|href)=["']?(https?:)?\/\//i);
  });

  it(`escapes HTML that a client put in ${flow.hostileIn}`, async () => {
    const v = await flow.start(server, 'page-2', HOSTILE);
    const html = await (await fetch(v.url)).text();
    expect(html).not.toContain('<script>window.__pwned');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror=');
    // exactly one script element: the page's own
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});

describe('renderSandboxPage', () => {
  it('escapes every value it shows, and a hostile advance path cannot close its script element', () => {
    const html = renderSandboxPage({
      providerName: '<b>P</b>',
      ref: '"><i>',
      status: '<s>',
      asks: [{ label: '<u>', detail: '<em>' }],
      fields: [['<th>', { x: '</td><script>' }]],
      inputs: [{ name: '"n', label: '<l>', value: '"><v>' }],
      actions: [{ label: '<a>', to: '"x', hint: '<h>' }],
      advancePath: '/sandbox/p/</script><script>alert(1)</script>/advance',
    });
    for (const raw of ['<b>P', '"><i>', '<s>', '<u>', '<em>', '<th>', '</td><script>', '<l>', '"><v>', '<a>', '"x"', '<h>', '</script><script>alert']) {
      expect(html).not.toContain(raw);
    }
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  it('says so when a session is final and nothing more can happen', () => {
    const html = renderSandboxPage({ providerName: 'P', ref: 'r', status: 'DONE', fields: [], actions: [], advancePath: '/a' });
    expect(html).toContain('nothing more can happen');
    expect(html).not.toContain('<button');
  });
});
