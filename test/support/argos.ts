// Test images and GraphQL multipart requests (https://github.com/jaydenseric/graphql-multipart-request-spec).
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type GraphQLFormattedError, print } from 'graphql';
import { PNG } from 'pngjs';

export interface TestFile {
  bytes: Uint8Array;
  name: string;
  type: string;
}

/** A real PNG of the given size whose pixels (and so its bytes and OCR) depend on `seed`. */
export function png(width: number, height: number, seed = 1): Buffer {
  const img = new PNG({ width, height });
  let x = seed * 2654435761;
  for (let i = 0; i < img.data.length; i += 4) {
    // a few seeded stripes: compresses well, differs per seed
    if (i % (width * 4 * 16) === 0) x = (x * 1103515245 + 12345) >>> 0;
    img.data[i] = x & 0xff;
    img.data[i + 1] = (x >> 8) & 0xff;
    img.data[i + 2] = (x >> 16) & 0xff;
    img.data[i + 3] = 255;
  }
  return PNG.sync.write(img);
}

/** A minimal baseline JPEG header (SOI, JFIF, comment with the seed, SOF0 with the size, EOI). */
export function jpeg(width: number, height: number, seed = 1): Buffer {
  const comment = Buffer.from(`seed-${seed}`);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    Buffer.from([0xff, 0xfe, 0x00, comment.length + 2]),
    comment,
    Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface UploadResponse<R> {
  status: number;
  data?: R | null;
  errors?: GraphQLFormattedError[];
}

/** Builds the multipart body: `operations`, `map`, then one part per file (files: variable path → file). */
export function multipartBody<V>(doc: TypedDocumentNode<unknown, V>, variables: V, files: Record<string, TestFile>): FormData {
  const vars = structuredClone(variables) as Record<string, unknown>;
  const setNull = (path: string) => {
    const keys = path.split('.');
    let o = vars as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
    o[keys.at(-1)!] = null;
  };
  const paths = Object.keys(files);
  for (const p of paths) setNull(p);
  const fd = new FormData();
  fd.append('operations', JSON.stringify({ query: print(doc), variables: vars }));
  fd.append('map', JSON.stringify(Object.fromEntries(paths.map((p, i) => [String(i), [`variables.${p}`]]))));
  paths.forEach((p, i) => fd.append(String(i), new Blob([files[p].bytes], { type: files[p].type }), files[p].name));
  return fd;
}

export async function uploadRequest<R, V>(
  url: string,
  doc: TypedDocumentNode<R, V>,
  variables: V,
  files: Record<string, TestFile>,
  headers: Record<string, string> = { 'apollo-require-preflight': 'true' },
): Promise<UploadResponse<R>> {
  const res = await fetch(url, { method: 'POST', headers, body: multipartBody(doc as TypedDocumentNode<unknown, V>, variables, files) });
  const text = await res.text();
  let body: { data?: R; errors?: GraphQLFormattedError[] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, ...body };
}

/** graphql-upload's temp files (fs-capacitor) currently in os.tmpdir(). */
export const uploadTempFiles = () => readdirSync(tmpdir()).filter((f) => /^capacitor-[0-9a-f]+\.tmp$/.test(f));

export async function waitForNoTempFiles(ms = 5000): Promise<string[]> {
  const deadline = Date.now() + ms;
  let left = uploadTempFiles();
  while (left.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    left = uploadTempFiles();
  }
  return left;
}
