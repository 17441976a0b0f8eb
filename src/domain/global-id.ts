// Opaque global ids: base64url of `<Type>:<PROVIDER>:<providerRef>` (verification.ts, ingestion.ts).

/**
 * The id function of one type. It keeps its last answer: a webhook asks for its record's id
 * three times in a row (this replica's copy, the change, the record's erasure check:
 * server/services.ts, services/verifications.ts), and each encoding is a Buffer round trip.
 */
export function globalIdOf(type: string): (provider: string, providerRef: string) => string {
  let lastProvider = '';
  let lastRef = '';
  let lastId = '';
  return (provider, providerRef) => {
    if (provider !== lastProvider || providerRef !== lastRef || lastId === '') {
      lastId = Buffer.from(`${type}:${provider}:${providerRef}`, 'utf8').toString('base64url');
      lastProvider = provider;
      lastRef = providerRef;
    }
    return lastId;
  };
}
