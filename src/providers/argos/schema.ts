// Argos in GraphQL: step 1 (`submitArgosDocument`, ID images as multipart uploads) and step 2
// (`confirmArgosSubmission`, selfie + confirmed fields); inputs mirror the seed's form fields.
// Uploads are checked (type by bytes, size) before any provider call.
import { Equals, IsBoolean, IsEmail, IsOptional, Length, Matches, MaxLength, MinLength, Validate, ValidateNested, type ValidatorConstraintInterface, ValidatorConstraint } from 'class-validator';
import { Arg, Authorized, Ctx, Field, Float, InputType, Int, Mutation, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import { type ProviderVerificationView, type VerificationRecord, verificationId } from '../../domain/verification.js';
import { badUserInput } from '../../errors.js';
import { registerDetailsType } from '../../schema/details.js';
import { type CheckedImage, checkImageUpload, Upload, type UploadValue } from '../../schema/upload.js';
import { Verification } from '../../schema/verification.js';
import type { RequestContext } from '../../schema/context.js';
import type { ArgosFilePart } from './client.js';
import type { ArgosAdapter } from './index.js';
import { ARGOS_ID_TYPES, type ArgosDetailsShape, type ArgosStep1Fields, type ArgosStep2Fields, toAlpha3 } from './mapper.js';

const upper = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v.toUpperCase(), v.toUpperCase()])) as { [K in Uppercase<T>]: K };

export const ArgosIdType = upper(ARGOS_ID_TYPES);
registerEnumType(ArgosIdType, {
  name: 'ArgosIdType',
  description: 'The kind of ID the images show; sent to Argos in lower case (e.g. PASSPORT → passport).',
  valuesConfig: {
    PASSPORT: { description: 'Passport (photo page).' },
    GOVERNMENT_ID: { description: 'Government-issued national ID card.' },
    DRIVERS_LICENSE: { description: "Driver's licence." },
    RESIDENCE_PERMIT: { description: 'Residence permit card.' },
    VISA: { description: 'Visa.' },
    VEHICLE_REGISTRATION_CERTIFICATE: { description: 'Vehicle registration certificate.' },
    AADHAAR: { description: 'Indian Aadhaar card.' },
    PANCARD: { description: 'Indian PAN card.' },
    UNIVERSAL: { description: "Argos Universal mode: any ID; `documentFields` may then be absent when OCR fails." },
  },
});

export const ArgosGender = { MALE: 'MALE', FEMALE: 'FEMALE' } as const;
registerEnumType(ArgosGender, {
  name: 'ArgosGender',
  description: 'Gender as Argos accepts it in step 2 (sent as male/female).',
  valuesConfig: { MALE: { description: 'Sent as `male`.' }, FEMALE: { description: 'Sent as `female`.' } },
});

export const ArgosNextStep = { SUBMIT_DOCUMENT: 'SUBMIT_DOCUMENT', CONFIRM: 'CONFIRM', WAIT: 'WAIT', NONE: 'NONE' } as const;
registerEnumType(ArgosNextStep, {
  name: 'ArgosNextStep',
  description: 'What your app should do next with an Argos submission.',
  valuesConfig: {
    SUBMIT_DOCUMENT: { description: 'Call `submitArgosDocument` again with new ID images and this `submissionId` (a retry).' },
    CONFIRM: { description: 'Show the OCR data for correction, take a selfie, and call `confirmArgosSubmission`.' },
    WAIT: { description: 'Argos is reviewing; the result arrives on `verificationUpdated`.' },
    NONE: { description: 'Final (approved, declined or expired); nothing more to do.' },
  },
});

@ValidatorConstraint({ name: 'countryCode' })
class CountryCode implements ValidatorConstraintInterface {
  validate(value: unknown) {
    return value === undefined || value === null || (typeof value === 'string' && toAlpha3(value) !== null);
  }
  defaultMessage() {
    return 'must be an ISO 3166-1 alpha-3 (or alpha-2) country code, e.g. KOR or KR';
  }
}

const NO_NULL_BYTES = /^[^\u0000]*$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const FALSE_ONLY = 'may only be false (it turns the project option off for this submission)';

@InputType('ArgosCustomOptionsInput', { description: "Per-submission overrides of the Argos project's options (seed: customOptions). Sent as a serialized JSON string." })
export class ArgosCustomOptionsInput {
  @IsOptional() @Equals(false, { message: FALSE_ONLY })
  @Field(() => Boolean, { nullable: true, description: 'false turns the blacklisted-countries check off for this submission. Only false is allowed.' })
  blacklistCountries?: boolean | null;

  @IsOptional() @Equals(false, { message: FALSE_ONLY })
  @Field(() => Boolean, { nullable: true, description: 'false turns the approved-duplicate prevention period off for this submission. Only false is allowed.' })
  approvePeriod?: boolean | null;

  @IsOptional() @Equals(false, { message: FALSE_ONLY })
  @Field(() => Boolean, { nullable: true, description: 'false turns the rejected-duplicate prevention period off for this submission. Only false is allowed.' })
  rejectPeriod?: boolean | null;

  @IsOptional() @Equals(false, { message: FALSE_ONLY })
  @Field(() => Boolean, { nullable: true, description: 'false turns the age restriction off for this submission. Only false is allowed.' })
  ageLimit?: boolean | null;

  @IsOptional() @IsBoolean()
  @Field(() => Boolean, { nullable: true, description: 'Turns duplicate-submission prevention on (true) or off (false) for this submission.' })
  rejectDuplicateUser?: boolean | null;
}

const optionalText = (max: number) => [IsOptional(), MaxLength(max), Matches(NO_NULL_BYTES, { message: 'must not contain null bytes' })];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));

@InputType({ description: 'Argos step 1: the ID images and the applicant. Fields mirror the seed\'s form fields; `subjectId` and `idempotencyKey` are kyc-graph\'s. Send as a GraphQL multipart request.' })
export class SubmitArgosDocumentInput {
  @MinLength(1) @MaxLength(256)
  @Field(() => String, { description: 'Your user id; lets you list and subscribe by user.' })
  subjectId!: string;

  @IsEmail({}, { message: 'must be an email address' }) @MaxLength(254)
  @Field(() => String, { description: "The applicant's email address (required by Argos)." })
  email!: string;

  @Field(() => ArgosIdType, { description: 'Which kind of ID the images show.' })
  idType!: keyof typeof ArgosIdType;

  @Validate(CountryCode)
  @Field(() => String, { description: 'Country that issued the ID: ISO 3166-1 alpha-3 as Argos expects (KOR); alpha-2 (KR) is accepted and converted.' })
  issuingCountry!: string;

  @Field(() => Upload, { description: 'Front of the ID: JPEG or PNG (decided by the bytes), at most 2 MB; 640×480 recommended (not required), with a little padding around the ID.' })
  idImage!: UploadValue;

  @Field(() => Upload, { nullable: true, description: 'Back of the ID, for ID types Argos collects the back of: JPEG or PNG, at most 2 MB.' })
  idBackImage?: UploadValue | null;

  @apply(optionalText(256))
  @Field(() => String, { nullable: true, description: 'Your optional unique identifier of the user, stored by Argos (seed: userid).' })
  userid?: string | null;

  @apply(optionalText(1024))
  @Field(() => String, { nullable: true, description: 'Custom field 1, stored by Argos and returned in webhooks.' })
  cf1?: string | null;

  @apply(optionalText(1024))
  @Field(() => String, { nullable: true, description: 'Custom field 2, stored by Argos and returned in webhooks.' })
  cf2?: string | null;

  @apply(optionalText(1024))
  @Field(() => String, { nullable: true, description: 'Custom field 3, stored by Argos and returned in webhooks.' })
  cf3?: string | null;

  @IsOptional() @ValidateNested()
  @Field(() => ArgosCustomOptionsInput, { nullable: true, description: "Per-submission overrides of the project's options." })
  customOptions?: ArgosCustomOptionsInput | null;

  @IsOptional() @MinLength(1) @MaxLength(128)
  @Field(() => String, { nullable: true, description: 'For a retry (status RETRY_REQUIRED, nextStep SUBMIT_DOCUMENT): the `providerRef` of the submission. Valid 4 hours from its creation.' })
  submissionId?: string | null;

  @IsOptional() @MinLength(1) @MaxLength(255)
  @Field(() => String, { nullable: true, description: 'Send the same key when retrying a request: the first result is returned and Argos is not called again (kept 24 h).' })
  idempotencyKey?: string | null;
}

@InputType({ description: "Argos step 2: the selfie and the applicant's confirmed (possibly corrected) data. Fields mirror Argos's step 2 form fields in camelCase. Send as a GraphQL multipart request." })
export class ConfirmArgosSubmissionInput {
  @MinLength(1) @MaxLength(128)
  @Field(() => String, { description: 'The submission to confirm: the `providerRef` returned by `submitArgosDocument`.' })
  submissionId!: string;

  @Field(() => Upload, { description: 'Selfie with exactly one face: JPEG or PNG, at most 2 MB; 960×720 recommended.' })
  faceImage!: UploadValue;

  @MinLength(1) @MaxLength(256) @Matches(NO_NULL_BYTES, { message: 'must not contain null bytes' })
  @Field(() => String, { description: 'Full name as on the ID (start from `reviewOCRData.ocrName`).' })
  name!: string;

  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  @Field(() => String, { description: 'Date of birth, YYYY-MM-DD (start from `reviewOCRData.ocrBirthDate`).' })
  dateOfBirth!: string;

  @Field(() => ArgosGender, { nullable: true, description: 'Gender, when the ID shows one.' })
  gender?: keyof typeof ArgosGender | null;

  @IsOptional() @Validate(CountryCode)
  @Field(() => String, { nullable: true, description: 'Nationality: ISO 3166-1 alpha-3 (alpha-2 accepted and converted).' })
  nationality?: string | null;

  @apply(optionalText(64))
  @Field(() => String, { nullable: true, description: 'Identity number (Korean IDs).' })
  identityNumber?: string | null;

  @IsOptional() @Length(12, 12, { message: 'must be 12 characters' })
  @Field(() => String, { nullable: true, description: "Licence number (Korean driver's licence, 12 characters)." })
  licenseNumber?: string | null;

  @apply(optionalText(64))
  @Field(() => String, { nullable: true, description: 'Document number.' })
  documentNumber?: string | null;

  @apply(optionalText(64))
  @Field(() => String, { nullable: true, description: 'Serial number.' })
  serialNumber?: string | null;

  @IsOptional() @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  @Field(() => String, { nullable: true, description: 'Issue date of the ID, YYYY-MM-DD.' })
  dateOfIssue?: string | null;

  @IsOptional() @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  @Field(() => String, { nullable: true, description: 'Expiry date of the ID, YYYY-MM-DD.' })
  dateOfExpiry?: string | null;

  @IsOptional() @ValidateNested()
  @Field(() => ArgosAddressInput, { nullable: true, description: "The address, when the Argos project collects addresses (else Argos answers `missing address data parameters`)." })
  address?: ArgosAddressInput | null;

  @Field(() => Upload, { nullable: true, description: 'Proof-of-address image, when the Argos project asks for one: JPEG or PNG, at most 2 MB. Sent as addressImage (the field name Argos uses in its GET `image` block; the step 2 field name is not in the material).' })
  addressImage?: UploadValue | null;
}

@InputType('ArgosAddressInput', { description: "Argos step 2 with the project's collect-address option on: one of `globalCode`, `compoundCode`, `formattedAddress` (from Argos's Post/Address_code API) is required; the rest optional." })
export class ArgosAddressInput {
  @apply(optionalText(256))
  @Field(() => String, { nullable: true, description: 'Sent as globalCode.' })
  globalCode?: string | null;

  @apply(optionalText(256))
  @Field(() => String, { nullable: true, description: 'Sent as compoundCode.' })
  compoundCode?: string | null;

  @apply(optionalText(1024))
  @Field(() => String, { nullable: true, description: 'Sent as formatted_address.' })
  formattedAddress?: string | null;

  @apply(optionalText(1024))
  @Field(() => String, { nullable: true, description: 'Sent as address_input (what the user typed).' })
  addressInput?: string | null;

  @apply(optionalText(1024))
  @Field(() => String, { nullable: true, description: 'Sent as address_detail (flat, floor…).' })
  addressDetail?: string | null;
}

@ObjectType({ description: 'Why Argos asks for another try.' })
class ArgosRetry {
  @Field(() => String, { description: 'Argos retry code, e.g. mrz_protocol_fail, glare_detected, face_compare_underscore.' }) retryCode!: string;
  @Field(() => String, { description: "Argos's explanation; may be empty." }) retryMsg!: string;
}

@ObjectType({ description: 'What Argos read from the ID (seed: reviewOCRData). Each value comes with whether Argos recognised it; show unrecognised ones for correction.' })
class ArgosReviewOcrData {
  @Field(() => String, { name: 'ocrBirthDate', nullable: true, description: 'Date of birth, YYYY-MM-DD.' }) ocr_birthDate!: string | null;
  @Field(() => Boolean, { name: 'acceptedOcrBirthDate', nullable: true, description: 'Whether the date of birth was recognised.' }) accepted_ocr_birthDate!: boolean | null;
  @Field(() => String, { name: 'ocrIssueDate', nullable: true, description: 'Issue date.' }) ocr_issueDate!: string | null;
  @Field(() => Boolean, { name: 'acceptedOcrIssueDate', nullable: true, description: 'Whether the issue date was recognised.' }) accepted_ocr_issueDate!: boolean | null;
  @Field(() => String, { name: 'ocrExpireDate', nullable: true, description: 'Expiry date.' }) ocr_expireDate!: string | null;
  @Field(() => Boolean, { name: 'acceptedOcrExpireDate', nullable: true, description: 'Whether the expiry date was recognised.' }) accepted_ocr_expireDate!: boolean | null;
  @Field(() => String, { name: 'ocrLastName', nullable: true, description: 'Last name.' }) ocr_lastName!: string | null;
  @Field(() => Boolean, { name: 'acceptedOcrLastName', nullable: true, description: 'Whether the last name was recognised.' }) accepted_ocr_lastName!: boolean | null;
  @Field(() => String, { name: 'ocrFirstName', nullable: true, description: 'First name.' }) ocr_firstName!: string | null;
  @Field(() => Boolean, { name: 'acceptedOcrFirstName', nullable: true, description: 'Whether the first name was recognised.' }) accepted_ocr_firstName!: boolean | null;
  @Field(() => String, { name: 'ocrName', nullable: true, description: 'Full name.' }) ocr_name!: string | null;
  @Field(() => Boolean, { name: 'acceptedOcrName', nullable: true, description: 'Whether the name was recognised.' }) accepted_ocr_name!: boolean | null;
  @Field(() => String, { name: 'ocrGender', nullable: true, description: 'Gender as printed.' }) ocr_gender!: string | null;
  @Field(() => Boolean, { name: 'acceptedOcrGender', nullable: true, description: 'Whether the gender was recognised.' }) accepted_ocr_gender!: boolean | null;
  @Field(() => String, { name: 'ocrNationality', nullable: true, description: 'Nationality, ISO 3166-1 alpha-3, when available.' }) ocr_nationality!: string | null;
  @Field(() => Boolean, { name: 'acceptedOcrNationality', nullable: true, description: 'Whether the nationality was recognised.' }) accepted_ocr_nationality!: boolean | null;
  @Field(() => String, { name: 'ocrIdentityNumber', nullable: true, description: 'Identity number.' }) ocr_identityNumber!: string | null;
  @Field(() => Boolean, { name: 'acceptedOcrIdentityNumber', nullable: true, description: 'Whether the identity number was recognised.' }) accepted_ocr_identityNumber!: boolean | null;
  @Field(() => String, { name: 'ocrLicenseNumber', nullable: true, description: 'Licence number (Korean licences only).' }) ocr_licenseNumber!: string | null;
  @Field(() => Boolean, { name: 'acceptedOcrLicenseNumber', nullable: true, description: 'Whether the licence number was recognised.' }) accepted_ocr_licenseNumber!: boolean | null;
}

@ObjectType({ description: 'Which fields this kind of ID carries (seed: document_fields); null fields were not reported.' })
class ArgosDocumentFields {
  @Field(() => Boolean, { nullable: true, description: 'The ID has an expiry date.' }) expireDate!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The ID has an ID number.' }) idNumber!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The ID has an identity number.' }) identityNumber!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The ID shows a gender.' }) gender!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The ID has an issue date.' }) issueDate!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The ID shows a nationality.' }) nationality!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The ID has a number.' }) number!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The ID shows a name.' }) name!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The ID shows a date of birth.' }) birthDate!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The ID has a serial number.' }) serialNumber!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The ID has a document number.' }) documentNumber!: boolean | null;
}

@ObjectType({ description: 'One try of an Argos submission (GET `kyc.attempts`).' })
class ArgosAttempt {
  @Field(() => Int, { description: 'Which try (1, 2, 3).' }) attemptCnt!: number;
  @Field(() => [String], { description: 'Retry codes of this try; empty when it passed.' }) retryCode!: string[];
  @Field(() => [String], { description: "Argos's explanations, in the order of the codes." }) retryMsg!: string[];
  @Field(() => Float, { nullable: true, description: 'Liveness score of the selfie of this try, 0–100.' }) livenessScore!: number | null;
}

@ObjectType({ description: "Links to a submission's images on Argos's server (GET `image`)." })
class ArgosImages {
  @Field(() => String, { nullable: true, description: 'Front of the ID.' }) idImage!: string | null;
  @Field(() => String, { nullable: true, description: 'Back of the ID.' }) idBackImage!: string | null;
  @Field(() => String, { nullable: true, description: 'The selfie.' }) selfieImage!: string | null;
  @Field(() => String, { nullable: true, description: 'The proof-of-address image.' }) addressImage!: string | null;
}

@ObjectType({ description: 'Argos-specific fields of a verification: OCR data, retries and scores.' })
export class ArgosDetails {
  @Field(() => String, { description: "Argos's raw kycStatus: incomplete, pending, approved or rejected." }) kycStatus!: string;
  @Field(() => ArgosNextStep, { description: 'What your app should do next.' }) nextStep!: string;
  @Field(() => Int, { nullable: true, description: 'Failed tries so far (step 1 and step 2 together); the third rejects the submission.' }) retryCount!: number | null;
  @Field(() => [ArgosRetry], { nullable: true, description: 'Why Argos asks for another try (empty when it does not).' }) retry!: ArgosRetry[] | null;
  @Field(() => ArgosIdType, { nullable: true, description: 'The ID type submitted.' }) idType!: string | null;
  @Field(() => String, { nullable: true, description: 'Issuing country as sent to Argos, ISO 3166-1 alpha-3.' }) issuingCountry!: string | null;
  @Field(() => String, { nullable: true, description: "The applicant's email as sent to Argos." }) email!: string | null;
  @Field(() => String, { nullable: true, description: 'Your userid as sent to Argos.' }) userid!: string | null;
  @Field(() => String, { nullable: true, description: 'Custom field 1.' }) cf1!: string | null;
  @Field(() => String, { nullable: true, description: 'Custom field 2.' }) cf2!: string | null;
  @Field(() => String, { nullable: true, description: 'Custom field 3.' }) cf3!: string | null;
  @Field(() => ArgosReviewOcrData, { nullable: true, description: 'What Argos read from the ID; null when OCR failed.' }) reviewOCRData!: unknown;
  @Field(() => ArgosDocumentFields, { nullable: true, description: 'Which fields this ID carries.' }) documentFields!: Record<string, boolean> | null;
  @Field(() => [String], { nullable: true, description: 'Fields the ID has but Argos could not read, e.g. gender; ask the user for them in step 2.' }) missingFields!: string[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether Argos received the front image.' }) idImageUploaded!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether Argos received the back image.' }) idBackImageUploaded!: boolean | null;
  @Field(() => String, { nullable: true, description: "Step 2's verificationResult (e.g. success)." }) verificationResult!: string | null;
  @Field(() => Float, { nullable: true, description: 'Step 2: similarity of the selfie and the ID photo, 0–100.' }) faceSimilarityScore!: number | null;
  @Field(() => Float, { nullable: true, description: 'Step 2: liveness score of the selfie, 0–100.' }) livenessScore!: number | null;
  @Field(() => String, { nullable: true, description: 'Who reviewed the submission at Argos.' }) reviewer!: string | null;
  @Field(() => [String], { nullable: true, description: 'Reject codes (e.g. too_many_retry, id_info_dataMismatch), from a status refresh or a rejected webhook.' }) rejectCodes!: string[] | null;
  @Field(() => [String], { nullable: true, description: "The reviewer's comments, from a status refresh." }) comments!: string[] | null;
  @Field(() => [ArgosAttempt], { nullable: true, description: 'Every try with its retry codes, from a status refresh.' }) attempts!: unknown[] | null;
  @Field(() => ArgosImages, { nullable: true, description: "Links to the images on Argos's server, from a status refresh." }) images!: unknown;
  @Field(() => String, { nullable: true, description: "Argos's argos_score, as given." }) argosScore!: string | null;
  @Field(() => String, { nullable: true, description: "Argos's recognition_score, as given." }) recognitionScore!: string | null;
  @Field(() => String, { nullable: true, description: 'When Argos created the submission (ISO 8601, from its YYYY-MM-DD-HH-MM-SS-ZZZ).' }) submittedAt!: string | null;
}
registerDetailsType(ArgosDetails);

const part = (field: ArgosFilePart['field'], img: CheckedImage): ArgosFilePart => ({
  field,
  filename: `${field}.${img.extension}`,
  contentType: img.contentType,
  size: img.size,
  open: img.open,
});

const RECORD_ONLY = ['id', 'provider', 'tenant', 'subjectId', 'history', 'createdAt', 'updatedAt', 'syncedAt'] as const;
function viewOf(record: VerificationRecord): ProviderVerificationView {
  const view = { ...record } as Partial<VerificationRecord>;
  for (const k of RECORD_ONLY) delete view[k];
  return view as ProviderVerificationView;
}

const present = <T>(v: T | null | undefined): T | undefined => (v === null || v === undefined ? undefined : v);

/** The seed's step 1 form fields for a validated input (kyc-graph's own fields removed). */
export function toStep1Fields(input: SubmitArgosDocumentInput): ArgosStep1Fields {
  const options = input.customOptions
    ? Object.fromEntries(Object.entries(input.customOptions).filter(([, v]) => v !== null && v !== undefined))
    : null;
  return {
    email: input.email,
    idType: input.idType.toLowerCase() as ArgosStep1Fields['idType'],
    issuingCountry: toAlpha3(input.issuingCountry)!,
    submissionId: present(input.submissionId),
    userid: present(input.userid),
    cf1: present(input.cf1),
    cf2: present(input.cf2),
    cf3: present(input.cf3),
    // seed: customOptions is "serialized JSON object in string"
    customOptions: options && Object.keys(options).length ? JSON.stringify(options) : undefined,
  };
}

export function toStep2Fields(input: ConfirmArgosSubmissionInput): ArgosStep2Fields {
  return {
    submissionId: input.submissionId,
    name: input.name,
    date_of_birth: input.dateOfBirth,
    gender: input.gender ? (input.gender.toLowerCase() as 'male' | 'female') : undefined,
    nationality: input.nationality ? toAlpha3(input.nationality)! : undefined,
    identity_number: present(input.identityNumber),
    license_number: present(input.licenseNumber),
    document_number: present(input.documentNumber),
    serial_number: present(input.serialNumber),
    date_of_issue: present(input.dateOfIssue),
    date_of_expiry: present(input.dateOfExpiry),
    globalCode: present(input.address?.globalCode),
    compoundCode: present(input.address?.compoundCode),
    formatted_address: present(input.address?.formattedAddress),
    address_input: present(input.address?.addressInput),
    address_detail: present(input.address?.addressDetail),
  };
}

async function ownSubmission(ctx: RequestContext, submissionId: string): Promise<VerificationRecord> {
  const record = await ctx.loaders.verification.load(verificationId('ARGOS', submissionId));
  if (!record) throw badUserInput('input.submissionId', 'is not an Argos submission created through this API');
  return record;
}

/** seed: a submissionId is valid 4 h; once step 2 was tried the 4 h no longer apply. */
const expired = (r: VerificationRecord) =>
  r.status === 'EXPIRED' ||
  ((r.status === 'IN_PROGRESS' || (r.details as ArgosDetailsShape | null)?.nextStep === 'SUBMIT_DOCUMENT') && !!r.expiresAt && Date.parse(r.expiresAt) <= Date.now());

@Resolver()
export class ArgosResolver {
  @Authorized('verifications:write')
  @Mutation(() => Verification, {
    description:
      'Argos step 1: uploads the ID images (GraphQL multipart request) and returns the Verification with what Argos read (`details.reviewOCRData`). ' +
      'Status IN_PROGRESS: confirm with `confirmArgosSubmission`; RETRY_REQUIRED: submit again with `submissionId`; DECLINED after the third failed try.',
  })
  async submitArgosDocument(@Arg('input', () => SubmitArgosDocumentInput, { description: 'The ID images and the applicant (a GraphQL multipart request).' }) input: SubmitArgosDocumentInput, @Ctx() ctx: RequestContext) {
    const adapter = ctx.services.adapters.get('ARGOS') as ArgosAdapter;
    const retryOf = input.submissionId ? await ownSubmission(ctx, input.submissionId) : null;
    if (retryOf) {
      if (expired(retryOf)) throw badUserInput('input.submissionId', 'has expired (a submissionId is valid for 4 hours); start a new submission');
      if (retryOf.status !== 'RETRY_REQUIRED' || (retryOf.details as ArgosDetailsShape | null)?.nextStep !== 'SUBMIT_DOCUMENT') {
        throw badUserInput('input.submissionId', `cannot be retried: the submission is ${retryOf.status}`);
      }
    }
    const front = await checkImageUpload(input.idImage, 'input.idImage');
    const back = input.idBackImage ? await checkImageUpload(input.idBackImage, 'input.idBackImage') : null;
    const fields = toStep1Fields(input);
    const files = [part('idImage', front), ...(back ? [part('idBackImage', back)] : [])];
    if (retryOf) {
      const view = await adapter.submitDocument(fields, files);
      // the 4 h run from the submission's creation, not from this retry
      const recorded = await ctx.services.verifications.applyProviderView('ARGOS', { ...view, expiresAt: retryOf.expiresAt });
      return recorded ?? retryOf;
    }
    return ctx.services.verifications.start({
      provider: 'ARGOS',
      operation: 'submitArgosDocument',
      tenant: ctx.tenant,
      subjectId: input.subjectId,
      idempotencyKey: input.idempotencyKey ?? null,
      input: { subjectId: input.subjectId, fields, images: files.map((f, i) => [f.field, [front, back][i]?.sha256]) },
      create: () => adapter.submitDocument(fields, files),
    });
  }

  @Authorized('verifications:write')
  @Mutation(() => Verification, {
    description:
      "Argos step 2: sends the selfie and the applicant's confirmed (possibly corrected) data for a submission whose nextStep is CONFIRM. " +
      'Returns the Verification: IN_REVIEW while Argos reviews, RETRY_REQUIRED when the selfie must be retaken, DECLINED after the third failed try.',
  })
  async confirmArgosSubmission(@Arg('input', () => ConfirmArgosSubmissionInput, { description: 'The submission, the selfie and the confirmed fields (a GraphQL multipart request).' }) input: ConfirmArgosSubmissionInput, @Ctx() ctx: RequestContext) {
    const adapter = ctx.services.adapters.get('ARGOS') as ArgosAdapter;
    const record = await ownSubmission(ctx, input.submissionId);
    const details = record.details as ArgosDetailsShape | null;
    if (expired(record)) throw badUserInput('input.submissionId', 'has expired (a submissionId is valid for 4 hours); start a new submission');
    if (!(record.status === 'IN_PROGRESS' || record.status === 'RETRY_REQUIRED') || details?.nextStep !== 'CONFIRM') {
      throw badUserInput('input.submissionId', `cannot be confirmed: the submission is ${record.status}${details?.nextStep === 'SUBMIT_DOCUMENT' ? ' and needs new ID images first' : ''}`);
    }
    const face = await checkImageUpload(input.faceImage, 'input.faceImage');
    const addressImage = input.addressImage ? part('addressImage', await checkImageUpload(input.addressImage, 'input.addressImage')) : undefined;
    const view = await adapter.confirm(toStep2Fields(input), part('faceImage', face), viewOf(record), addressImage);
    return (await ctx.services.verifications.applyProviderView('ARGOS', view)) ?? record;
  }
}
