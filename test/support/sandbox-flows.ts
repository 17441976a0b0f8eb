// How to open a new sandbox session of each provider that has an end-user page, for the page
// tests. A provider with a hosted flow adds one entry here and its page is tested in a browser.
import { StartPawaPassDocument, StartUpPassDocument, SubmitArgosDocumentDocument } from '../generated/graphql.js';
import { png, uploadRequest } from './argos.js';
import { ok } from './client.js';
import type { TestServer } from './server.js';

export interface SandboxFlow {
  /** Lower-case provider key (/sandbox/{key}/…) and the `Provider` enum value. */
  key: string;
  provider: string;
  /** Name the page shows. */
  displayName: string;
  /** Where `start` puts the hostile text (for the escaping test's name). */
  hostileIn: string;
  /** Starts a session through the GraphQL API; `hostile` is user-controlled text to put in it. */
  start(server: TestServer, subjectId: string, hostile?: string): Promise<{ id: string; providerRef: string; url: string; status: string }>;
  /** What the page must show the provider asks for. */
  asks: string[];
  /** The button that approves, and the unified status it leads to. */
  approveButton: string;
  /** Provider status value the page shows once approved. */
  approvedProviderStatus: string;
}

let argosSeed = 7000;

export const SANDBOX_FLOWS: SandboxFlow[] = [
  {
    key: 'pawapass',
    provider: 'PAWAPASS',
    displayName: 'pawaPass',
    hostileIn: 'externalId and metadata',
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
      return { id: v.id, providerRef: v.providerRef, url: v.url!, status: v.status };
    },
    asks: ['DOCUMENT_SCAN', 'FACE_SCAN'],
    approveButton: 'Approve',
    approvedProviderStatus: 'APPROVED',
  },
  {
    key: 'uppass',
    provider: 'UPPASS',
    displayName: 'UpPass',
    hostileIn: 'a predefined answer',
    async start(server, subjectId, hostile) {
      const v = ok(
        await server.gql(StartUpPassDocument, {
          input: {
            subjectId,
            formSlug: 'kyc-onboarding',
            lang: 'en',
            // predefined answers are what a client can put into the form: the page shows them
            answers: { ekyc_document_type: 'passport', customer_id: hostile ?? `${subjectId}-kyc` },
          },
        }),
      ).startUpPassVerification;
      return { id: v.id, providerRef: v.providerRef, url: v.url!, status: v.status };
    },
    // the form's steps, and the document its predefined answer asked for
    asks: ['ekyc / document', 'ekyc / liveness', 'submit', 'passport'],
    approveButton: 'Accept',
    approvedProviderStatus: 'accepted',
  },
  {
    key: 'argos',
    provider: 'ARGOS',
    displayName: 'Argos',
    hostileIn: 'userid and a custom field',
    async start(server, subjectId, hostile) {
      const res = await uploadRequest(
        `${server.url}/graphql`,
        SubmitArgosDocumentDocument,
        {
          input: {
            subjectId,
            email: `${subjectId}@example.com`,
            idType: 'PASSPORT',
            issuingCountry: 'KOR',
            idImage: null,
            cf1: hostile ?? `${subjectId}-kyc`,
            ...(hostile ? { userid: hostile } : {}),
          },
        },
        { 'input.idImage': { bytes: png(800, 600, ++argosSeed), name: 'front.png', type: 'image/png' } },
      );
      const v = ok(res).submitArgosDocument;
      // Argos has no end-user url (its own UI or the client's collects step 2): the sandbox
      // reviewer page plays both the end user confirming the OCR fields and the reviewer
      return { id: v.id, providerRef: v.providerRef, url: `${server.url}/sandbox/argos/app/${encodeURIComponent(v.providerRef)}`, status: v.status };
    },
    // the OCR fields the end user confirms or corrects
    asks: ['name', 'date_of_birth', 'gender', 'nationality', 'identity_number', 'date_of_issue', 'date_of_expiry'],
    approveButton: 'Approve (reviewer)',
    approvedProviderStatus: 'approved',
  },
];
