// GraphQL multipart requests (https://github.com/jaydenseric/graphql-multipart-request-spec) on
// POST /graphql, parsed by graphql-upload with explicit limits. Files are buffered to temp files
// in os.tmpdir() by graphql-upload and deleted when the response closes; `releaseWhenDone` also
// catches a file that arrives after an early answer, so none is left behind.
import type { IncomingMessage, ServerResponse } from 'node:http';
import processRequest from 'graphql-upload/processRequest.mjs';
import Upload from 'graphql-upload/Upload.mjs';

/** Limits of every multipart request (seed, Argos: "limit: 2mb" per image; at most front + back). */
export const UPLOAD_LIMITS = {
  /** bytes per file: 2 MiB */
  maxFileSize: 2 * 1024 * 1024,
  /** files per request */
  maxFiles: 2,
} as const;

export const isMultipart = (contentType: string | undefined) => /^multipart\/form-data\b/i.test(contentType ?? '');

export class MultipartError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Parses the multipart request into GraphQL operations with Upload values; rejects with MultipartError. */
export async function readMultipart(req: IncomingMessage, res: ServerResponse, maxFieldSize: number): Promise<unknown> {
  let operations: unknown;
  try {
    // busboy reports a file of exactly `fileSize` bytes as truncated, so the parser gets one byte
    // more and the exact rule (≤ 2 MiB) is applied when the file is read (schema/upload.ts)
    operations = await processRequest(req, res, { maxFiles: UPLOAD_LIMITS.maxFiles, maxFileSize: UPLOAD_LIMITS.maxFileSize + 1, maxFieldSize });
  } catch (err) {
    const status = (err as { status?: number }).status;
    throw new MultipartError(typeof status === 'number' && status >= 400 && status < 500 ? status : 400, (err as Error).message);
  }
  releaseWhenDone(operations, res);
  return operations;
}

/** When the response closes, every upload of the request is released, even one whose file came late. */
function releaseWhenDone(operations: unknown, res: ServerResponse) {
  const uploads: Upload[] = [];
  const walk = (v: unknown) => {
    if (v instanceof Upload) uploads.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(operations);
  res.once('close', () => {
    for (const u of uploads) {
      u.promise.then(
        (file) => (file as unknown as { capacitor?: { release(): void } }).capacitor?.release(),
        () => {},
      );
    }
  });
}
