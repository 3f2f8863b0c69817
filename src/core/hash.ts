/**
 * A content fingerprint for "this file was already imported". FNV-1a over 64 bits (two 32-bit lanes)
 * plus the length: not cryptographic, and it need not be; it must only tell two ledgers apart, and it
 * works where `crypto.subtle` is missing.
 */
export function contentHash(bytes: Uint8Array): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 ^ b, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}-${bytes.length}`;
}
