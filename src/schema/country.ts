// Closed value sets of the unified Verification output: CountryCode (ISO 3166-1 alpha-2, what the
// start inputs take) and IdentityDocumentType. The provider's raw value stays beside each
// (`providerCountry`, `IdentityDocument.providerType`) for what the set does not name.
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries/index.js'; // the library without its 80 locales (only English names are used)
import { registerEnumType } from 'type-graphql';

// JSON through require: import attributes differ between Node 20 releases
countries.registerLocale(createRequire(import.meta.url)('i18n-iso-countries/langs/en.json'));

const ALPHA2 = Object.keys(countries.getAlpha2Codes()).sort();
export const CountryCode = Object.fromEntries(ALPHA2.map((c) => [c, c])) as Record<string, string>;
registerEnumType(CountryCode, {
  name: 'CountryCode',
  description: 'A country, ISO 3166-1 alpha-2 (the codes the start inputs take, e.g. `PawaPassCountry` values).',
  valuesConfig: Object.fromEntries(ALPHA2.map((c) => [c, { description: countries.getName(c, 'en') ?? c }])),
});

/** The alpha-2 code of a provider's country value (alpha-2 or alpha-3, any case); null when it names none. */
export function toCountryCode(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const upper = raw.trim().toUpperCase();
  if (upper.length === 2) return Object.hasOwn(CountryCode, upper) ? upper : null;
  if (upper.length === 3) return countries.alpha3ToAlpha2(upper) ?? null;
  return null;
}

export const IDENTITY_DOCUMENT_TYPES = ['PASSPORT', 'NATIONAL_ID', 'DRIVER_LICENSE', 'RESIDENCE_PERMIT', 'VISA', 'VOTER_ID', 'OTHER'] as const;
export type IdentityDocumentTypeValue = (typeof IDENTITY_DOCUMENT_TYPES)[number];
export const IdentityDocumentType = Object.fromEntries(IDENTITY_DOCUMENT_TYPES.map((t) => [t, t])) as { [K in IdentityDocumentTypeValue]: K };
registerEnumType(IdentityDocumentType, {
  name: 'IdentityDocumentType',
  description: "Kind of identity document, the same for every provider. The provider's own value is in `providerType`.",
  valuesConfig: {
    PASSPORT: { description: 'Passport.' },
    NATIONAL_ID: { description: 'National identity card or other government-issued ID card (pawaPass NATIONAL_ID, Argos government_id, ID_CARD).' },
    DRIVER_LICENSE: { description: "Driver's license." },
    RESIDENCE_PERMIT: { description: 'Residence permit.' },
    VISA: { description: 'Visa.' },
    VOTER_ID: { description: "Voter's card." },
    OTHER: { description: 'Another document the provider accepts (e.g. a vehicle registration certificate); see `providerType`.' },
  },
});

const DOCUMENT_ALIASES: Record<string, IdentityDocumentTypeValue> = {
  PASSPORT: 'PASSPORT',
  NATIONAL_ID: 'NATIONAL_ID',
  NATIONAL_ID_CARD: 'NATIONAL_ID',
  ID_CARD: 'NATIONAL_ID',
  IDENTITY_CARD: 'NATIONAL_ID',
  GOVERNMENT_ID: 'NATIONAL_ID',
  DRIVER_LICENSE: 'DRIVER_LICENSE',
  DRIVERS_LICENSE: 'DRIVER_LICENSE',
  DRIVING_LICENSE: 'DRIVER_LICENSE',
  DRIVING_LICENCE: 'DRIVER_LICENSE',
  RESIDENCE_PERMIT: 'RESIDENCE_PERMIT',
  VISA: 'VISA',
  VOTER_ID: 'VOTER_ID',
  VOTERS_ID: 'VOTER_ID',
};

/** The unified document type of a provider's value (any case, spaces or dashes); null stays null. */
export function toIdentityDocumentType(raw: string | null | undefined): IdentityDocumentTypeValue | null {
  if (!raw) return null;
  const key = raw.trim().toUpperCase().replace(/['’]/g, '').replace(/[\s-]+/g, '_');
  return DOCUMENT_ALIASES[key] ?? 'OTHER';
}
