import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/**
 * DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): node:crypto takes keys as SPKI,
 * Discord hands out the bare 32-byte key, so the prefix is all that is missing.
 */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const HEX_KEY = /^[0-9a-f]{64}$/i;
const HEX_SIGNATURE = /^[0-9a-f]{128}$/i;

// One entry per process in practice; keyed so a different key is never served from the cache.
let cached: { hex: string; key: KeyObject } | undefined;

/**
 * Checks Discord's Ed25519 signature over `timestamp + rawBody` with the application's public
 * key (hex). Pure and never throws: anything malformed is simply "not verified", because
 * Discord deliberately sends bad signatures and expects a 401 for each.
 */
export function verifyKey(
  rawBody: Buffer | string,
  signature: string,
  timestamp: string,
  publicKeyHex: string,
): boolean {
  try {
    if (typeof signature !== 'string' || !HEX_SIGNATURE.test(signature)) return false;
    if (typeof timestamp !== 'string') return false;
    const key = publicKeyFor(publicKeyHex);
    if (!key) return false;
    const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
    const message = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
    return verify(null, message, key, Buffer.from(signature, 'hex'));
  } catch {
    return false;
  }
}

function publicKeyFor(hex: string): KeyObject | undefined {
  if (typeof hex !== 'string' || !HEX_KEY.test(hex)) return undefined;
  const normalized = hex.toLowerCase();
  if (cached?.hex === normalized) return cached.key;
  const key = createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(normalized, 'hex')]),
    format: 'der',
    type: 'spki',
  });
  cached = { hex: normalized, key };
  return key;
}
