// The `Upload` scalar (graphql-upload) and the check every uploaded image passes before any
// provider call: the file's own bytes decide its type (magic numbers), its size is counted, and
// a failure is BAD_USER_INPUT naming the input field.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import type { GraphQLScalarType } from 'graphql';
import GraphQLUpload, { type FileUpload } from 'graphql-upload/GraphQLUpload.mjs';
import { badUserInput } from '../errors.js';

/** Limits of every multipart request (seed, Argos: "limit: 2mb" per image; at most front + back). */
export const UPLOAD_LIMITS = {
  /** bytes per file: 2 MiB */
  maxFileSize: 2 * 1024 * 1024,
  /** files per request */
  maxFiles: 2,
} as const;

// built with graphql-upload's own GraphQLScalarType class: under vitest the app's `graphql` import
// can resolve to the ESM build while libraries get the CJS one, and type-graphql checks instanceof
const ScalarType = GraphQLUpload.constructor as typeof GraphQLScalarType;
export const Upload = new ScalarType({
  ...GraphQLUpload.toConfig(),
  description:
    'A file sent with the request as a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec). ' +
    'Send the header `apollo-require-preflight: true` with it. At most 2 files per request, 2 MB each.',
});

export type UploadValue = Promise<FileUpload>;

export interface CheckedImage {
  /** 'image/jpeg' or 'image/png', from the bytes */
  contentType: 'image/jpeg' | 'image/png';
  extension: 'jpg' | 'png';
  size: number;
  sha256: string;
  /** A fresh stream of the file from its temp file; can be opened more than once. */
  open(): Readable;
}

const HEAD_BYTES = 4100; // what file-type needs at most

const MB = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** Reads the upload once (from its temp file, chunk by chunk) and checks type and size. */
export async function checkImageUpload(value: UploadValue | null | undefined, field: string, maxBytes: number = UPLOAD_LIMITS.maxFileSize): Promise<CheckedImage> {
  let file: FileUpload;
  try {
    file = await value!;
  } catch (err) {
    throw badUserInput(field, `was not received (${(err as Error).message})`);
  }
  if (!file || typeof file.createReadStream !== 'function') throw badUserInput(field, 'must be a file sent as a multipart upload');
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headSize = 0;
  let size = 0;
  try {
    for await (const chunk of file.createReadStream()) {
      const b = chunk as Buffer;
      size += b.length;
      if (size > maxBytes) throw Object.assign(new Error('too large'), { status: 413 });
      hash.update(b);
      if (headSize < HEAD_BYTES) {
        head.push(b);
        headSize += b.length;
      }
    }
  } catch (err) {
    if ((err as { status?: number }).status === 413) throw badUserInput(field, `must be at most ${MB(maxBytes)} (${maxBytes} bytes)`);
    throw badUserInput(field, `could not be read (${(err as Error).message})`);
  }
  if (size === 0) throw badUserInput(field, 'is empty');
  const type = await fileTypeFromBuffer(Buffer.concat(head).subarray(0, HEAD_BYTES));
  if (!type || (type.mime !== 'image/jpeg' && type.mime !== 'image/png')) {
    throw badUserInput(field, 'must be a JPEG or PNG image (judged by its content, not its name)');
  }
  return {
    contentType: type.mime,
    extension: type.ext === 'png' ? 'png' : 'jpg',
    size,
    sha256: hash.digest('hex'),
    open: () => file.createReadStream(),
  };
}
