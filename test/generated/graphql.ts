/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
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

/** Records a compliance check (Upvest COMPLIANCE: the completion time only). */
export type CreateComplianceCheckInput = {
  /** When the compliance check was completed. */
  checkConfirmedAt: string;
  /** Send the same key when retrying: the first result is returned and no second check is recorded (kept 24 h). Also sent to Upvest as `idempotency-key`. */
  idempotencyKey?: string | null | undefined;
  /** The Upvest user the check is recorded for (a UUID). */
  userId: string | number;
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

/** Countries pawaPass verifies in (ISO 3166-1 alpha-2). */
export type PawaPassCountry =
  | 'AO'
  | 'BJ'
  | 'CD'
  | 'CG'
  | 'CM'
  | 'GH'
  | 'KE'
  | 'LR'
  | 'LS'
  | 'ML'
  | 'MW'
  | 'MZ'
  | 'NG'
  | 'RW'
  | 'SL'
  | 'TG'
  | 'TZ'
  | 'UG'
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
  /** When the session expires if not completed (must be in the future). Default: 7 days in the sandbox. */
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

export type StartPawaPassMutationVariables = Exact<{
  input: StartPawaPassVerificationInput;
}>;


export type StartPawaPassMutation = { startPawaPassVerification: { id: string, provider: Provider, providerRef: string, subjectId: string | null, externalId: string | null, status: VerificationStatus, providerStatus: string, url: string | null, country: string | null, metadata: unknown, expiresAt: string | null, createdAt: string, details: { phoneNo: string | null, successUrl: string, errorUrl: string, supportUrl: string, createdBy: string | null, requirements: Array<{ type: PawaPassRequirementType, options: { previousVerificationId: string | null } | null }> } | null } };

export type GetVerificationQueryVariables = Exact<{
  id: string | number;
}>;


export type GetVerificationQuery = { verification: { id: string, status: VerificationStatus, providerStatus: string, reviewReason: string | null, updatedAt: string, identityDocument: { type: string | null, country: string | null, firstName: string | null, lastName: string | null, dateOfBirth: string | null, nationalNo: string | null, expiryAt: string | null } | null, faceScan: { ageEstimation: string | null } | null, history: Array<{ status: VerificationStatus, providerStatus: string, at: string }> } | null };

export type ListVerificationsQueryVariables = Exact<{
  filter?: VerificationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ListVerificationsQuery = { verifications: { edges: Array<{ cursor: string, node: { id: string, subjectId: string | null, status: VerificationStatus, providerStatus: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SubjectVerificationsQueryVariables = Exact<{
  id: string | number;
}>;


export type SubjectVerificationsQuery = { subject: { id: string, verifications: Array<{ id: string, status: VerificationStatus }> } | null };

export type VerificationUpdatedSubscriptionVariables = Exact<{
  id?: string | number | null | undefined;
  subjectId?: string | null | undefined;
  provider?: Provider | null | undefined;
}>;


export type VerificationUpdatedSubscription = { verificationUpdated: { cursor: string, at: string, previousStatus: VerificationStatus | null, verification: { id: string, subjectId: string | null, status: VerificationStatus, providerStatus: string } } };

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

export type CreateComplianceCheckMutationVariables = Exact<{
  input: CreateComplianceCheckInput;
}>;


export type CreateComplianceCheckMutation = { createComplianceCheck: { __typename: 'ComplianceCheck', id: string, userId: string, type: CheckType, status: CheckStatus, confirmedAt: string | null } };

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

export const CheckFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<CheckFieldsFragment, unknown>;
export const StartPawaPassDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPawaPass"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartPawaPassVerificationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPawaPassVerification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PawaPassDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previousVerificationId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"phoneNo"}},{"kind":"Field","name":{"kind":"Name","value":"successUrl"}},{"kind":"Field","name":{"kind":"Name","value":"errorUrl"}},{"kind":"Field","name":{"kind":"Name","value":"supportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StartPawaPassMutation, StartPawaPassMutationVariables>;
export const GetVerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetVerification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reviewReason"}},{"kind":"Field","name":{"kind":"Name","value":"identityDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"nationalNo"}},{"kind":"Field","name":{"kind":"Name","value":"expiryAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"faceScan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ageEstimation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<GetVerificationQuery, GetVerificationQueryVariables>;
export const ListVerificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListVerifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VerificationFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ListVerificationsQuery, ListVerificationsQueryVariables>;
export const SubjectVerificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectVerifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"verifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SubjectVerificationsQuery, SubjectVerificationsQueryVariables>;
export const VerificationUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"VerificationUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verificationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"verification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}}]}}]}}]}}]} as unknown as DocumentNode<VerificationUpdatedSubscription, VerificationUpdatedSubscriptionVariables>;
export const CreateKycCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateKycCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateKycCheckInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createKycCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<CreateKycCheckMutation, CreateKycCheckMutationVariables>;
export const CreateProofOfResidencyCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProofOfResidencyCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProofOfResidencyCheckInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProofOfResidencyCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<CreateProofOfResidencyCheckMutation, CreateProofOfResidencyCheckMutationVariables>;
export const CreateInstrumentFitCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateInstrumentFitCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateInstrumentFitCheckInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createInstrumentFitCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<CreateInstrumentFitCheckMutation, CreateInstrumentFitCheckMutationVariables>;
export const CreateComplianceCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateComplianceCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateComplianceCheckInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createComplianceCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<CreateComplianceCheckMutation, CreateComplianceCheckMutationVariables>;
export const RecordVerificationAsKycCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordVerificationAsKycCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"verificationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"dataDownloadLink"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"method"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"KycMethod"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmedAddress"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ConfirmedAddressInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordVerificationAsKycCheck"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"verificationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"verificationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"dataDownloadLink"},"value":{"kind":"Variable","name":{"kind":"Name","value":"dataDownloadLink"}}},{"kind":"Argument","name":{"kind":"Name","value":"method"},"value":{"kind":"Variable","name":{"kind":"Name","value":"method"}}},{"kind":"Argument","name":{"kind":"Name","value":"confirmedAddress"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmedAddress"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<RecordVerificationAsKycCheckMutation, RecordVerificationAsKycCheckMutationVariables>;
export const UserChecksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserChecks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<UserChecksQuery, UserChecksQueryVariables>;
export const UserCheckDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UserCheck"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"check"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<UserCheckQuery, UserCheckQueryVariables>;
export const SubjectChecksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectChecks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"checks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SubjectChecksQuery, SubjectChecksQueryVariables>;
export const CheckUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CheckUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"check"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CheckFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Check"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAt"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"KycCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"documentExpirationDate"}},{"kind":"Field","name":{"kind":"Name","value":"nationality"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"kycUpdate"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ProofOfResidencyCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issuanceDate"}},{"kind":"Field","name":{"kind":"Name","value":"dataDownloadLink"}},{"kind":"Field","alias":{"kind":"Name","value":"porDocumentType"},"name":{"kind":"Name","value":"documentType"}},{"kind":"Field","name":{"kind":"Name","value":"confirmedAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addressLine1"}},{"kind":"Field","name":{"kind":"Name","value":"addressLine2"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InstrumentFitCheck"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"instrumentSuitability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suitability"}}]}}]}}]}}]} as unknown as DocumentNode<CheckUpdatedSubscription, CheckUpdatedSubscriptionVariables>;