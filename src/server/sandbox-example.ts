// What Apollo Sandbox opens with in development: operations that run as they are against the
// embedded sandbox (start a pawaPass session, follow it, list it).
export const SANDBOX_EXAMPLE = {
  document: `# 1. Run StartPawaPass, copy the returned id and open the url.
# 2. Run Follow in another tab (or subscribe by subjectId before starting).
# 3. Click the buttons on the url's page (or POST /sandbox/pawapass/{providerRef}/advance {"to":"APPROVED"}).
mutation StartPawaPass($input: StartPawaPassVerificationInput!) {
  startPawaPassVerification(input: $input) { id providerRef status providerStatus url }
}

subscription Follow($subjectId: String) {
  verificationUpdated(subjectId: $subjectId) {
    cursor at previousStatus
    verification { id status providerStatus reviewReason identityDocument { firstName lastName } }
  }
}

query MyVerifications($subjectId: String) {
  verifications(filter: { subjectId: $subjectId }, first: 10) {
    edges { node { id provider status providerStatus url createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  variables: {
    subjectId: 'user-1',
    input: {
      subjectId: 'user-1',
      externalId: 'user-1-kyc',
      requirements: [{ type: 'DOCUMENT_SCAN' }, { type: 'FACE_SCAN' }],
      successUrl: 'https://example.com/success',
      errorUrl: 'https://example.com/error',
      supportUrl: 'https://example.com/support',
      country: 'ZM',
      phoneNo: '+260971234567',
      metadata: { channel: 'web' },
    },
  },
};
