// The COMPLIANCE check Upvest adds when a KYC check passes (seed: the create request is One Of
// KYC, POR, INSTRUMENT_FIT; Upvest records COMPLIANCE itself) was never created through us, so its
// webhooks named no tenant and were dropped: subscribers of the user never saw it. Its tenant is
// now the tenant of the checks of the same user that were created through us.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckRecord } from '../src/domain/check.js';
import { CheckUpdatedDocument, CreateKycCheckDocument } from './generated/graphql.js';
import { ok, subscribe, until, wsClient } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ UPVEST_WEBHOOK_DELAY_MS: '20' });
});
afterAll(() => server.close());

const recent = () => new Date(Date.now() - 3_600_000).toISOString();
const address = { addressLine1: 'Unter den Linden 1', addressLine2: null, postcode: '10117', city: 'Berlin', state: null, country: 'DE' };

describe('the COMPLIANCE check Upvest adds when a KYC check passes', () => {
  it('reaches the subscribers of its user, in the tenant of the KYC check we created, and is recorded', async () => {
    const userId = randomUUID();
    const client = wsClient(server.url);
    const subs = server.app.services.bus.subscriberCount;
    const sub = subscribe(client, CheckUpdatedDocument, { userId });
    await until(() => server.app.services.bus.subscriberCount === subs + 1);
    try {
      const kyc = ok(
        await server.gql(CreateKycCheckDocument, {
          input: { userId, checkConfirmedAt: recent(), dataDownloadLink: 'https://bucket.customer.com/ident/u.zip', documentType: 'ID_CARD', documentExpirationDate: '2030-01-01', nationality: 'DE', provider: 'KYC provider', method: 'VIDEO_ID', confirmedAddress: address },
        }),
      ).createKycCheck;
      expect((await sub.next()).checkUpdated.check).toMatchObject({ id: kyc.id, type: 'KYC', status: 'IN_PROGRESS' });
      expect((await server.advance('upvest', kyc.id, 'PASSED')).status).toBeLessThan(300);
      const seen: { id: string; type: string; status: string }[] = [];
      while (!seen.some((c) => c.type === 'COMPLIANCE' && c.status === 'PASSED')) seen.push((await sub.next()).checkUpdated.check);
      expect(seen.find((c) => c.id === kyc.id)).toMatchObject({ type: 'KYC', status: 'PASSED' });
      const compliance = seen.find((c) => c.type === 'COMPLIANCE')!;
      const [stored] = await server.app.services.store.getMany<CheckRecord>('check', [compliance.id]);
      expect(stored).toMatchObject({ id: compliance.id, userId, type: 'COMPLIANCE', status: 'PASSED', tenant: 'sandbox' });
    } finally {
      sub.close();
      await client.dispose();
    }
  });
});
