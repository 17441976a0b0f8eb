// Upvest wire objects → the unified Check model: the seed's examples, and a provider that
// answers with values we do not know yet.
import { describe, expect, it } from 'vitest';
import { applyCheck, newCheckRecord } from '../src/domain/check.js';
import { toCheck, type UpvestCheck, upvestCheckSchema } from '../src/providers/upvest/mapper.js';

// the seed's GET /users/{user_id}/checks example, verbatim
const seedKyc: UpvestCheck = {
  id: '008a82d0-c5a4-4410-9318-d34786429c5a',
  user_id: '7b39529a-e68c-4688-8242-7549d10d6084',
  type: 'KYC',
  check_confirmed_at: '2019-08-24T14:15:22Z',
  data_download_link: 'https://bucket.customer.com/ident/user3.zip',
  document_type: 'ID_CARD',
  document_expiration_date: '2030-01-01',
  nationality: 'DE',
  status: 'PASSED',
  provider: 'KYC provider',
  method: 'VIDEO_ID',
  confirmed_address: { address_line1: 'Rosenweg 221', address_line2: 'apt. 33', postcode: '45678', city: 'Berlin', state: 'BE', country: 'DE' },
};

describe('mapping Upvest checks', () => {
  it('maps the seed KYC example field by field', () => {
    expect(toCheck(seedKyc)).toEqual({
      id: seedKyc.id,
      userId: seedKyc.user_id,
      type: 'KYC',
      status: 'PASSED',
      confirmedAt: '2019-08-24T14:15:22Z',
      dataDownloadLink: 'https://bucket.customer.com/ident/user3.zip',
      documentType: 'ID_CARD',
      documentExpirationDate: '2030-01-01',
      nationality: 'DE',
      provider: 'KYC provider',
      method: 'VIDEO_ID',
      confirmedAddress: { addressLine1: 'Rosenweg 221', addressLine2: 'apt. 33', postcode: '45678', city: 'Berlin', state: 'BE', country: 'DE' },
      kycUpdate: null,
    });
  });

  it('maps the seed POR, INSTRUMENT_FIT and COMPLIANCE examples', () => {
    expect(toCheck({ id: 'b', user_id: 'u', type: 'POR', check_confirmed_at: '2020-08-24T14:15:22Z', issuance_date: '2020-01-01', data_download_link: 'https: //bucket.customer.com/por/user3.zip', document_type: 'UTILITY_BILL', status: 'PASSED', confirmed_address: seedKyc.confirmed_address! })).toMatchObject({
      type: 'POR',
      issuanceDate: '2020-01-01',
      documentType: 'UTILITY_BILL',
      confirmedAddress: { city: 'Berlin' },
    });
    expect(toCheck({ id: 'a', user_id: 'u', type: 'INSTRUMENT_FIT', check_confirmed_at: '2020-08-24T14:15:22Z', status: 'PASSED', instrument_suitability: { suitability: true } })).toMatchObject({ instrumentSuitability: { suitability: true } });
    // COMPLIANCE's status is optional in the seed
    expect(toCheck({ id: 'c', user_id: 'u', type: 'COMPLIANCE', check_confirmed_at: '2020-08-24T14:15:22Z' })).toMatchObject({ status: 'IN_PROGRESS' });
  });

  it('reads an enum value it does not know as null, and refuses an unknown check type or status', () => {
    expect(toCheck({ ...seedKyc, document_type: 'DRIVING_LICENCE', method: 'ROBOT_ID' })).toMatchObject({ documentType: null, method: null });
    // an unknown type or status is refused by the answer's schema, before the mapper
    expect(upvestCheckSchema.safeParse({ ...seedKyc, type: 'CREDIT' }).error?.issues[0].path).toEqual(['type']);
    expect(upvestCheckSchema.safeParse({ ...seedKyc, status: 'MAYBE' }).error?.issues[0].path).toEqual(['status']);
  });

  it('never moves a final status back, and reports a real change once', () => {
    const created = newCheckRecord(toCheck({ ...seedKyc, status: 'IN_PROGRESS' }), 't', new Date());
    const passed = applyCheck(created, toCheck(seedKyc), new Date());
    expect(passed).toMatchObject({ changed: true, record: { status: 'PASSED' } });
    expect(applyCheck(passed.record, toCheck(seedKyc), new Date()).changed).toBe(false);
    expect(applyCheck(passed.record, toCheck({ ...seedKyc, status: 'IN_PROGRESS' }), new Date())).toMatchObject({ changed: false, record: { status: 'PASSED' } });
    expect(applyCheck(passed.record, toCheck({ ...seedKyc, status: 'FAILED' }), new Date())).toMatchObject({ changed: false, record: { status: 'PASSED' } });
  });
});
