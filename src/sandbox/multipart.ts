// A multipart/form-data body read from the request stream (busboy), for simulators that take
// uploads: files are streamed through and never held whole (their size, SHA-256 and first
// `headBytes` are kept). A body over `limit` is refused with BodyTooLargeError (413, as the
// server's body reader would); any other bad body with the caller's `invalid()` error. The request
// is piped, never destroyed: on a refusal the rest is drained, so the client reads the answer and
// its keep-alive connection stays usable.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { BodyTooLargeError } from '../http/httpkit.js';

export class UploadedFile {
  constructor(
    readonly name: string,
    readonly type: string,
    /** Bytes received (beyond `fileSize` + 1 the parser stops counting: then fileSize + 2). */
    readonly size: number,
    readonly sha256: Buffer,
    readonly head: Buffer,
  ) {}
}

export type Form = Map<string, string | UploadedFile>;

export interface FormLimits {
  /** Largest body. */
  limit: number;
  /** Largest file. */
  fileSize: number;
  files: number;
  fields: number;
  /** Bytes kept from the start of each file (e.g. to read an image's type and dimensions). */
  headBytes: number;
  /** The error for a body that is not a readable form. */
  invalid: () => Error;
}

/** The text fields of a form. */
export const textFields = (form: Form) => Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')) as Record<string, string>;

export async function readForm(req: IncomingMessage, o: FormLimits): Promise<Form> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) {
    req.resume();
    throw o.invalid();
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > o.limit) {
    req.resume();
    throw new BodyTooLargeError(o.limit);
  }
  const out: Form = new Map();
  const pending: Promise<void>[] = [];
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { fileSize: o.fileSize + 1, files: o.files, fields: o.fields } });
  } catch {
    req.resume();
    throw o.invalid();
  }
  parser.on('field', (name, value) => {
    if (!out.has(name)) out.set(name, value);
  });
  parser.on('file', (name, stream, info) => {
    const read = (async () => {
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (size < o.headBytes) head.push(chunk.subarray(0, o.headBytes - size));
        size += chunk.length;
        hash.update(chunk);
      }
      if (stream.truncated) size = o.fileSize + 2; // over the limit; the parser dropped the rest
      if (!out.has(name)) out.set(name, new UploadedFile(info.filename ?? '', info.mimeType, size, hash.digest(), Buffer.concat(head)));
    })();
    read.catch(() => {}); // awaited below on success; a refused body abandons it
    pending.push(read);
  });
  await new Promise<void>((resolve, reject) => {
    let received = 0;
    let settled = false;
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      req.resume();
      parser.destroy();
      reject(err instanceof BodyTooLargeError ? err : o.invalid());
    };
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > o.limit) fail(new BodyTooLargeError(o.limit));
    });
    req.on('error', fail);
    parser.on('error', fail);
    parser.on('close', () => {
      if (settled) return;
      settled = true;
      resolve();
    });
    req.pipe(parser);
  });
  try {
    await Promise.all(pending);
  } catch {
    throw o.invalid();
  }
  return out;
}
