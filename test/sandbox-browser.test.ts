// A person in a real browser (Debian's chromium via playwright-core) plays the end user of a
// sandbox session: opens the session's url, clicks Approve, and the API's subscribers see it.
import { mkdirSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArgosUpdatesDocument, ArgosVerificationDocument, GetVerificationDocument, VerificationUpdatedDocument } from './generated/graphql.js';
import { chromiumPath, hasChromium } from './support/browser.js';
import { ok, subscribe, until, wsClient } from './support/client.js';
import { SANDBOX_FLOWS } from './support/sandbox-flows.js';
import { startServer, type TestServer } from './support/server.js';

const ARTIFACTS = 'test/artifacts';

describe.skipIf(!hasChromium)('sandbox end-user pages in a real browser (chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startServer();
    browser = await chromium.launch({ executablePath: chromiumPath()!, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each(SANDBOX_FLOWS)('$displayName', (flow) => {
    it('clicking Approve on the session page reaches a graphql-ws subscriber and verification(id) says APPROVED', async () => {
      const subjectId = `browser-${flow.key}`;
      const client = wsClient(server.url);
      try {
        const sub = subscribe(client, VerificationUpdatedDocument, { subjectId });
        await until(() => server.app.services.bus.subscriberCount >= 1);
        const v = await flow.start(server, subjectId, `<b>${subjectId}</b>`);
        expect((await sub.next()).verificationUpdated.verification.id).toBe(v.id); // created

        const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
        const pageErrors: string[] = [];
        const outside: string[] = [];
        page.on('pageerror', (e) => pageErrors.push(e.message));
        page.on('request', (r) => {
          if (!r.url().startsWith(server.url)) outside.push(r.url());
        });
        await page.goto(v.url);
        expect(await page.locator('#provider').textContent()).toContain(flow.displayName);
        expect(await page.locator('#ref').textContent()).toBe(v.providerRef);
        const asks = await page.locator('#asks').textContent();
        for (const ask of flow.asks) expect(asks).toContain(ask);
        // user text is shown as text, never as markup
        expect(await page.locator('#fields b').count()).toBe(0);
        expect(await page.locator('#fields').textContent()).toContain(`<b>${subjectId}</b>`);

        await page.screenshot({ path: `${ARTIFACTS}/sandbox-${flow.key}-open.png`, fullPage: true });
        await page.getByRole('button', { name: flow.approveButton, exact: true }).click();
        // the next status the subscriber sees is APPROVED (a provider may first resend an
        // unchanged status, e.g. Argos's `created` webhook arriving after the create answer)
        let event = await sub.next();
        while (event.verificationUpdated.verification.status !== 'APPROVED' && event.verificationUpdated.verification.status === v.status) event = await sub.next();
        expect(event.verificationUpdated.verification.status).toBe('APPROVED');
        // the page reloads and shows the new status, with no buttons left for a final session
        await page.waitForSelector('#actions button', { state: 'detached' });
        expect(await page.locator('#status').textContent()).toBe(flow.approvedProviderStatus);
        await page.screenshot({ path: `${ARTIFACTS}/sandbox-${flow.key}-approved.png`, fullPage: true });

        const got = ok(await server.gql(GetVerificationDocument, { id: v.id })).verification!;
        expect(got.status).toBe('APPROVED');
        expect(got.providerStatus).toBe(flow.approvedProviderStatus);
        expect(pageErrors).toEqual([]);
        expect(outside).toEqual([]);
        sub.close();
        await page.close();
      } finally {
        await client.dispose();
      }
    });
  });
  it('Argos: the end user corrects an OCR field on the page, submits step 2, and the corrected values reach verification(id)', async () => {
    const argos = SANDBOX_FLOWS.find((f) => f.key === 'argos')!;
    const subjectId = 'browser-argos-correct';
    const client = wsClient(server.url);
    try {
      const sub = subscribe(client, ArgosUpdatesDocument, { subjectId });
      await until(() => server.app.services.bus.subscriberCount >= 1);
      const v = await argos.start(server, subjectId);
      const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(v.url);
      const ocrName = await page.locator('#inputs input[name="name"]').inputValue();
      expect(ocrName).not.toBe('');
      // the OCR read the name wrong: the end user corrects it and the date of birth
      await page.locator('#inputs input[name="name"]').fill('Ji-woo Corrected Han');
      await page.locator('#inputs input[name="date_of_birth"]').fill('1985-03-04');
      await page.screenshot({ path: `${ARTIFACTS}/sandbox-argos-correct.png`, fullPage: true });
      await page.getByRole('button', { name: 'Confirm the fields and submit step 2 (end user)', exact: true }).click();
      let event = await sub.next();
      while (event.verificationUpdated.verification.status !== 'IN_REVIEW' && event.verificationUpdated.verification.status === v.status) event = await sub.next();
      expect(event.verificationUpdated.verification.status).toBe('IN_REVIEW');
      // reloaded: nothing left to correct, the page shows what was confirmed, the reviewer decides
      await page.waitForSelector('#inputs', { state: 'detached' });
      expect(await page.locator('#status').textContent()).toBe('pending');
      expect(await page.locator('#asks').textContent()).toContain(`read as ${ocrName}; confirmed as Ji-woo Corrected Han`);
      await expect(page.getByRole('button', { name: 'Approve (reviewer)', exact: true }).count()).resolves.toBe(1);

      const got = ok(await server.gql(ArgosVerificationDocument, { id: v.id })).verification!;
      expect(got.status).toBe('IN_REVIEW');
      expect(got.identityDocument).toMatchObject({ firstName: 'Ji-woo', lastName: 'Corrected Han', dateOfBirth: '1985-03-04' });
      expect(pageErrors).toEqual([]);
      sub.close();
      await page.close();
    } finally {
      await client.dispose();
    }
  });
});
