// SHA-256 in one call (src/domain/digest.ts), against digests computed independently
// (`printf 'abc' | sha256sum`, Python's hashlib for the UTF-8 string).
import { describe, expect, it } from 'vitest';
import { sha256, sha256Hex } from '../src/domain/digest.js';

describe('sha256', () => {
  it('known answers: FIPS 180-2 "abc", the empty string, a UTF-8 string, bytes', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('usér-用户')).toBe('d5282ac11ce1fc9c8c5822d12f78471064f6a4665a61dbb10ddf110c0e0a283b');
    expect(sha256Hex(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('abc')).toEqual(Buffer.from('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 'hex'));
  });
});
