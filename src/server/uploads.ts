// GraphQL multipart requests (https://github.com/jaydenseric/graphql-multipart-request-spec) on
// POST /graphql, parsed by graphql-upload with explicit limits. Files are buffered to temp files
// in os.tmpdir() by graphql-upload and deleted when the response closes; `releaseWhenDone` also
// catches a file that arrives after an early answer, so none is left behind. A request whose body
// is not all received within UPLOAD_TIMEOUT_MS is answered 408 once its temp files are deleted.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '../errors.js';
import { sendJson } from '../http/httpkit.js';
import processRequest from 'graphql-upload/processRequest.mjs';
import Upload from 'graphql-upload/Upload.mjs';
import { UPLOAD_LIMITS } from '../schema/upload.js';

export { UPLOAD_LIMITS } from '../schema/upload.js';

export const isMultipart = (contentType: string | undefined) => /^multipart\/form-data\b/i.test(contentType ?? '');

export class MultipartError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const timedOutResponses = new WeakSet<ServerResponse>();

/** True once `res` belongs to an upload that timed out: readMultipart answers it (408), nothing else may. */
export const uploadTimedOut = (res: ServerResponse) => timedOutResponses.has(res);

/**
 * Parses the multipart request into GraphQL operations with Upload values; rejects with
 * MultipartError. The whole body must arrive within `timeoutMs` (UPLOAD_TIMEOUT_MS): else the
 * request's temp files are deleted, then it is answered 408 and its connection closed.
 */
export async function readMultipart(req: IncomingMessage, res: ServerResponse, maxFieldSize: number, timeoutMs: number): Promise<unknown> {
  const uploads: Upload[] = [];
  let timedOut: (err: MultipartError) => void = () => {};
  const timeout = new Promise<never>((_, reject) => (timedOut = reject));
  timeout.catch(() => {}); // read only while parsing
  const timer = setTimeout(() => void expire(), timeoutMs);
  const stop = () => clearTimeout(timer);
  req.once('end', stop);
  res.once('close', stop);
  const expire = async () => {
    timedOutResponses.add(res);
    const err = new MultipartError(408, `The request body did not arrive within ${timeoutMs} ms (UPLOAD_TIMEOUT_MS)`);
    timedOut(err);
    await Promise.all(uploads.map(deleteTempFile));
    if (!res.headersSent) sendJson(res, 408, { errors: [{ message: err.message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] }, { connection: 'close' });
  };
  let operations: unknown;
  try {
    // busboy reports a file of exactly `fileSize` bytes as truncated, so the parser gets one byte
    // more and the exact rule (≤ 2 MiB) is applied when the file is read (schema/upload.ts)
    const parsed = processRequest(req, res, { maxFiles: UPLOAD_LIMITS.maxFiles, maxFileSize: UPLOAD_LIMITS.maxFileSize + 1, maxFieldSize });
    operations = await Promise.race([parsed, timeout]);
  } catch (err) {
    stop();
    if (err instanceof MultipartError) throw err;
    const status = (err as { status?: number }).status;
    throw new MultipartError(typeof status === 'number' && status >= 400 && status < 500 ? status : 400, (err as Error).message);
  }
  uploads.push(...uploadsOf(operations));
  releaseWhenDone(uploads, res);
  return operations;
}

function uploadsOf(operations: unknown): Upload[] {
  const uploads: Upload[] = [];
  const walk = (v: unknown) => {
    if (v instanceof Upload) uploads.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(operations);
  return uploads;
}

type Capacitor = { destroyed: boolean; destroy(err?: Error): void; once(event: 'close', f: () => void): void };

/** Deletes the temp file of an upload whose file has started (its readers get an error); resolves once it is gone. */
function deleteTempFile(upload: Upload): Promise<void> {
  const capacitor = (upload as unknown as { file?: { capacitor?: Capacitor } }).file?.capacitor;
  if (!capacitor || capacitor.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    capacitor.once('close', resolve);
    capacitor.destroy(new Error('upload timed out'));
  });
}

/** When the response closes, every upload of the request is released, even one whose file came late. */
function releaseWhenDone(uploads: Upload[], res: ServerResponse) {
  res.once('close', () => {
    for (const u of uploads) {
      u.promise.then(
        (file) => (file as unknown as { capacitor?: { release(): void } }).capacitor?.release(),
        () => {},
      );
    }
  });
}
