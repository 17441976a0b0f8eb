// How to open a new sandbox session of each provider that has an end-user page, for the page
// tests. A provider with a hosted flow adds one entry here and its page is tested in a browser.
import { StartPawaPassDocument } from '../generated/graphql.js';
import { ok } from './client.js';
import type { TestServer } from './server.js';

export interface SandboxFlow {
  /** Lower-case provider key (/sandbox/{key}/…) and the `Provider` enum value. */
  key: string;
  provider: string;
  /** Name the page shows. */
  displayName: string;
  /** Starts a session through the GraphQL API; `hostile` is user-controlled text to put in it. */
  start(server: TestServer, subjectId: string, hostile?: string): Promise<{ id: string; providerRef: string; url: string }>;
  /** What the page must show the provider asks for. */
  asks: string[];
  /** The button that approves, and the unified status it leads to. */
  approveButton: string;
  /** Provider status value the page shows once approved. */
  approvedProviderStatus: string;
}

export const SANDBOX_FLOWS: SandboxFlow[] = [
  {
    key: 'pawapass',
    provider: 'PAWAPASS',
    displayName: 'pawaPass',
    async start(server, subjectId, hostile) {
      const v = ok(
        await server.gql(StartPawaPassDocument, {
          input: {
            subjectId,
            externalId: hostile ?? `${subjectId}-kyc`,
            requirements: [{ type: 'DOCUMENT_SCAN' }, { type: 'FACE_SCAN' }],
            successUrl: 'https://example.com/success',
            errorUrl: 'https://example.com/error',
            supportUrl: 'https://example.com/support',
            country: 'ZM',
            metadata: hostile ? { note: hostile } : { channel: 'web' },
          },
        }),
      ).startPawaPassVerification;
      return { id: v.id, providerRef: v.providerRef, url: v.url! };
    },
    asks: ['DOCUMENT_SCAN', 'FACE_SCAN'],
    approveButton: 'Approve',
    approvedProviderStatus: 'APPROVED',
  },
];
