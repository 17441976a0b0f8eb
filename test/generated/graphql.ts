/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Argos step 2 with the project's collect-address option on: one of `globalCode`, `compoundCode`, `formattedAddress` (from Argos's Post/Address_code API) is required; the rest optional. */
export type ArgosAddressInput = {
  /** Sent as address_detail (flat, floor…). */
  addressDetail?: string | null | undefined;
  /** Sent as address_input (what the user typed). */
  addressInput?: string | null | undefined;
  /** Sent as compoundCode. */
  compoundCode?: string | null | undefined;
  /** Sent as formatted_address. */
  formattedAddress?: string | null | undefined;
  /** Sent as globalCode. */
  globalCode?: string | null | undefined;
};

/** Per-submission overrides of the Argos project's options (seed: customOptions). Sent as a serialized JSON string. */
export type ArgosCustomOptionsInput = {
  /** false turns the age restriction off for this submission. Only false is allowed. */
  ageLimit?: boolean | null | undefined;
  /** false turns the approved-duplicate prevention period off for this submission. Only false is allowed. */
  approvePeriod?: boolean | null | undefined;
  /** false turns the blacklisted-countries check off for this submission. Only false is allowed. */
  blacklistCountries?: boolean | null | undefined;
  /** Turns duplicate-submission prevention on (true) or off (false) for this submission. */
  rejectDuplicateUser?: boolean | null | undefined;
  /** false turns the rejected-duplicate prevention period off for this submission. Only false is allowed. */
  rejectPeriod?: boolean | null | undefined;
};

/** Gender as Argos accepts it in step 2 (sent as male/female). */
export type ArgosGender =
  /** Sent as `female`. */
  | 'FEMALE'
  /** Sent as `male`. */
  | 'MALE';

/** The kind of ID the images show; sent to Argos in lower case (e.g. PASSPORT → passport). */
export type ArgosIdType =
  /** Indian Aadhaar card. */
  | 'AADHAAR'
  /** Driver's licence. */
  | 'DRIVERS_LICENSE'
  /** Government-issued national ID card. */
  | 'GOVERNMENT_ID'
  /** Indian PAN card. */
  | 'PANCARD'
  /** Passport (photo page). */
  | 'PASSPORT'
  /** Residence permit card. */
  | 'RESIDENCE_PERMIT'
  /** Argos Universal mode: any ID; `documentFields` may then be absent when OCR fails. */
  | 'UNIVERSAL'
  /** Vehicle registration certificate. */
  | 'VEHICLE_REGISTRATION_CERTIFICATE'
  /** Visa. */
  | 'VISA';

/** What your app should do next with an Argos submission. */
export type ArgosNextStep =
  /** Show the OCR data for correction, take a selfie, and call `confirmArgosSubmission`. */
  | 'CONFIRM'
  /** Final (approved, declined or expired); nothing more to do. */
  | 'NONE'
  /** Call `submitArgosDocument` again with new ID images and this `submissionId` (a retry). */
  | 'SUBMIT_DOCUMENT'
  /** Argos is reviewing; the result arrives on `verificationUpdated`. */
  | 'WAIT';

/** Where a check stands. */
export type CheckStatus =
  /** Final: the check failed; record a new one with corrected data. */
  | 'FAILED'
  /** Recorded; the provider is still processing it. Wait for `checkUpdated`. */
  | 'IN_PROGRESS'
  /** Final: the check passed. */
  | 'PASSED';

/** What a check establishes about a user. */
export type CheckType =
  /** A compliance check. Type `ComplianceCheck`. */
  | 'COMPLIANCE'
  /** Appropriateness / suitability questionnaire outcome. Type `InstrumentFitCheck`. */
  | 'INSTRUMENT_FIT'
  /** Know your customer: the identity was verified (document, method, provider). Type `KycCheck`. */
  | 'KYC'
  /** Proof of residency: a document shows where the user lives. Type `ProofOfResidencyCheck`. */
  | 'POR';

/** Argos step 2: the selfie and the applicant's confirmed (possibly corrected) data. Fields mirror Argos's step 2 form fields in camelCase. Send as a GraphQL multipart request. */
export type ConfirmArgosSubmissionInput = {
  /** The address, when the Argos project collects addresses (else Argos answers `missing address data parameters`). */
  address?: ArgosAddressInput | null | undefined;
  /** Proof-of-address image, when the Argos project asks for one: JPEG or PNG, at most 2 MB. Sent as addressImage (the field name Argos uses in its GET `image` block; the step 2 field name is not in the material). */
  addressImage?: unknown;
  /** Date of birth, YYYY-MM-DD (start from `reviewOCRData.ocrBirthDate`). */
  dateOfBirth: string;
  /** Expiry date of the ID, YYYY-MM-DD. */
  dateOfExpiry?: string | null | undefined;
  /** Issue date of the ID, YYYY-MM-DD. */
  dateOfIssue?: string | null | undefined;
  /** Document number. */
  documentNumber?: string | null | undefined;
  /** Selfie with exactly one face: JPEG or PNG, at most 2 MB; 960×720 recommended. */
  faceImage: unknown;
  /** Gender, when the ID shows one. */
  gender?: ArgosGender | null | undefined;
  /** Identity number (Korean IDs). */
  identityNumber?: string | null | undefined;
  /** Licence number (Korean driver's licence, 12 characters). */
  licenseNumber?: string | null | undefined;
  /** Full name as on the ID (start from `reviewOCRData.ocrName`). */
  name: string;
  /** Nationality: ISO 3166-1 alpha-3 (alpha-2 accepted and converted). */
  nationality?: string | null | undefined;
  /** Serial number. */
  serialNumber?: string | null | undefined;
  /** The submission to confirm: the `providerRef` returned by `submitArgosDocument`. */
  submissionId: string;
};

/** Confirmed address (Upvest `confirmed_address`). Must not be a P.O. box or c/o address. */
export type ConfirmedAddressInput = {
  /** First address line, 1 to 100 characters. */
  addressLine1: string;
  /** Second address line, at most 100 characters. */
  addressLine2?: string | null | undefined;
  /** City, 1 to 85 characters. */
  city: string;
  /** Country, ISO 3166-1 alpha-2 in capitals, e.g. DE. */
  country: string;
  /** Postal code: 1 to 10 letters, digits, spaces or hyphens. */
  postcode: string;
  /** State, province or county, at most 50 characters. */
  state?: string | null | undefined;
};

/** A country, ISO 3166-1 alpha-2 (the codes the start inputs take, e.g. `PawaPassCountry` values). */
export type CountryCode =
  /** Andorra */
  | 'AD'
  /** United Arab Emirates */
  | 'AE'
  /** Afghanistan */
  | 'AF'
  /** Antigua and Barbuda */
  | 'AG'
  /** Anguilla */
  | 'AI'
  /** Albania */
  | 'AL'
  /** Armenia */
  | 'AM'
  /** Angola */
  | 'AO'
  /** Antarctica */
  | 'AQ'
  /** Argentina */
  | 'AR'
  /** American Samoa */
  | 'AS'
  /** Austria */
  | 'AT'
  /** Australia */
  | 'AU'
  /** Aruba */
  | 'AW'
  /** Åland Islands */
  | 'AX'
  /** Azerbaijan */
  | 'AZ'
  /** Bosnia and Herzegovina */
  | 'BA'
  /** Barbados */
  | 'BB'
  /** Bangladesh */
  | 'BD'
  /** Belgium */
  | 'BE'
  /** Burkina Faso */
  | 'BF'
  /** Bulgaria */
  | 'BG'
  /** Bahrain */
  | 'BH'
  /** Burundi */
  | 'BI'
  /** Benin */
  | 'BJ'
  /** Saint Barthélemy */
  | 'BL'
  /** Bermuda */
  | 'BM'
  /** Brunei Darussalam */
  | 'BN'
  /** Bolivia */
  | 'BO'
  /** Bonaire, Sint Eustatius and Saba */
  | 'BQ'
  /** Brazil */
  | 'BR'
  /** Bahamas */
  | 'BS'
  /** Bhutan */
  | 'BT'
  /** Bouvet Island */
  | 'BV'
  /** Botswana */
  | 'BW'
  /** Belarus */
  | 'BY'
  /** Belize */
  | 'BZ'
  /** Canada */
  | 'CA'
  /** Cocos (Keeling) Islands */
  | 'CC'
  /** Democratic Republic of the Congo */
  | 'CD'
  /** Central African Republic */
  | 'CF'
  /** Republic of the Congo */
  | 'CG'
  /** Switzerland */
  | 'CH'
  /** Cote d'Ivoire */
  | 'CI'
  /** Cook Islands */
  | 'CK'
  /** Chile */
  | 'CL'
  /** Cameroon */
  | 'CM'
  /** People's Republic of China */
  | 'CN'
  /** Colombia */
  | 'CO'
  /** Costa Rica */
  | 'CR'
  /** Cuba */
  | 'CU'
  /** Cape Verde */
  | 'CV'
  /** Curaçao */
  | 'CW'
  /** Christmas Island */
  | 'CX'
  /** Cyprus */
  | 'CY'
  /** Czech Republic */
  | 'CZ'
  /** Germany */
  | 'DE'
  /** Djibouti */
  | 'DJ'
  /** Denmark */
  | 'DK'
  /** Dominica */
  | 'DM'
  /** Dominican Republic */
  | 'DO'
  /** Algeria */
  | 'DZ'
  /** Ecuador */
  | 'EC'
  /** Estonia */
  | 'EE'
  /** Egypt */
  | 'EG'
  /** Western Sahara */
  | 'EH'
  /** Eritrea */
  | 'ER'
  /** Spain */
  | 'ES'
  /** Ethiopia */
  | 'ET'
  /** Finland */
  | 'FI'
  /** Fiji */
  | 'FJ'
  /** Falkland Islands (Malvinas) */
  | 'FK'
  /** Micronesia, Federated States of */
  | 'FM'
  /** Faroe Islands */
  | 'FO'
  /** France */
  | 'FR'
  /** Gabon */
  | 'GA'
  /** United Kingdom */
  | 'GB'
  /** Grenada */
  | 'GD'
  /** Georgia */
  | 'GE'
  /** French Guiana */
  | 'GF'
  /** Guernsey */
  | 'GG'
  /** Ghana */
  | 'GH'
  /** Gibraltar */
  | 'GI'
  /** Greenland */
  | 'GL'
  /** Republic of The Gambia */
  | 'GM'
  /** Guinea */
  | 'GN'
  /** Guadeloupe */
  | 'GP'
  /** Equatorial Guinea */
  | 'GQ'
  /** Greece */
  | 'GR'
  /** South Georgia and the South Sandwich Islands */
  | 'GS'
  /** Guatemala */
  | 'GT'
  /** Guam */
  | 'GU'
  /** Guinea-Bissau */
  | 'GW'
  /** Guyana */
  | 'GY'
  /** Hong Kong */
  | 'HK'
  /** Heard Island and McDonald Islands */
  | 'HM'
  /** Honduras */
  | 'HN'
  /** Croatia */
  | 'HR'
  /** Haiti */
  | 'HT'
  /** Hungary */
  | 'HU'
  /** Indonesia */
  | 'ID'
  /** Ireland */
  | 'IE'
  /** Israel */
  | 'IL'
  /** Isle of Man */
  | 'IM'
  /** India */
  | 'IN'
  /** British Indian Ocean Territory */
  | 'IO'
  /** Iraq */
  | 'IQ'
  /** Islamic Republic of Iran */
  | 'IR'
  /** Iceland */
  | 'IS'
  /** Italy */
  | 'IT'
  /** Jersey */
  | 'JE'
  /** Jamaica */
  | 'JM'
  /** Jordan */
  | 'JO'
  /** Japan */
  | 'JP'
  /** Kenya */
  | 'KE'
  /** Kyrgyzstan */
  | 'KG'
  /** Cambodia */
  | 'KH'
  /** Kiribati */
  | 'KI'
  /** Comoros */
  | 'KM'
  /** Saint Kitts and Nevis */
  | 'KN'
  /** North Korea */
  | 'KP'
  /** South Korea */
  | 'KR'
  /** Kuwait */
  | 'KW'
  /** Cayman Islands */
  | 'KY'
  /** Kazakhstan */
  | 'KZ'
  /** Lao People's Democratic Republic */
  | 'LA'
  /** Lebanon */
  | 'LB'
  /** Saint Lucia */
  | 'LC'
  /** Liechtenstein */
  | 'LI'
  /** Sri Lanka */
  | 'LK'
  /** Liberia */
  | 'LR'
  /** Lesotho */
  | 'LS'
  /** Lithuania */
  | 'LT'
  /** Luxembourg */
  | 'LU'
  /** Latvia */
  | 'LV'
  /** Libya */
  | 'LY'
  /** Morocco */
  | 'MA'
  /** Monaco */
  | 'MC'
  /** Moldova, Republic of */
  | 'MD'
  /** Montenegro */
  | 'ME'
  /** Saint Martin (French part) */
  | 'MF'
  /** Madagascar */
  | 'MG'
  /** Marshall Islands */
  | 'MH'
  /** The Republic of North Macedonia */
  | 'MK'
  /** Mali */
  | 'ML'
  /** Myanmar */
  | 'MM'
  /** Mongolia */
  | 'MN'
  /** Macao */
  | 'MO'
  /** Northern Mariana Islands */
  | 'MP'
  /** Martinique */
  | 'MQ'
  /** Mauritania */
  | 'MR'
  /** Montserrat */
  | 'MS'
  /** Malta */
  | 'MT'
  /** Mauritius */
  | 'MU'
  /** Maldives */
  | 'MV'
  /** Malawi */
  | 'MW'
  /** Mexico */
  | 'MX'
  /** Malaysia */
  | 'MY'
  /** Mozambique */
  | 'MZ'
  /** Namibia */
  | 'NA'
  /** New Caledonia */
  | 'NC'
  /** Niger */
  | 'NE'
  /** Norfolk Island */
  | 'NF'
  /** Nigeria */
  | 'NG'
  /** Nicaragua */
  | 'NI'
  /** Netherlands */
  | 'NL'
  /** Norway */
  | 'NO'
  /** Nepal */
  | 'NP'
  /** Nauru */
  | 'NR'
  /** Niue */
  | 'NU'
  /** New Zealand */
  | 'NZ'
  /** Oman */
  | 'OM'
  /** Panama */
  | 'PA'
  /** Peru */
  | 'PE'
  /** French Polynesia */
  | 'PF'
  /** Papua New Guinea */
  | 'PG'
  /** Philippines */
  | 'PH'
  /** Pakistan */
  | 'PK'
  /** Poland */
  | 'PL'
  /** Saint Pierre and Miquelon */
  | 'PM'
  /** Pitcairn */
  | 'PN'
  /** Puerto Rico */
  | 'PR'
  /** State of Palestine */
  | 'PS'
  /** Portugal */
  | 'PT'
  /** Palau */
  | 'PW'
  /** Paraguay */
  | 'PY'
  /** Qatar */
  | 'QA'
  /** Reunion */
  | 'RE'
  /** Romania */
  | 'RO'
  /** Serbia */
  | 'RS'
  /** Russian Federation */
  | 'RU'
  /** Rwanda */
  | 'RW'
  /** Saudi Arabia */
  | 'SA'
  /** Solomon Islands */
  | 'SB'
  /** Seychelles */
  | 'SC'
  /** Sudan */
  | 'SD'
  /** Sweden */
  | 'SE'
  /** Singapore */
  | 'SG'
  /** Saint Helena */
  | 'SH'
  /** Slovenia */
  | 'SI'
  /** Svalbard and Jan Mayen */
  | 'SJ'
  /** Slovakia */
  | 'SK'
  /** Sierra Leone */
  | 'SL'
  /** San Marino */
  | 'SM'
  /** Senegal */
  | 'SN'
  /** Somalia */
  | 'SO'
  /** Suriname */
  | 'SR'
  /** South Sudan */
  | 'SS'
  /** Sao Tome and Principe */
  | 'ST'
  /** El Salvador */
  | 'SV'
  /** Sint Maarten (Dutch part) */
  | 'SX'
  /** Syrian Arab Republic */
  | 'SY'
  /** Eswatini */
  | 'SZ'
  /** Turks and Caicos Islands */
  | 'TC'
  /** Chad */
  | 'TD'
  /** French Southern Territories */
  | 'TF'
  /** Togo */
  | 'TG'
  /** Thailand */
  | 'TH'
  /** Tajikistan */
  | 'TJ'
  /** Tokelau */
  | 'TK'
  /** Timor-Leste */
  | 'TL'
  /** Turkmenistan */
  | 'TM'
  /** Tunisia */
  | 'TN'
  /** Tonga */
  | 'TO'
  /** Türkiye */
  | 'TR'
  /** Trinidad and Tobago */
  | 'TT'
  /** Tuvalu */
  | 'TV'
  /** Taiwan, Province of China */
  | 'TW'
  /** United Republic of Tanzania */
  | 'TZ'
  /** Ukraine */
  | 'UA'
  /** Uganda */
  | 'UG'
  /** United States Minor Outlying Islands */
  | 'UM'
  /** United States of America */
  | 'US'
  /** Uruguay */
  | 'UY'
  /** Uzbekistan */
  | 'UZ'
  /** Holy See (Vatican City State) */
  | 'VA'
  /** Saint Vincent and the Grenadines */
  | 'VC'
  /** Venezuela */
  | 'VE'
  /** Virgin Islands, British */
  | 'VG'
  /** Virgin Islands, U.S. */
  | 'VI'
  /** Vietnam */
  | 'VN'
  /** Vanuatu */
  | 'VU'
  /** Wallis and Futuna */
  | 'WF'
  /** Samoa */
  | 'WS'
  /** Kosovo */
  | 'XK'
  /** Yemen */
  | 'YE'
  /** Mayotte */
  | 'YT'
  /** South Africa */
  | 'ZA'
  /** Zambia */
  | 'ZM'
  /** Zimbabwe */
  | 'ZW';

/** Creates an ingestion. Unified over the sources: kyc-graph turns it into the provider's per-source request (Sumsub share token, Veriff session). */
export type CreateIngestionInput = {
  /** Send the same key when retrying: the first result is returned and no second ingestion is created (kept 24 h). */
  idempotencyKey?: string | null | undefined;
  /** VERIFF only: the Veriff integration name registered with the platform. Default: the server configuration. */
  integrationName?: string | null | undefined;
  /** Which KYC processes to fill, e.g. `[IDENTITY, PROOF_OF_ADDRESS]`. At least one, each at most once. */
  processes: Array<KycProcess>;
  /** VERIFF only: several approved sessions in one ingestion, each with the processes it provides, e.g. an IDV session for `[PROFILE, IDENTITY]` and a PoA session for `[ADDRESS, PROOF_OF_ADDRESS]`. `sourceVerificationRef` must be one of them and `processes` their union. Without it, `sourceVerificationRef` is one session providing every process. */
  sessions?: Array<IngestionSessionInput> | null | undefined;
  /** Where the user was verified: SUMSUB or VERIFF. */
  source: IngestionSource;
  /** The approved source verification: for SUMSUB the share token generated for the approved applicant, for VERIFF the approved session id. */
  sourceVerificationRef: string;
  /** The user at the receiving platform to submit the data for (created there beforehand). */
  userId: string;
};

/** Records an instrument-fit check. Fields mirror Upvest's INSTRUMENT_FIT create request. */
export type CreateInstrumentFitCheckInput = {
  /** When the questionnaire was completed. */
  checkConfirmedAt: string;
  /** Send the same key when retrying: the first result is returned and no second check is recorded (kept 24 h). Also sent to Upvest as `idempotency-key`. */
  idempotencyKey?: string | null | undefined;
  /** Outcome of the suitability assessment. */
  instrumentSuitability: InstrumentSuitabilityInput;
  /** The Upvest user the check is recorded for (a UUID). */
  userId: string | number;
};

/** Records a KYC check. Fields mirror Upvest's KYC create request; `userId` and `idempotencyKey` are kyc-graph's. */
export type CreateKycCheckInput = {
  /** When the KYC process was completed. Must not be older than 24 months. */
  checkConfirmedAt: string;
  /** Address confirmed by the KYC process. */
  confirmedAddress?: ConfirmedAddressInput | null | undefined;
  /** Download URL of the KYC evidence file (at most 1000 characters; the file at most 200 MB). */
  dataDownloadLink: string;
  /** Expiry date of that document, YYYY-MM-DD. */
  documentExpirationDate: string;
  /** Identity document used. */
  documentType: KycDocumentType;
  /** Send the same key when retrying: the first result is returned and no second check is recorded (kept 24 h). Also sent to Upvest as `idempotency-key`. */
  idempotencyKey?: string | null | undefined;
  /** True when this refreshes an earlier KYC record rather than being the first one. */
  kycUpdate?: boolean | null | undefined;
  /** How the user was identified. LIVENESS_PHOTO_ID is refused when `confirmedAddress.country` is DE. */
  method: KycMethod;
  /** Issuing country of the document, ISO 3166-1 alpha-2 in capitals. */
  nationality: string;
  /** The KYC provider that performed the identification, 1 to 100 characters (e.g. IDNOW). */
  provider: string;
  /** The Upvest user the check is recorded for (a UUID). */
  userId: string | number;
};

/** Records a proof-of-residency check. Fields mirror Upvest's POR create request. */
export type CreateProofOfResidencyCheckInput = {
  /** When the proof of residency was checked. */
  checkConfirmedAt: string;
  /** The confirmed residence address. */
  confirmedAddress: ConfirmedAddressInput;
  /** Download URL of the evidence file (at most 1000 characters; the file at most 200 MB). */
  dataDownloadLink: string;
  /** Document used. */
  documentType: ProofOfResidencyDocumentType;
  /** Send the same key when retrying: the first result is returned and no second check is recorded (kept 24 h). Also sent to Upvest as `idempotency-key`. */
  idempotencyKey?: string | null | undefined;
  /** Issuance date of the document, YYYY-MM-DD. Bills and bank statements: within 12 months before `checkConfirmedAt`; REGISTRATION_CERT: within 5 years. */
  issuanceDate: string;
  /** The Upvest user the check is recorded for (a UUID). */
  userId: string | number;
};

/** Kind of identity document, the same for every provider. The provider's own value is in `providerType`. */
export type IdentityDocumentType =
  /** Driver's license. */
  | 'DRIVER_LICENSE'
  /** National identity card or other government-issued ID card (pawaPass NATIONAL_ID, Argos government_id, ID_CARD). */
  | 'NATIONAL_ID'
  /** Another document the provider accepts (e.g. a vehicle registration certificate); see `providerType`. */
  | 'OTHER'
  /** Passport. */
  | 'PASSPORT'
  /** Residence permit. */
  | 'RESIDENCE_PERMIT'
  /** Visa. */
  | 'VISA'
  /** Voter's card. */
  | 'VOTER_ID';

/** Outcome of ingesting one KYC process. It says whether data was copied, not whether the KYC process passed. */
export type IngestionProcessStatus =
  /** The data was extracted and submitted to the platform. This is NOT a KYC pass: the KYC process itself may still be pending or failed (e.g. duplicate identity, underage user). Check the KYC overview (`kycOverview`). */
  | 'COMPLETED'
  /** The data could not be extracted or submitted; `error` says why. Nothing was submitted for this process. */
  | 'FAILED'
  /** Not done yet. */
  | 'PROCESSING';

/** One source session of an ingestion (VERIFF). */
export type IngestionSessionInput = {
  /** The Veriff integration of this session. Default: the input's `integrationName`, then the server configuration. */
  integrationName?: string | null | undefined;
  /** The processes this session provides. */
  processes: Array<KycProcess>;
  /** The approved Veriff session id. */
  sourceVerificationRef: string;
};

/** The KYC provider where the end user was already verified, whose data an ingestion copies. */
export type IngestionSource =
  /** Sumsub: `sourceVerificationRef` is a share token generated for the approved applicant. */
  | 'SUMSUB'
  /** Veriff: `sourceVerificationRef` is the id of an approved Veriff session. */
  | 'VERIFF';

/** Where an ingestion stands. It only moves forward: QUEUED → RUNNING → FINISHED. */
export type IngestionStatus =
  /** Final: processing ended. Read each entry of `results`: FINISHED does not mean every process COMPLETED, and COMPLETED does not mean the KYC process passed. */
  | 'FINISHED'
  /** Created; waiting for a worker to pick it up. */
  | 'QUEUED'
  /** A worker is fetching the data from the source provider and submitting it. */
  | 'RUNNING';

/** Outcome of the suitability assessment (Upvest `instrument_suitability`). */
export type InstrumentSuitabilityInput = {
  /** True when the user went through a suitability assessment and the outcome indicated suitability. */
  suitability: boolean;
};

/** Identity document used in a KYC check. */
export type KycDocumentType =
  /** National identification document. */
  | 'ID_CARD'
  /** Passport. */
  | 'PASSPORT'
  /** Residence permit. */
  | 'RESIDENCE_PERMIT';

/** How the AML-compliant identification was done. */
export type KycMethod =
  /** Advanced electronic identification (namely the German eID). */
  | 'ELECTRONIC_ID'
  /** In-person identification at the post office or the client's outlet. */
  | 'IN_PERSON_ID'
  /** Photos and security features of the document plus a video liveness check. Not allowed when the residence country is DE. */
  | 'LIVENESS_PHOTO_ID'
  /** Video identification. */
  | 'VIDEO_ID';

/** A KYC process of the receiving platform that an ingestion can fill. */
export type KycProcess =
  /** Residential address. */
  | 'ADDRESS'
  /** Identity document and selfie. */
  | 'IDENTITY'
  /** Full name, date and place of birth, citizenship. */
  | 'PROFILE'
  /** Document proving the residential address. */
  | 'PROOF_OF_ADDRESS';

/** Countries pawaPass verifies in (ISO 3166-1 alpha-2). Sets which national documents the end user is offered. */
export type PawaPassCountry =
  /** Angola: the end user is offered documents issued there. */
  | 'AO'
  /** Benin: the end user is offered documents issued there. */
  | 'BJ'
  /** DR Congo: the end user is offered documents issued there. */
  | 'CD'
  /** Congo (Brazzaville): the end user is offered documents issued there. */
  | 'CG'
  /** Cameroon: the end user is offered documents issued there. */
  | 'CM'
  /** Ghana: the end user is offered documents issued there. */
  | 'GH'
  /** Kenya: the end user is offered documents issued there. */
  | 'KE'
  /** Liberia: the end user is offered documents issued there. */
  | 'LR'
  /** Lesotho: the end user is offered documents issued there. */
  | 'LS'
  /** Mali: the end user is offered documents issued there. */
  | 'ML'
  /** Malawi: the end user is offered documents issued there. */
  | 'MW'
  /** Mozambique: the end user is offered documents issued there. */
  | 'MZ'
  /** Nigeria: the end user is offered documents issued there. */
  | 'NG'
  /** Rwanda: the end user is offered documents issued there. */
  | 'RW'
  /** Sierra Leone: the end user is offered documents issued there. */
  | 'SL'
  /** Togo: the end user is offered documents issued there. */
  | 'TG'
  /** Tanzania: the end user is offered documents issued there. */
  | 'TZ'
  /** Uganda: the end user is offered documents issued there. */
  | 'UG'
  /** Zambia: the end user is offered documents issued there. */
  | 'ZM';

/** One step the end user must complete. */
export type PawaPassRequirementInput = {
  /** Optional settings of this step. */
  options?: PawaPassRequirementOptionsInput | null | undefined;
  /** DOCUMENT_SCAN or FACE_SCAN. */
  type: PawaPassRequirementType;
};

/** Options of a requirement. */
export type PawaPassRequirementOptionsInput = {
  /** For a face-only re-check: the id of an earlier APPROVED pawaPass verification to match the face against. */
  previousVerificationId?: string | null | undefined;
};

/** What the end user must capture. */
export type PawaPassRequirementType =
  /** Scan of an identity document; fills `identityDocument`. */
  | 'DOCUMENT_SCAN'
  /** Selfie / liveness scan; fills `faceScan`. */
  | 'FACE_SCAN';

/** Document used as proof of residency. Bills and bank statements may be at most 12 months old; a registration certificate at most 5 years; permits and ID cards must still be valid. */
export type ProofOfResidencyDocumentType =
  /** Bank account statement (at most 12 months old). */
  | 'BANK_STATEMENT'
  /** ID card that contains the registration address (while valid). */
  | 'ID_CARD'
  /** Internet bill (at most 12 months old). */
  | 'INTERNET_BILL'
  /** Registration certificate (issued within the past 5 years). */
  | 'REGISTRATION_CERT'
  /** Residence permit, e.g. Blue Card (while valid). */
  | 'RESIDENCE_PERMIT'
  /** Landline telephone bill (at most 12 months old). */
  | 'TELEPHONE_BILL'
  /** Water, gas or electricity bill (at most 12 months old). */
  | 'UTILITY_BILL';

/** The KYC provider behind a verification, check or ingestion. */
export type Provider =
  /** Argos server-side ID upload with OCR, confirmed in a second step. */
  | 'ARGOS'
  /** pawaPass hosted document and face scan session. */
  | 'PAWAPASS'
  /** Uphold KYC Connector: ingests an approved Sumsub/Veriff verification. */
  | 'UPHOLD'
  /** UpPass hosted verification form; result by webhook. */
  | 'UPPASS'
  /** Upvest user checks (KYC, proof of residency, instrument fit, compliance). */
  | 'UPVEST';

/** Starts a pawaPass session. Fields mirror pawaPass's POST /v2/verifications body; `subjectId` and `idempotencyKey` are kyc-graph's. */
export type StartPawaPassVerificationInput = {
  /** Country of the end user; one of the countries pawaPass supports. */
  country?: PawaPassCountry | null | undefined;
  /** Email or id of the person or system creating the verification. */
  createdBy?: string | null | undefined;
  /** Where pawaPass sends the end user when the verification fails (http or https). */
  errorUrl: string;
  /** When the session expires if not completed (ISO 8601). pawaPass states no rule for it; a time already past makes the session expire at once. Default: 7 days in the sandbox. */
  expiresAt?: string | null | undefined;
  /** Your unique identifier for this user or verification, sent to pawaPass (required, non-empty). */
  externalId: string;
  /** Send the same key when retrying: the first result is returned and no second pawaPass session is created (kept 24 h). */
  idempotencyKey?: string | null | undefined;
  /** Your key-value data, stored by pawaPass and returned in `metadata` and webhooks. Do not put secrets here. */
  metadata?: unknown;
  /** Phone number, e.g. +260971234567. When absent pawaPass takes it from `metadata.phoneNo`. */
  phoneNo?: string | null | undefined;
  /** What the end user must complete, e.g. `[{type: DOCUMENT_SCAN}, {type: FACE_SCAN}]`. At least one. */
  requirements: Array<PawaPassRequirementInput>;
  /** Your user id; lets you list and subscribe by user (`verifications(filter: {subjectId})`). */
  subjectId: string;
  /** Where pawaPass sends the end user after a successful verification (http or https). */
  successUrl: string;
  /** Where the end user can get help during the verification (http or https). */
  supportUrl: string;
};

/** Starts an UpPass application. Fields mirror UpPass's Create Form call (`form_slug`, `lang`, `answers`); `subjectId` and `idempotencyKey` are kyc-graph's. */
export type StartUpPassVerificationInput = {
  /** Predefined answers and input parameters, keyed by question key, e.g. `{"ekyc_document_type": "passport", "customer_id": "uuid_1"}`. Without `ekyc_document_type` UpPass asks for a national ID. At most 200 keys and 64 KiB. */
  answers?: unknown;
  /** The UpPass flow (form) to create an application of, as named in the UpPass portal, e.g. `kyc-onboarding`. The sandbox accepts any slug. */
  formSlug: string;
  /** Send the same key when retrying: the first result is returned and no second UpPass application is created (or paid for; kept 24 h). */
  idempotencyKey?: string | null | undefined;
  /** Language of the form the end user sees, e.g. `en` or `th` (the sandbox serves en and th; another language is refused by UpPass with NOT_FOUND). */
  lang: string;
  /** Your user id; lets you list and subscribe by user (`verifications(filter: {subjectId})`). */
  subjectId: string;
};

/** Starts a hosted identity verification at the provider the routing policy picks for `country` (pawaPass for the countries it serves, UpPass for any other by default; `ROUTING_POLICY` changes it). Common fields are mapped onto each provider's own request; each field says what a provider cannot take. */
export type StartVerificationInput = {
  /** Country of the end user, ISO 3166-1 alpha-2 in upper case (e.g. `ZM`). Picks the providers to try; a provider that does not serve it is skipped. pawaPass: sent as `country` (its documents). UpPass: not sent (its form decides). */
  country: string;
  /** Where the end user goes when the verification fails. pawaPass: `errorUrl`, required when pawaPass may be tried. UpPass: not taken. */
  errorUrl?: string | null | undefined;
  /** When the session expires if not completed (must be in the future). pawaPass: `expiresAt`. UpPass: not taken (UpPass documents no expiry; drop-offs arrive as EXPIRED). */
  expiresAt?: string | null | undefined;
  /** Send the same key when retrying: the first result (including its provider and attempts) is returned, and a retry never opens a session at a second provider (kept 24 h). */
  idempotencyKey?: string | null | undefined;
  /** Language of the form the end user sees, e.g. `en` or `th`. UpPass: the `{lang}` of the form url (default `en`). pawaPass: not taken (its page picks the language). */
  lang?: string | null | undefined;
  /** Your key-value data. pawaPass: `metadata`, returned in `metadata` and webhooks. UpPass: sent as predefined `answers` keyed by question key (so its keys must be UpPass question keys: letters, digits, _ . -; at most 200 keys). Do not put secrets here. */
  metadata?: unknown;
  /** Phone number of the end user, e.g. +260971234567. pawaPass: `phoneNo`. UpPass: not taken (ask for it in the form). */
  phoneNo?: string | null | undefined;
  /** The providers to try, in order, instead of the routing policy's. Only providers with a hosted flow (PAWAPASS, UPPASS); those that do not serve `country` are skipped. */
  providers?: Array<Provider> | null | undefined;
  /** 1 to 3650: when this subject has an APPROVED verification (any hosted provider, your tenant) approved at most this many days ago whose identity document has not expired, return the newest one (`reused: true`) without calling a provider. Needs the scope `verifications:read` too. */
  reuseApprovedWithinDays?: number | null | undefined;
  /** Your user id. pawaPass: sent as `externalId`. UpPass: kept by kyc-graph only. Reuse looks for this subject's verifications. */
  subjectId: string;
  /** Where the end user goes after a successful verification. pawaPass: `successUrl`, required when pawaPass may be tried. UpPass: not taken (the form's own end page is configured in the UpPass portal). */
  successUrl?: string | null | undefined;
  /** Where the end user gets help. pawaPass: `supportUrl`, required when pawaPass may be tried. UpPass: not taken. */
  supportUrl?: string | null | undefined;
};

/** Argos step 1: the ID images and the applicant. Fields mirror the seed's form fields; `subjectId` and `idempotencyKey` are kyc-graph's. Send as a GraphQL multipart request. */
export type SubmitArgosDocumentInput = {
  /** Custom field 1, stored by Argos and returned in webhooks. */
  cf1?: string | null | undefined;
  /** Custom field 2, stored by Argos and returned in webhooks. */
  cf2?: string | null | undefined;
  /** Custom field 3, stored by Argos and returned in webhooks. */
  cf3?: string | null | undefined;
  /** Per-submission overrides of the project's options. */
  customOptions?: ArgosCustomOptionsInput | null | undefined;
  /** The applicant's email address (required by Argos). */
  email: string;
  /** Back of the ID, for ID types Argos collects the back of: JPEG or PNG, at most 2 MB. */
  idBackImage?: unknown;
  /** Front of the ID: JPEG or PNG (decided by the bytes), at most 2 MB; 640×480 recommended (not required), with a little padding around the ID. */
  idImage: unknown;
  /** Which kind of ID the images show. */
  idType: ArgosIdType;
  /** Send the same key when retrying a request: the first result is returned and Argos is not called again (kept 24 h). */
  idempotencyKey?: string | null | undefined;
  /** Country that issued the ID: ISO 3166-1 alpha-3 as Argos expects (KOR); alpha-2 (KR) is accepted and converted. */
  issuingCountry: string;
  /** Your user id; lets you list and subscribe by user. */
  subjectId: string;
  /** For a retry (status RETRY_REQUIRED, nextStep SUBMIT_DOCUMENT): the `providerRef` of the submission. Valid 4 hours from its creation. */
  submissionId?: string | null | undefined;
  /** Your optional unique identifier of the user, stored by Argos (seed: userid). */
  userid?: string | null | undefined;
};

/** Status of a KYC process at Uphold (the KYC overview's values). */
export type UpholdKycStatus =
  /** Not required for this user. */
  | 'EXEMPT'
  /** Failed, e.g. a duplicate identity conflict with another user or an underage user; see `reason`. */
  | 'FAILED'
  /** Passed. */
  | 'OK'
  /** Data is missing or still to be submitted. */
  | 'PENDING'
  /** Uphold is checking the submitted data. */
  | 'PROCESSING';

/** Narrows `verifications`. All given fields must match. */
export type VerificationFilter = {
  /** Only verifications with this externalId. */
  externalId?: string | null | undefined;
  /** Only this provider. */
  provider?: Provider | null | undefined;
  /** Only verifications currently in this status. */
  status?: VerificationStatus | null | undefined;
  /** Only verifications started for this user id. */
  subjectId?: string | null | undefined;
};

/** Where a verification stands, the same for every provider. The raw value is in `providerStatus`. */
export type VerificationStatus =
  /** Final: the identity was verified. */
  | 'APPROVED'
  /** The session exists; the end user has not started. Show the `url` to the end user. */
  | 'CREATED'
  /** Final: the provider refused; `reviewReason` says why when the provider tells. */
  | 'DECLINED'
  /** Final: the session ran out of time before it was completed. Start a new one. */
  | 'EXPIRED'
  /** The end user is filling in or capturing (or Argos step 1 is done and step 2 is pending). */
  | 'IN_PROGRESS'
  /** The end user is done; the provider is processing or reviewing. Tell the user to wait. */
  | 'IN_REVIEW'
  /** The provider asks for a new attempt; `retriesLeft` says how many remain. */
  | 'RETRY_REQUIRED';

export type VerificationQueryVariables = Exact<{
  id: string | number;
}>;


export type VerificationQuery = { verification: { id: string, provider: Provider, status: VerificationStatus, providerStatus: string, reviewReason: string | null, createdAt: string, updatedAt: string, identityDocument: { type: IdentityDocumentType | null, providerType: string | null, country: string | null, firstName: string | null, lastName: string | null, dateOfBirth: string | null, expiryAt: string | null } | null, faceScan: { ageEstimation: string | null } | null, history: Array<{ status: VerificationStatus, providerStatus: string, at: string }> } | null };

export type MyVerificationsQueryVariables = Exact<{
  subjectId?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type MyVerificationsQuery = { verifications: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, provider: Provider, status: VerificationStatus, providerStatus: string, url: string | null, country: CountryCode | null, createdAt: string } }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null } } };

export type StartPawaPassVerificationMutationVariables = Exact<{
  input: StartPawaPassVerificationInput;
}>;


export type StartPawaPassVerificationMutation = { startPawaPassVerification: { id: string, provider: Provider, providerRef: string, subjectId: string, status: VerificationStatus, providerStatus: string, url: string | null, expiresAt: string | null } };

export type OnVerificationUpdatedSubscriptionVariables = Exact<{
  subjectId?: string | null | undefined;
  id?: string | number | null | undefined;
}>;


export type OnVerificationUpdatedSubscription = { verificationUpdated: { cursor: string, at: string, previousStatus: VerificationStatus | null, verification: { id: string, provider: Provider, status: VerificationStatus, providerStatus: string, reviewReason: string | null } } };

export type ArgosVerificationFieldsFragment = { id: string, provider: Provider, providerRef: string, subjectId: string, externalId: string | null, status: VerificationStatus, providerStatus: string, url: string | null, country: CountryCode | null, retriesLeft: number | null, reviewReason: string | null, expiresAt: string | null, identityDocument: { type: IdentityDocumentType | null, country: string | null, firstName: string | null, lastName: string | null, dateOfBirth: string | null, nationality: string | null, nationalNo: string | null, expiryAt: string | null, issuedAt: string | null } | null, faceScan: { createdAt: string | null } | null, history: Array<{ status: VerificationStatus, providerStatus: string }>, details:
    | { kycStatus: string, nextStep: ArgosNextStep, retryCount: number | null, idType: ArgosIdType | null, issuingCountry: string | null, email: string | null, userid: string | null, cf1: string | null, cf2: string | null, cf3: string | null, missingFields: Array<string> | null, idImageUploaded: boolean | null, idBackImageUploaded: boolean | null, verificationResult: string | null, faceSimilarityScore: number | null, livenessScore: number | null, reviewer: string | null, rejectCodes: Array<string> | null, comments: Array<string> | null, argosScore: string | null, recognitionScore: string | null, submittedAt: string | null, retry: Array<{ retryCode: string, retryMsg: string }> | null, reviewOCRData: { ocrName: string | null, acceptedOcrName: boolean | null, ocrFirstName: string | null, acceptedOcrFirstName: boolean | null, ocrLastName: string | null, acceptedOcrLastName: boolean | null, ocrBirthDate: string | null, acceptedOcrBirthDate: boolean | null, ocrIssueDate: string | null, acceptedOcrIssueDate: boolean | null, ocrExpireDate: string | null, acceptedOcrExpireDate: boolean | null, ocrGender: string | null, acceptedOcrGender: boolean | null, ocrNationality: string | null, acceptedOcrNationality: boolean | null, ocrIdentityNumber: string | null, acceptedOcrIdentityNumber: boolean | null, ocrLicenseNumber: string | null, acceptedOcrLicenseNumber: boolean | null } | null, documentFields: { expireDate: boolean | null, identityNumber: boolean | null, gender: boolean | null, issueDate: boolean | null, nationality: boolean | null, name: boolean | null, birthDate: boolean | null, documentNumber: boolean | null, serialNumber: boolean | null } | null, attempts: Array<{ attemptCnt: number, retryCode: Array<string>, retryMsg: Array<string>, livenessScore: number | null }> | null, images: { idImage: string | null, idBackImage: string | null, selfieImage: string | null, addressImage: string | null } | null }
    | Record<PropertyKey, never>
   | null };

export type SubmitArgosDocumentMutationVariables = Exact<{
  input: SubmitArgosDocumentInput;
}>;


export type SubmitArgosDocumentMutation = { submitArgosDocument: { id: string, provider: Provider, providerRef: string, subjectId: string, externalId: string | null, status: VerificationStatus, providerStatus: string, url: string | null, country: CountryCode | null, retriesLeft: number | null, reviewReason: string | null, expiresAt: string | null, identityDocument: { type: IdentityDocumentType | null, country: string | null, firstName: string | null, lastName: string | null, dateOfBirth: string | null, nationality: string | null, nationalNo: string | null, expiryAt: string | null, issuedAt: string | null } | null, faceScan: { createdAt: string | null } | null, history: Array<{ status: VerificationStatus, providerStatus: string }>, details:
      | { kycStatus: string, nextStep: ArgosNextStep, retryCount: number | null, idType: ArgosIdType | null, issuingCountry: string | null, email: string | null, userid: string | null, cf1: string | null, cf2: string | null, cf3: string | null, missingFields: Array<string> | null, idImageUploaded: boolean | null, idBackImageUploaded: boolean | null, verificationResult: string | null, faceSimilarityScore: number | null, livenessScore: number | null, reviewer: string | null, rejectCodes: Array<string> | null, comments: Array<string> | null, argosScore: string | null, recognitionScore: string | null, submittedAt: string | null, retry: Array<{ retryCode: string, retryMsg: string }> | null, reviewOCRData: { ocrName: string | null, acceptedOcrName: boolean | null, ocrFirstName: string | null, acceptedOcrFirstName: boolean | null, ocrLastName: string | null, acceptedOcrLastName: boolean | null, ocrBirthDate: string | null, acceptedOcrBirthDate: boolean | null, ocrIssueDate: string | null, acceptedOcrIssueDate: boolean | null, ocrExpireDate: string | null, acceptedOcrExpireDate: boolean | null, ocrGender: string | null, acceptedOcrGender: boolean | null, ocrNationality: string | null, acceptedOcrNationality: boolean | null, ocrIdentityNumber: string | null, acceptedOcrIdentityNumber: boolean | null, ocrLicenseNumber: string | null, acceptedOcrLicenseNumber: boolean | null } | null, documentFields: { expireDate: boolean | null, identityNumber: boolean | null, gender: boolean | null, issueDate: boolean | null, nationality: boolean | null, name: boolean | null, birthDate: boolean | null, documentNumber: boolean | null, serialNumber: boolean | null } | null, attempts: Array<{ attemptCnt: number, retryCode: Array<string>, retryMsg: Array<string>, livenessScore: number | null }> | null, images: { idImage: string | null, idBackImage: string | null, selfieImage: string | null, addressImage: string | null } | null }
      | Record<PropertyKey, never>
     | null } };

export type ConfirmArgosSubmissionMutationVariables = Exact<{
  input: ConfirmArgosSubmissionInput;
}>;


export type ConfirmArgosSubmissionMutation = { confirmArgosSubmission: { id: string, provider: Provider, providerRef: string, subjectId: string, externalId: string | null, status: VerificationStatus, providerStatus: string, url: string | null, country: CountryCode | null, retriesLeft: number | null, reviewReason: string | null, expiresAt: string | null, identityDocument: { type: IdentityDocumentType | null, country: string | null, firstName: string | null, lastName: string | null, dateOfBirth: string | null, nationality: string | null, nationalNo: string | null, expiryAt: string | null, issuedAt: string | null } | null, faceScan: { createdAt: string | null } | null, history: Array<{ status: VerificationStatus, providerStatus: string }>, details:
      | { kycStatus: string, nextStep: ArgosNextStep, retryCount: number | null, idType: ArgosIdType | null, issuingCountry: string | null, email: string | null, userid: string | null, cf1: string | null, cf2: string | null, cf3: string | null, missingFields: Array<string> | null, idImageUploaded: boolean | null, idBackImageUploaded: boolean | null, verificationResult: string | null, faceSimilarityScore: number | null, livenessScore: number | null, reviewer: string | null, rejectCodes: Array<string> | null, comments: Array<string> | null, argosScore: string | null, recognitionScore: string | null, submittedAt: string | null, retry: Array<{ retryCode: string, retryMsg: string }> | null, reviewOCRData: { ocrName: string | null, acceptedOcrName: boolean | null, ocrFirstName: string | null, acceptedOcrFirstName: boolean | null, ocrLastName: string | null, acceptedOcrLastName: boolean | null, ocrBirthDate: string | null, acceptedOcrBirthDate: boolean | null, ocrIssueDate: string | null, acceptedOcrIssueDate: boolean | null, ocrExpireDate: string | null, acceptedOcrExpireDate: boolean | null, ocrGender: string | null, acceptedOcrGender: boolean | null, ocrNationality: string | null, acceptedOcrNationality: boolean | null, ocrIdentityNumber: string | null, acceptedOcrIdentityNumber: boolean | null, ocrLicenseNumber: string | null, acceptedOcrLicenseNumber: boolean | null } | null, documentFields: { expireDate: boolean | null, identityNumber: boolean | null, gender: boolean | null, issueDate: boolean | null, nationality: boolean | null, name: boolean | null, birthDate: boolean | null, documentNumber: boolean | null, serialNumber: boolean | null } | null, attempts: Array<{ attemptCnt: number, retryCode: Array<string>, retryMsg: Array<string>, livenessScore: number | null }> | null, images: { idImage: string | null, idBackImage: string | null, selfieImage: string | null, addressImage: string | null } | null }
      | Record<PropertyKey, never>
     | null } };

export type ArgosVerificationQueryVariables = Exact<{
  id: string | number;
}>;


export type ArgosVerificationQuery = { verification: { id: string, provider: Provider, providerRef: string, subjectId: string, externalId: string | null, status: VerificationStatus, providerStatus: string, url: string | null, country: CountryCode | null, retriesLeft: number | null, reviewReason: string | null, expiresAt: string | null, identityDocument: { type: IdentityDocumentType | null, country: string | null, firstName: string | null, lastName: string | null, dateOfBirth: string | null, nationality: string | null, nationalNo: string | null, expiryAt: string | null, issuedAt: string | null } | null, faceScan: { createdAt: string | null } | null, history: Array<{ status: VerificationStatus, providerStatus: string }>, details:
      | { kycStatus: string, nextStep: ArgosNextStep, retryCount: number | null, idType: ArgosIdType | null, issuingCountry: string | null, email: string | null, userid: string | null, cf1: string | null, cf2: string | null, cf3: string | null, missingFields: Array<string> | null, idImageUploaded: boolean | null, idBackImageUploaded: boolean | null, verificationResult: string | null, faceSimilarityScore: number | null, livenessScore: number | null, reviewer: string | null, rejectCodes: Array<string> | null, comments: Array<string> | null, argosScore: string | null, recognitionScore: string | null, submittedAt: string | null, retry: Array<{ retryCode: string, retryMsg: string }> | null, reviewOCRData: { ocrName: string | null, acceptedOcrName: boolean | null, ocrFirstName: string | null, acceptedOcrFirstName: boolean | null, ocrLastName: string | null, acceptedOcrLastName: boolean | null, ocrBirthDate: string | null, acceptedOcrBirthDate: boolean | null, ocrIssueDate: string | null, acceptedOcrIssueDate: boolean | null, ocrExpireDate: string | null, acceptedOcrExpireDate: boolean | null, ocrGender: string | null, acceptedOcrGender: boolean | null, ocrNationality: string | null, acceptedOcrNationality: boolean | null, ocrIdentityNumber: string | null, acceptedOcrIdentityNumber: boolean | null, ocrLicenseNumber: string | null, acceptedOcrLicenseNumber: boolean | null } | null, documentFields: { expireDate: boolean | null, identityNumber: boolean | null, gender: boolean | null, issueDate: boolean | null, nationality: boolean | null, name: boolean | null, birthDate: boolean | null, documentNumber: boolean | null, serialNumber: boolean | null } | null, attempts: Array<{ attemptCnt: number, retryCode: Array<string>, retryMsg: Array<string>, livenessScore: number | null }> | null, images: { idImage: string | null, idBackImage: string | null, selfieImage: string | null, addressImage: string | null } | null }
      | Record<PropertyKey, never>
     | null } | null };

export type ArgosUpdatesSubscriptionVariables = Exact<{
  subjectId?: string | null | undefined;
}>;


export type ArgosUpdatesSubscription = { verificationUpdated: { cursor: string, previousStatus: VerificationStatus | null, verification: { id: string, status: VerificationStatus, providerStatus: string, retriesLeft: number | null, reviewReason: string | null, details:
        | { kycStatus: string, nextStep: ArgosNextStep, retryCount: number | null }
        | Record<PropertyKey, never>
       | null } } };

export type EraseSubjectMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type EraseSubjectMutation = { eraseSubject: { subjectId: string, erasedAt: string, verifications: number, checks: number, ingestions: number, events: number } };

export type AuditLogQueryVariables = Exact<{
  subjectId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogQuery = { auditLog: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, at: string, actor: string, action: string, targetId: string | null } }>, nodes: Array<{ action: string }>, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, endCursor: string | null } } };

export type StartPawaPassMutationVariables = Exact<{
  input: StartPawaPassVerificationInput;
}>;


export type StartPawaPassMutation = { startPawaPassVerification: { id: string, provider: Provider, providerRef: string, subjectId: string, externalId: string | null, status: VerificationStatus, providerStatus: string, url: string | null, country: CountryCode | null, metadata: unknown, expiresAt: string | null, createdAt: string, details:
      | { phoneNo: string | null, successUrl: string, errorUrl: string, supportUrl: string, createdBy: string | null, requirements: Array<{ type: PawaPassRequirementType, options: { previousVerificationId: string | null } | null }> }
      | Record<PropertyKey, never>
     | null } };

export type GetVerificationQueryVariables = Exact<{
  id: string | number;
}>;


export type GetVerificationQuery = { verification: { id: string, status: VerificationStatus, providerStatus: string, reviewReason: string | null, updatedAt: string, identityDocument: { type: IdentityDocumentType | null, country: string | null, firstName: string | null, lastName: string | null, dateOfBirth: string | null, nationalNo: string | null, expiryAt: string | null } | null, faceScan: { ageEstimation: string | null } | null, history: Array<{ status: VerificationStatus, providerStatus: string, at: string }> } | null };

export type ListVerificationsQueryVariables = Exact<{
  filter?: VerificationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ListVerificationsQuery = { verifications: { edges: Array<{ cursor: string, node: { id: string, subjectId: string, status: VerificationStatus, providerStatus: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SubjectVerificationsQueryVariables = Exact<{
  id: string | number;
}>;


export type SubjectVerificationsQuery = { subject: { id: string, verifications: { totalCount: number, nodes: Array<{ id: string, status: VerificationStatus }> } } | null };

export type VerificationUpdatedSubscriptionVariables = Exact<{
  id?: string | number | null | undefined;
  subjectId?: string | null | undefined;
  provider?: Provider | null | undefined;
  after?: string | null | undefined;
}>;


export type VerificationUpdatedSubscription = { verificationUpdated: { cursor: string, at: string, previousStatus: VerificationStatus | null, verification: { id: string, subjectId: string, status: VerificationStatus, providerStatus: string } } };

export type PawaPassFixtureViewQueryVariables = Exact<{
  id: string | number;
}>;


export type PawaPassFixtureViewQuery = { verification: { id: string, status: VerificationStatus, providerStatus: string, createdAt: string, identityDocument: { type: IdentityDocumentType | null, country: string | null, serialNo: string | null, nationalNo: string | null, firstName: string | null, lastName: string | null, dateOfBirth: string | null, placeOfBirth: string | null, nationality: string | null, expiryAt: string | null, issuedAt: string | null, issuingAuthority: string | null, placeOfIssue: string | null, updatedAt: string | null } | null, history: Array<{ status: VerificationStatus, providerStatus: string }>, details:
      | { createdAt: string | null, createdBy: string | null }
      | Record<PropertyKey, never>
     | null } | null };

export type StartVerificationMutationVariables = Exact<{
  input: StartVerificationInput;
}>;


export type StartVerificationMutation = { startVerification: { reused: boolean, attempts: Array<{ provider: Provider, code: string, message: string }>, verification: { id: string, provider: Provider, providerRef: string, subjectId: string, externalId: string | null, status: VerificationStatus, url: string | null, country: CountryCode | null, metadata: unknown, expiresAt: string | null, details:
        | { phoneNo: string | null, successUrl: string, errorUrl: string, supportUrl: string, requirements: Array<{ type: PawaPassRequirementType }> }
        | { formSlug: string, lang: string | null, answers: Array<{ questionKey: string, value: unknown }> }
        | Record<PropertyKey, never>
       | null } } };

export type IngestionFieldsFragment = { id: string, provider: Provider, providerRef: string, source: IngestionSource, sourceVerificationRef: string, userId: string | null, processes: Array<KycProcess>, status: IngestionStatus, providerStatus: string, startedAt: string | null, finishedAt: string | null, createdAt: string, updatedAt: string, sourceSessions: Array<{ ref: string, processes: Array<KycProcess>, integrationName: string | null }>, results: Array<{ process: KycProcess, status: IngestionProcessStatus, data: unknown, files: Array<{ id: string, category: string | null, context: string | null, contentType: string | null, size: number | null, providerDetails: unknown }>, error: { code: string, message: string | null } | null }>, history: Array<{ status: IngestionStatus, providerStatus: string, at: string }> };

export type CreateIngestionMutationVariables = Exact<{
  input: CreateIngestionInput;
}>;


export type CreateIngestionMutation = { createIngestion: { id: string, provider: Provider, providerRef: string, source: IngestionSource, sourceVerificationRef: string, userId: string | null, processes: Array<KycProcess>, status: IngestionStatus, providerStatus: string, startedAt: string | null, finishedAt: string | null, createdAt: string, updatedAt: string, sourceSessions: Array<{ ref: string, processes: Array<KycProcess>, integrationName: string | null }>, results: Array<{ process: KycProcess, status: IngestionProcessStatus, data: unknown, files: Array<{ id: string, category: string | null, context: string | null, contentType: string | null, size: number | null, providerDetails: unknown }>, error: { code: string, message: string | null } | null }>, history: Array<{ status: IngestionStatus, providerStatus: string, at: string }> } };

export type GetIngestionQueryVariables = Exact<{
  id: string | number;
}>;


export type GetIngestionQuery = { ingestion: { id: string, provider: Provider, providerRef: string, source: IngestionSource, sourceVerificationRef: string, userId: string | null, processes: Array<KycProcess>, status: IngestionStatus, providerStatus: string, startedAt: string | null, finishedAt: string | null, createdAt: string, updatedAt: string, sourceSessions: Array<{ ref: string, processes: Array<KycProcess>, integrationName: string | null }>, results: Array<{ process: KycProcess, status: IngestionProcessStatus, data: unknown, files: Array<{ id: string, category: string | null, context: string | null, contentType: string | null, size: number | null, providerDetails: unknown }>, error: { code: string, message: string | null } | null }>, history: Array<{ status: IngestionStatus, providerStatus: string, at: string }> } | null };

export type GetIngestionOverviewQueryVariables = Exact<{
  id: string | number;
}>;


export type GetIngestionOverviewQuery = { ingestion: { id: string, status: IngestionStatus, results: Array<{ process: KycProcess, status: IngestionProcessStatus, data: unknown, error: { code: string } | null }>, kycOverview: { status: UpholdKycStatus | null, reason: string | null, processes: Array<{ process: string, status: UpholdKycStatus | null, providerStatus: string, reason: string | null }> } | null } | null };

export type SubjectIngestionsQueryVariables = Exact<{
  id: string | number;
}>;


export type SubjectIngestionsQuery = { subject: { id: string, ingestions: { totalCount: number, nodes: Array<{ id: string, userId: string | null, status: IngestionStatus }> } } | null };

export type IngestionUpdatedSubscriptionVariables = Exact<{
  id?: string | number | null | undefined;
  userId?: string | null | undefined;
}>;


export type IngestionUpdatedSubscription = { ingestionUpdated: { cursor: string, at: string, previousStatus: IngestionStatus | null, ingestion: { id: string, userId: string | null, status: IngestionStatus, providerStatus: string, results: Array<{ process: KycProcess, status: IngestionProcessStatus, data: unknown, error: { code: string, message: string | null } | null }> } } };

export type StartUpPassMutationVariables = Exact<{
  input: StartUpPassVerificationInput;
}>;


export type StartUpPassMutation = { startUpPassVerification: { id: string, provider: Provider, providerRef: string, subjectId: string, status: VerificationStatus, providerStatus: string, url: string | null, createdAt: string, details:
      | { formSlug: string, lang: string | null, step: string | null, section: string | null, submittedAt: string | null, answers: Array<{ questionKey: string, value: unknown }> }
      | Record<PropertyKey, never>
     | null } };

export type ResendUpPassWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type ResendUpPassWebhookMutation = { resendUpPassWebhook: boolean };

export type GetUpPassVerificationQueryVariables = Exact<{
  id: string | number;
}>;


export type GetUpPassVerificationQuery = { verification: { id: string, provider: Provider, providerRef: string, status: VerificationStatus, providerStatus: string, url: string | null, reviewReason: string | null, identityDocument: { type: IdentityDocumentType | null, createdAt: string | null, updatedAt: string | null } | null, faceScan: { createdAt: string | null, updatedAt: string | null } | null, history: Array<{ status: VerificationStatus, providerStatus: string }>, details:
      | { formSlug: string, lang: string | null, applicationId: number | null, applicationNo: string | null, submittedAt: string | null, lastEventType: string | null, ekycStatus: string | null, answers: Array<{ questionKey: string, value: unknown, createdAt: string | null, updatedAt: string | null }>, liveness: { url: string | null, attempts: Array<{ id: number, attempt: number, status: string, message: string | null, createdAt: string | null, images: Array<{ url: string, action: string }> }> } | null, faceCompare: { score: number | null, status: string | null } | null, documentCheck: { url: string | null, type: string | null, faceImageUrl: string | null, attempts: Array<{ id: number, attempt: number, url: string, type: string, status: string, message: string | null, createdAt: string | null }> } | null, bankStatement: { id: number, validationPass: boolean | null, documentCount: number, validation: unknown, createdAt: string | null } | null }
      | Record<PropertyKey, never>
     | null } | null };

export type UpPassUpdatedSubscriptionVariables = Exact<{
  id?: string | number | null | undefined;
  subjectId?: string | null | undefined;
  provider?: Provider | null | undefined;
}>;


export type UpPassUpdatedSubscription = { verificationUpdated: { cursor: string, previousStatus: VerificationStatus | null, verification: { id: string, provider: Provider, status: VerificationStatus, providerStatus: string, faceScan: { createdAt: string | null } | null, details:
        | { ekycStatus: string | null, lastEventType: string | null, faceCompare: { score: number | null, status: string | null } | null }
        | Record<PropertyKey, never>
       | null } } };

type CheckFields_ComplianceCheck_Fragment = { __typename: 'ComplianceCheck', id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null };

type CheckFields_InstrumentFitCheck_Fragment = { __typename: 'InstrumentFitCheck', id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null, instrumentSuitability: { suitability: boolean } | null };

type CheckFields_KycCheck_Fragment = { __typename: 'KycCheck', dataDownloadLink: string | null, documentType: KycDocumentType | null, documentExpirationDate: string | null, nationality: string | null, provider: string | null, method: KycMethod | null, kycUpdate: boolean | null, id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null, confirmedAddress: { addressLine1: string, addressLine2: string | null, postcode: string, city: string, state: string | null, country: string } | null };

type CheckFields_ProofOfResidencyCheck_Fragment = { __typename: 'ProofOfResidencyCheck', issuanceDate: string | null, dataDownloadLink: string | null, id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null, porDocumentType: ProofOfResidencyDocumentType | null, confirmedAddress: { addressLine1: string, addressLine2: string | null, postcode: string, city: string, state: string | null, country: string } | null };

export type CheckFieldsFragment =
  | CheckFields_ComplianceCheck_Fragment
  | CheckFields_InstrumentFitCheck_Fragment
  | CheckFields_KycCheck_Fragment
  | CheckFields_ProofOfResidencyCheck_Fragment
;

export type CreateKycCheckMutationVariables = Exact<{
  input: CreateKycCheckInput;
}>;


export type CreateKycCheckMutation = { createKycCheck: { __typename: 'KycCheck', dataDownloadLink: string | null, documentType: KycDocumentType | null, documentExpirationDate: string | null, nationality: string | null, provider: string | null, method: KycMethod | null, kycUpdate: boolean | null, id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null, confirmedAddress: { addressLine1: string, addressLine2: string | null, postcode: string, city: string, state: string | null, country: string } | null } };

export type CreateProofOfResidencyCheckMutationVariables = Exact<{
  input: CreateProofOfResidencyCheckInput;
}>;


export type CreateProofOfResidencyCheckMutation = { createProofOfResidencyCheck: { __typename: 'ProofOfResidencyCheck', issuanceDate: string | null, dataDownloadLink: string | null, id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null, porDocumentType: ProofOfResidencyDocumentType | null, confirmedAddress: { addressLine1: string, addressLine2: string | null, postcode: string, city: string, state: string | null, country: string } | null } };

export type CreateInstrumentFitCheckMutationVariables = Exact<{
  input: CreateInstrumentFitCheckInput;
}>;


export type CreateInstrumentFitCheckMutation = { createInstrumentFitCheck: { __typename: 'InstrumentFitCheck', id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null, instrumentSuitability: { suitability: boolean } | null } };

export type RecordVerificationAsKycCheckMutationVariables = Exact<{
  verificationId: string | number;
  userId: string | number;
  dataDownloadLink: string;
  method?: KycMethod | null | undefined;
  confirmedAddress?: ConfirmedAddressInput | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type RecordVerificationAsKycCheckMutation = { recordVerificationAsKycCheck: { __typename: 'KycCheck', dataDownloadLink: string | null, documentType: KycDocumentType | null, documentExpirationDate: string | null, nationality: string | null, provider: string | null, method: KycMethod | null, kycUpdate: boolean | null, id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null, confirmedAddress: { addressLine1: string, addressLine2: string | null, postcode: string, city: string, state: string | null, country: string } | null } };

export type UserChecksQueryVariables = Exact<{
  userId: string | number;
}>;


export type UserChecksQuery = { checks: Array<
    | { __typename: 'ComplianceCheck', id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null }
    | { __typename: 'InstrumentFitCheck', id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null, instrumentSuitability: { suitability: boolean } | null }
    | { __typename: 'KycCheck', dataDownloadLink: string | null, documentType: KycDocumentType | null, documentExpirationDate: string | null, nationality: string | null, provider: string | null, method: KycMethod | null, kycUpdate: boolean | null, id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null, confirmedAddress: { addressLine1: string, addressLine2: string | null, postcode: string, city: string, state: string | null, country: string } | null }
    | { __typename: 'ProofOfResidencyCheck', issuanceDate: string | null, dataDownloadLink: string | null, id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null, porDocumentType: ProofOfResidencyDocumentType | null, confirmedAddress: { addressLine1: string, addressLine2: string | null, postcode: string, city: string, state: string | null, country: string } | null }
  > };

export type UserCheckQueryVariables = Exact<{
  userId: string | number;
  id: string | number;
}>;


export type UserCheckQuery = { check:
    | { __typename: 'ComplianceCheck', id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null }
    | { __typename: 'InstrumentFitCheck', id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null, instrumentSuitability: { suitability: boolean } | null }
    | { __typename: 'KycCheck', dataDownloadLink: string | null, documentType: KycDocumentType | null, documentExpirationDate: string | null, nationality: string | null, provider: string | null, method: KycMethod | null, kycUpdate: boolean | null, id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null, confirmedAddress: { addressLine1: string, addressLine2: string | null, postcode: string, city: string, state: string | null, country: string } | null }
    | { __typename: 'ProofOfResidencyCheck', issuanceDate: string | null, dataDownloadLink: string | null, id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null, porDocumentType: ProofOfResidencyDocumentType | null, confirmedAddress: { addressLine1: string, addressLine2: string | null, postcode: string, city: string, state: string | null, country: string } | null }
   | null };

export type SubjectChecksQueryVariables = Exact<{
  id: string | number;
}>;


export type SubjectChecksQuery = { subject: { id: string, checks: Array<
      | { id: string, type: CheckType, status: CheckStatus }
      | { id: string, type: CheckType, status: CheckStatus }
      | { id: string, type: CheckType, status: CheckStatus }
      | { id: string, type: CheckType, status: CheckStatus }
    > } | null };

export type CheckUpdatedSubscriptionVariables = Exact<{
  userId?: string | number | null | undefined;
  after?: string | null | undefined;
}>;


export type CheckUpdatedSubscription = { checkUpdated: { cursor: string, at: string, check:
      | { __typename: 'ComplianceCheck', id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null }
      | { __typename: 'InstrumentFitCheck', id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null, instrumentSuitability: { suitability: boolean } | null }
      | { __typename: 'KycCheck', dataDownloadLink: string | null, documentType: KycDocumentType | null, documentExpirationDate: string | null, nationality: string | null, provider: string | null, method: KycMethod | null, kycUpdate: boolean | null, id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null, confirmedAddress: { addressLine1: string, addressLine2: string | null, postcode: string, city: string, state: string | null, country: string } | null }
      | { __typename: 'ProofOfResidencyCheck', issuanceDate: string | null, dataDownloadLink: string | null, id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null, porDocumentType: ProofOfResidencyDocumentType | null, confirmedAddress: { addressLine1: string, addressLine2: string | null, postcode: string, city: string, state: string | null, country: string } | null }
     } };

export const ArgosVerificationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ArgosVerificationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Verification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"retriesLeft"}},{"kind":"Field","name":{"kind":"Name","value":"reviewReason"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"identityDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"nationalNo"}},{"kind":"Field","name":{"kind":"Name","value":"expiryAt"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"faceScan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArgosDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kycStatus"}},{"kind":"Field","name":{"kind":"Name","value":"nextStep"}},{"kind":"Field","name":{"kind":"Name","value":"retryCount"}},{"kind":"Field","name":{"kind":"Name","value":"retry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryCode"}},{"kind":"Field","name":{"kind":"Name","value":"retryMsg"}}]}},{"kind":"Field","name":{"kind":"Name","value":"idType"}},{"kind":"Field","name":{"kind":"Name","value":"issuingCountry"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"userid"}},{"kind":"Field","name":{"kind":"Name","value":"cf1"}},{"kind":"Field","name":{"kind":"Name","value":"cf2"}},{"kind":"Field","name":{"kind":"Name","value":"cf3"}},{"kind":"Field","name":{"kind":"Name","value":"reviewOCRData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ocrName"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrName"}},{"kind":"Field","name":{"kind":"Name","value":"ocrFirstName"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrFirstName"}},{"kind":"Field","name":{"kind":"Name","value":"ocrLastName"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrLastName"}},{"kind":"Field","name":{"kind":"Name","value":"ocrBirthDate"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrBirthDate"}},{"kind":"Field","name":{"kind":"Name","value":"ocrIssueDate"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrIssueDate"}},{"kind":"Field","name":{"kind":"Name","value":"ocrExpireDate"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrExpireDate"}},{"kind":"Field","name":{"kind":"Name","value":"ocrGender"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrGender"}},{"kind":"Field","name":{"kind":"Name","value":"ocrNationality"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrNationality"}},{"kind":"Field","name":{"kind":"Name","value":"ocrIdentityNumber"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrIdentityNumber"}},{"kind":"Field","name":{"kind":"Name","value":"ocrLicenseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrLicenseNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documentFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expireDate"}},{"kind":"Field","name":{"kind":"Name","value":"identityNumber"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"issueDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}},{"kind":"Field","name":{"kind":"Name","value":"idImageUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"idBackImageUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"verificationResult"}},{"kind":"Field","name":{"kind":"Name","value":"faceSimilarityScore"}},{"kind":"Field","name":{"kind":"Name","value":"livenessScore"}},{"kind":"Field","name":{"kind":"Name","value":"reviewer"}},{"kind":"Field","name":{"kind":"Name","value":"rejectCodes"}},{"kind":"Field","name":{"kind":"Name","value":"comments"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attemptCnt"}},{"kind":"Field","name":{"kind":"Name","value":"retryCode"}},{"kind":"Field","name":{"kind":"Name","value":"retryMsg"}},{"kind":"Field","name":{"kind":"Name","value":"livenessScore"}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"idImage"}},{"kind":"Field","name":{"kind":"Name","value":"idBackImage"}},{"kind":"Field","name":{"kind":"Name","value":"selfieImage"}},{"kind":"Field","name":{"kind":"Name","value":"addressImage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"argosScore"}},{"kind":"Field","name":{"kind":"Name","value":"recognitionScore"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ArgosVerificationFieldsFragment, unknown>;
export const IngestionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IngestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ingestion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"sourceVerificationRef"}},{"kind":"Field","name":{"kind":"Name","value":"sourceSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"processes"}},{"kind":"Field","name":{"kind":"Name","value":"integrationName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"processes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"providerDetails"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<IngestionFieldsFragment, unknown>;
export const CheckFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<CheckFieldsFragment, unknown>;
export const VerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Verification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reviewReason"}},{"kind":"Field","name":{"kind":"Name","value":"identityDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"providerType"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"expiryAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"faceScan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ageEstimation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<VerificationQuery, VerificationQueryVariables>;
export const MyVerificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyVerifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MyVerificationsQuery, MyVerificationsQueryVariables>;
export const StartPawaPassVerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPawaPassVerification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartPawaPassVerificationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPawaPassVerification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<StartPawaPassVerificationMutation, StartPawaPassVerificationMutationVariables>;
export const OnVerificationUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OnVerificationUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verificationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"verification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reviewReason"}}]}}]}}]}}]} as unknown as DocumentNode<OnVerificationUpdatedSubscription, OnVerificationUpdatedSubscriptionVariables>;
export const SubmitArgosDocumentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitArgosDocument"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitArgosDocumentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitArgosDocument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ArgosVerificationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ArgosVerificationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Verification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"retriesLeft"}},{"kind":"Field","name":{"kind":"Name","value":"reviewReason"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"identityDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"nationalNo"}},{"kind":"Field","name":{"kind":"Name","value":"expiryAt"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"faceScan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArgosDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kycStatus"}},{"kind":"Field","name":{"kind":"Name","value":"nextStep"}},{"kind":"Field","name":{"kind":"Name","value":"retryCount"}},{"kind":"Field","name":{"kind":"Name","value":"retry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryCode"}},{"kind":"Field","name":{"kind":"Name","value":"retryMsg"}}]}},{"kind":"Field","name":{"kind":"Name","value":"idType"}},{"kind":"Field","name":{"kind":"Name","value":"issuingCountry"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"userid"}},{"kind":"Field","name":{"kind":"Name","value":"cf1"}},{"kind":"Field","name":{"kind":"Name","value":"cf2"}},{"kind":"Field","name":{"kind":"Name","value":"cf3"}},{"kind":"Field","name":{"kind":"Name","value":"reviewOCRData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ocrName"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrName"}},{"kind":"Field","name":{"kind":"Name","value":"ocrFirstName"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrFirstName"}},{"kind":"Field","name":{"kind":"Name","value":"ocrLastName"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrLastName"}},{"kind":"Field","name":{"kind":"Name","value":"ocrBirthDate"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrBirthDate"}},{"kind":"Field","name":{"kind":"Name","value":"ocrIssueDate"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrIssueDate"}},{"kind":"Field","name":{"kind":"Name","value":"ocrExpireDate"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrExpireDate"}},{"kind":"Field","name":{"kind":"Name","value":"ocrGender"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrGender"}},{"kind":"Field","name":{"kind":"Name","value":"ocrNationality"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrNationality"}},{"kind":"Field","name":{"kind":"Name","value":"ocrIdentityNumber"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrIdentityNumber"}},{"kind":"Field","name":{"kind":"Name","value":"ocrLicenseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrLicenseNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documentFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expireDate"}},{"kind":"Field","name":{"kind":"Name","value":"identityNumber"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"issueDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}},{"kind":"Field","name":{"kind":"Name","value":"idImageUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"idBackImageUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"verificationResult"}},{"kind":"Field","name":{"kind":"Name","value":"faceSimilarityScore"}},{"kind":"Field","name":{"kind":"Name","value":"livenessScore"}},{"kind":"Field","name":{"kind":"Name","value":"reviewer"}},{"kind":"Field","name":{"kind":"Name","value":"rejectCodes"}},{"kind":"Field","name":{"kind":"Name","value":"comments"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attemptCnt"}},{"kind":"Field","name":{"kind":"Name","value":"retryCode"}},{"kind":"Field","name":{"kind":"Name","value":"retryMsg"}},{"kind":"Field","name":{"kind":"Name","value":"livenessScore"}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"idImage"}},{"kind":"Field","name":{"kind":"Name","value":"idBackImage"}},{"kind":"Field","name":{"kind":"Name","value":"selfieImage"}},{"kind":"Field","name":{"kind":"Name","value":"addressImage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"argosScore"}},{"kind":"Field","name":{"kind":"Name","value":"recognitionScore"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitArgosDocumentMutation, SubmitArgosDocumentMutationVariables>;
export const ConfirmArgosSubmissionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ConfirmArgosSubmission"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmArgosSubmissionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmArgosSubmission"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ArgosVerificationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ArgosVerificationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Verification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"retriesLeft"}},{"kind":"Field","name":{"kind":"Name","value":"reviewReason"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"identityDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"nationalNo"}},{"kind":"Field","name":{"kind":"Name","value":"expiryAt"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"faceScan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArgosDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kycStatus"}},{"kind":"Field","name":{"kind":"Name","value":"nextStep"}},{"kind":"Field","name":{"kind":"Name","value":"retryCount"}},{"kind":"Field","name":{"kind":"Name","value":"retry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryCode"}},{"kind":"Field","name":{"kind":"Name","value":"retryMsg"}}]}},{"kind":"Field","name":{"kind":"Name","value":"idType"}},{"kind":"Field","name":{"kind":"Name","value":"issuingCountry"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"userid"}},{"kind":"Field","name":{"kind":"Name","value":"cf1"}},{"kind":"Field","name":{"kind":"Name","value":"cf2"}},{"kind":"Field","name":{"kind":"Name","value":"cf3"}},{"kind":"Field","name":{"kind":"Name","value":"reviewOCRData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ocrName"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrName"}},{"kind":"Field","name":{"kind":"Name","value":"ocrFirstName"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrFirstName"}},{"kind":"Field","name":{"kind":"Name","value":"ocrLastName"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrLastName"}},{"kind":"Field","name":{"kind":"Name","value":"ocrBirthDate"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrBirthDate"}},{"kind":"Field","name":{"kind":"Name","value":"ocrIssueDate"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrIssueDate"}},{"kind":"Field","name":{"kind":"Name","value":"ocrExpireDate"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrExpireDate"}},{"kind":"Field","name":{"kind":"Name","value":"ocrGender"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrGender"}},{"kind":"Field","name":{"kind":"Name","value":"ocrNationality"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrNationality"}},{"kind":"Field","name":{"kind":"Name","value":"ocrIdentityNumber"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrIdentityNumber"}},{"kind":"Field","name":{"kind":"Name","value":"ocrLicenseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrLicenseNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documentFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expireDate"}},{"kind":"Field","name":{"kind":"Name","value":"identityNumber"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"issueDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}},{"kind":"Field","name":{"kind":"Name","value":"idImageUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"idBackImageUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"verificationResult"}},{"kind":"Field","name":{"kind":"Name","value":"faceSimilarityScore"}},{"kind":"Field","name":{"kind":"Name","value":"livenessScore"}},{"kind":"Field","name":{"kind":"Name","value":"reviewer"}},{"kind":"Field","name":{"kind":"Name","value":"rejectCodes"}},{"kind":"Field","name":{"kind":"Name","value":"comments"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attemptCnt"}},{"kind":"Field","name":{"kind":"Name","value":"retryCode"}},{"kind":"Field","name":{"kind":"Name","value":"retryMsg"}},{"kind":"Field","name":{"kind":"Name","value":"livenessScore"}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"idImage"}},{"kind":"Field","name":{"kind":"Name","value":"idBackImage"}},{"kind":"Field","name":{"kind":"Name","value":"selfieImage"}},{"kind":"Field","name":{"kind":"Name","value":"addressImage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"argosScore"}},{"kind":"Field","name":{"kind":"Name","value":"recognitionScore"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ConfirmArgosSubmissionMutation, ConfirmArgosSubmissionMutationVariables>;
export const ArgosVerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ArgosVerification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ArgosVerificationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ArgosVerificationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Verification"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"retriesLeft"}},{"kind":"Field","name":{"kind":"Name","value":"reviewReason"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"identityDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"nationalNo"}},{"kind":"Field","name":{"kind":"Name","value":"expiryAt"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"faceScan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArgosDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kycStatus"}},{"kind":"Field","name":{"kind":"Name","value":"nextStep"}},{"kind":"Field","name":{"kind":"Name","value":"retryCount"}},{"kind":"Field","name":{"kind":"Name","value":"retry"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryCode"}},{"kind":"Field","name":{"kind":"Name","value":"retryMsg"}}]}},{"kind":"Field","name":{"kind":"Name","value":"idType"}},{"kind":"Field","name":{"kind":"Name","value":"issuingCountry"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"userid"}},{"kind":"Field","name":{"kind":"Name","value":"cf1"}},{"kind":"Field","name":{"kind":"Name","value":"cf2"}},{"kind":"Field","name":{"kind":"Name","value":"cf3"}},{"kind":"Field","name":{"kind":"Name","value":"reviewOCRData"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ocrName"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrName"}},{"kind":"Field","name":{"kind":"Name","value":"ocrFirstName"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrFirstName"}},{"kind":"Field","name":{"kind":"Name","value":"ocrLastName"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrLastName"}},{"kind":"Field","name":{"kind":"Name","value":"ocrBirthDate"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrBirthDate"}},{"kind":"Field","name":{"kind":"Name","value":"ocrIssueDate"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrIssueDate"}},{"kind":"Field","name":{"kind":"Name","value":"ocrExpireDate"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrExpireDate"}},{"kind":"Field","name":{"kind":"Name","value":"ocrGender"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrGender"}},{"kind":"Field","name":{"kind":"Name","value":"ocrNationality"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrNationality"}},{"kind":"Field","name":{"kind":"Name","value":"ocrIdentityNumber"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrIdentityNumber"}},{"kind":"Field","name":{"kind":"Name","value":"ocrLicenseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedOcrLicenseNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documentFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"expireDate"}},{"kind":"Field","name":{"kind":"Name","value":"identityNumber"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"issueDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"serialNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"missingFields"}},{"kind":"Field","name":{"kind":"Name","value":"idImageUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"idBackImageUploaded"}},{"kind":"Field","name":{"kind":"Name","value":"verificationResult"}},{"kind":"Field","name":{"kind":"Name","value":"faceSimilarityScore"}},{"kind":"Field","name":{"kind":"Name","value":"livenessScore"}},{"kind":"Field","name":{"kind":"Name","value":"reviewer"}},{"kind":"Field","name":{"kind":"Name","value":"rejectCodes"}},{"kind":"Field","name":{"kind":"Name","value":"comments"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attemptCnt"}},{"kind":"Field","name":{"kind":"Name","value":"retryCode"}},{"kind":"Field","name":{"kind":"Name","value":"retryMsg"}},{"kind":"Field","name":{"kind":"Name","value":"livenessScore"}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"idImage"}},{"kind":"Field","name":{"kind":"Name","value":"idBackImage"}},{"kind":"Field","name":{"kind":"Name","value":"selfieImage"}},{"kind":"Field","name":{"kind":"Name","value":"addressImage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"argosScore"}},{"kind":"Field","name":{"kind":"Name","value":"recognitionScore"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ArgosVerificationQuery, ArgosVerificationQueryVariables>;
export const ArgosUpdatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ArgosUpdates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verificationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"ARGOS"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"verification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"retriesLeft"}},{"kind":"Field","name":{"kind":"Name","value":"reviewReason"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ArgosDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kycStatus"}},{"kind":"Field","name":{"kind":"Name","value":"nextStep"}},{"kind":"Field","name":{"kind":"Name","value":"retryCount"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ArgosUpdatesSubscription, ArgosUpdatesSubscriptionVariables>;
export const EraseSubjectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EraseSubject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eraseSubject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"erasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"verifications"}},{"kind":"Field","name":{"kind":"Name","value":"checks"}},{"kind":"Field","name":{"kind":"Name","value":"ingestions"}},{"kind":"Field","name":{"kind":"Name","value":"events"}}]}}]}}]} as unknown as DocumentNode<EraseSubjectMutation, EraseSubjectMutationVariables>;
export const AuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const StartPawaPassDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPawaPass"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartPawaPassVerificationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPawaPassVerification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PawaPassDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previousVerificationId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"phoneNo"}},{"kind":"Field","name":{"kind":"Name","value":"successUrl"}},{"kind":"Field","name":{"kind":"Name","value":"errorUrl"}},{"kind":"Field","name":{"kind":"Name","value":"supportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StartPawaPassMutation, StartPawaPassMutationVariables>;
export const GetVerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetVerification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reviewReason"}},{"kind":"Field","name":{"kind":"Name","value":"identityDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"nationalNo"}},{"kind":"Field","name":{"kind":"Name","value":"expiryAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"faceScan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ageEstimation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<GetVerificationQuery, GetVerificationQueryVariables>;
export const ListVerificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListVerifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VerificationFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ListVerificationsQuery, ListVerificationsQueryVariables>;
export const SubjectVerificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectVerifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"verifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]} as unknown as DocumentNode<SubjectVerificationsQuery, SubjectVerificationsQueryVariables>;
export const VerificationUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"VerificationUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verificationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"verification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}}]}}]}}]}}]} as unknown as DocumentNode<VerificationUpdatedSubscription, VerificationUpdatedSubscriptionVariables>;
export const PawaPassFixtureViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PawaPassFixtureView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"identityDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"serialNo"}},{"kind":"Field","name":{"kind":"Name","value":"nationalNo"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"placeOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"expiryAt"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"issuingAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"placeOfIssue"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PawaPassDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PawaPassFixtureViewQuery, PawaPassFixtureViewQueryVariables>;
export const StartVerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartVerification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartVerificationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startVerification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reused"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"verification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PawaPassDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phoneNo"}},{"kind":"Field","name":{"kind":"Name","value":"successUrl"}},{"kind":"Field","name":{"kind":"Name","value":"errorUrl"}},{"kind":"Field","name":{"kind":"Name","value":"supportUrl"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpPassDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formSlug"}},{"kind":"Field","name":{"kind":"Name","value":"lang"}},{"kind":"Field","name":{"kind":"Name","value":"answers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"questionKey"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StartVerificationMutation, StartVerificationMutationVariables>;
export const CreateIngestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateIngestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateIngestionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createIngestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IngestionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IngestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ingestion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"sourceVerificationRef"}},{"kind":"Field","name":{"kind":"Name","value":"sourceSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"processes"}},{"kind":"Field","name":{"kind":"Name","value":"integrationName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"processes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"providerDetails"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CreateIngestionMutation, CreateIngestionMutationVariables>;
export const GetIngestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetIngestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IngestionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IngestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ingestion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"sourceVerificationRef"}},{"kind":"Field","name":{"kind":"Name","value":"sourceSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"processes"}},{"kind":"Field","name":{"kind":"Name","value":"integrationName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"processes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"providerDetails"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<GetIngestionQuery, GetIngestionQueryVariables>;
export const GetIngestionOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetIngestionOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"kycOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"processes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GetIngestionOverviewQuery, GetIngestionOverviewQueryVariables>;
export const SubjectIngestionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectIngestions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ingestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]} as unknown as DocumentNode<SubjectIngestionsQuery, SubjectIngestionsQueryVariables>;
export const IngestionUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"IngestionUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestionUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"ingestion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<IngestionUpdatedSubscription, IngestionUpdatedSubscriptionVariables>;
export const StartUpPassDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartUpPass"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartUpPassVerificationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startUpPassVerification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpPassDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formSlug"}},{"kind":"Field","name":{"kind":"Name","value":"lang"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"section"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"answers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"questionKey"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StartUpPassMutation, StartUpPassMutationVariables>;
export const ResendUpPassWebhookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendUpPassWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendUpPassWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<ResendUpPassWebhookMutation, ResendUpPassWebhookMutationVariables>;
export const GetUpPassVerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetUpPassVerification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"reviewReason"}},{"kind":"Field","name":{"kind":"Name","value":"identityDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"faceScan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}}]}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpPassDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"formSlug"}},{"kind":"Field","name":{"kind":"Name","value":"lang"}},{"kind":"Field","name":{"kind":"Name","value":"applicationId"}},{"kind":"Field","name":{"kind":"Name","value":"applicationNo"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastEventType"}},{"kind":"Field","name":{"kind":"Name","value":"ekycStatus"}},{"kind":"Field","name":{"kind":"Name","value":"answers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"questionKey"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"liveness"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"images"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"faceCompare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documentCheck"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"faceImageUrl"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attempt"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"bankStatement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"validationPass"}},{"kind":"Field","name":{"kind":"Name","value":"documentCount"}},{"kind":"Field","name":{"kind":"Name","value":"validation"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GetUpPassVerificationQuery, GetUpPassVerificationQueryVariables>;
export const UpPassUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"UpPassUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verificationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"verification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"faceScan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpPassDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ekycStatus"}},{"kind":"Field","name":{"kind":"Name","value":"lastEventType"}},{"kind":"Field","name":{"kind":"Name","value":"faceCompare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpPassUpdatedSubscription, UpPassUpdatedSubscriptionVariables>;
export const CreateKycCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateKycCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateKycCheckInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createKycCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<CreateKycCheckMutation, CreateKycCheckMutationVariables>;
export const CreateProofOfResidencyCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProofOfResidencyCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProofOfResidencyCheckInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProofOfResidencyCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<CreateProofOfResidencyCheckMutation, CreateProofOfResidencyCheckMutationVariables>;
export const CreateInstrumentFitCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateInstrumentFitCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateInstrumentFitCheckInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createInstrumentFitCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<CreateInstrumentFitCheckMutation, CreateInstrumentFitCheckMutationVariables>;
export const RecordVerificationAsKycCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordVerificationAsKycCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"verificationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dataDownloadLink"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"method"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"KycMethod"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmedAddress"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmedAddressInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordVerificationAsKycCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"verificationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"verificationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"dataDownloadLink"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dataDownloadLink"}}},{"kind":"Argument","name":{"kind":"Name","value":"method"},"value":{"kind":"Variable","name":{"kind":"Name","value":"method"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmedAddress"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmedAddress"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<RecordVerificationAsKycCheckMutation, RecordVerificationAsKycCheckMutationVariables>;
export const UserChecksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserChecks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<UserChecksQuery, UserChecksQueryVariables>;
export const UserCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"check"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<UserCheckQuery, UserCheckQueryVariables>;
export const SubjectChecksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectChecks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"checks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SubjectChecksQuery, SubjectChecksQueryVariables>;
export const CheckUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CheckUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"check"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<CheckUpdatedSubscription, CheckUpdatedSubscriptionVariables>;