import { describe, expect, it } from 'vitest';
import { ingestionId, parseIngestionId } from '../src/domain/ingestion.js';
import { parseVerificationId, verificationId } from '../src/domain/verification.js';

// expected ids computed independently: python3 base64.urlsafe_b64encode(s.encode()) without padding
describe('global ids', () => {
  it('are base64url of Type:PROVIDER:ref, whatever was asked before', () => {
    // interleaved, so an id remembered from an earlier call can never be the answer to this one
    const asked: [() => string, string][] = [
      [() => verificationId('UPPASS', 'app-1'), 'VmVyaWZpY2F0aW9uOlVQUEFTUzphcHAtMQ'],
      [() => verificationId('UPPASS', 'app-1'), 'VmVyaWZpY2F0aW9uOlVQUEFTUzphcHAtMQ'],
      [() => verificationId('PAWAPASS', 'app-1'), 'VmVyaWZpY2F0aW9uOlBBV0FQQVNTOmFwcC0x'],
      [() => ingestionId('UPHOLD', 'u-1'), 'SW5nZXN0aW9uOlVQSE9MRDp1LTE'],
      [() => verificationId('UPPASS', 'ré'), 'VmVyaWZpY2F0aW9uOlVQUEFTUzpyw6k'],
      [() => verificationId('UPPASS', 'app-1'), 'VmVyaWZpY2F0aW9uOlVQUEFTUzphcHAtMQ'],
      [() => ingestionId('UPHOLD', 'u-1'), 'SW5nZXN0aW9uOlVQSE9MRDp1LTE'],
    ];
    expect(asked.map(([id]) => id())).toEqual(asked.map(([, expected]) => expected));
  });

  it('parse back to their provider and reference', () => {
    expect(parseVerificationId('VmVyaWZpY2F0aW9uOlVQUEFTUzpyw6k')).toEqual({ provider: 'UPPASS', providerRef: 'ré' });
    expect(parseIngestionId('SW5nZXN0aW9uOlVQSE9MRDp1LTE')).toEqual({ provider: 'UPHOLD', providerRef: 'u-1' });
    expect(parseVerificationId('SW5nZXN0aW9uOlVQSE9MRDp1LTE')).toBeNull();
  });
});
