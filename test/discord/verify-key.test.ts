import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyKey } from '../../src/discord/verify-key.js';
import { createDiscordSigner } from '../helpers/discord-request.js';

/** RFC 8032 section 7.1, Ed25519 TEST 1, 2 and 3: public key, message, signature (hex). */
const RFC8032 = [
  {
    name: 'TEST 1 (empty message)',
    publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    name: 'TEST 2 (one byte)',
    publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
  {
    name: 'TEST 3 (two bytes)',
    publicKey: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
    message: 'af82',
    signature:
      '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
  },
];

const body = '{"type":1}';

describe('Function: verifyKey', () => {
  it.each(RFC8032)('accepts the RFC 8032 vector $name', (v) => {
    // Discord signs timestamp + body; an empty timestamp leaves exactly the vector's message.
    expect(verifyKey(Buffer.from(v.message, 'hex'), v.signature, '', v.publicKey)).toBe(true);
  });

  it.each(RFC8032)('rejects the RFC 8032 vector $name with one signature bit flipped', (v) => {
    const flipped = (Number.parseInt(v.signature.slice(0, 2), 16) ^ 1)
      .toString(16)
      .padStart(2, '0');
    const signature = flipped + v.signature.slice(2);
    expect(verifyKey(Buffer.from(v.message, 'hex'), signature, '', v.publicKey)).toBe(false);
  });

  it("rejects an RFC 8032 vector's signature under another vector's key", () => {
    const [one, two] = RFC8032 as [(typeof RFC8032)[0], (typeof RFC8032)[0]];
    expect(verifyKey(Buffer.from(one.message, 'hex'), one.signature, '', two.publicKey)).toBe(
      false,
    );
  });

  it('accepts a body signed with a freshly generated key pair, as string or bytes', () => {
    const signer = createDiscordSigner();
    const { signature, timestamp } = signer.sign(body);
    expect(verifyKey(body, signature, timestamp, signer.publicKeyHex)).toBe(true);
    expect(verifyKey(Buffer.from(body), signature, timestamp, signer.publicKeyHex)).toBe(true);
    expect(
      verifyKey(body, signature.toUpperCase(), timestamp, signer.publicKeyHex.toUpperCase()),
    ).toBe(true);
  });

  it('rejects a tampered body, and a body signed for another timestamp', () => {
    const signer = createDiscordSigner();
    const { signature, timestamp } = signer.sign(body);
    expect(verifyKey('{"type":2}', signature, timestamp, signer.publicKeyHex)).toBe(false);
    expect(verifyKey(`${body} `, signature, timestamp, signer.publicKeyHex)).toBe(false);
    expect(verifyKey(body, signature, String(Number(timestamp) + 1), signer.publicKeyHex)).toBe(
      false,
    );
  });

  it('rejects a signature made with another key, even right after verifying with it', () => {
    const alice = createDiscordSigner();
    const mallory = createDiscordSigner();
    const forged = mallory.sign(body);
    // Warm the cache with mallory's key first: the cache must not leak into the next check.
    expect(verifyKey(body, forged.signature, forged.timestamp, mallory.publicKeyHex)).toBe(true);
    expect(verifyKey(body, forged.signature, forged.timestamp, alice.publicKeyHex)).toBe(false);
    const genuine = alice.sign(body);
    expect(verifyKey(body, genuine.signature, genuine.timestamp, alice.publicKeyHex)).toBe(true);
  });

  it('returns false, without throwing, for malformed signatures, timestamps and keys', () => {
    const signer = createDiscordSigner();
    const { signature, timestamp } = signer.sign(body);
    const key = signer.publicKeyHex;
    const cases: [unknown, unknown, unknown][] = [
      ['', timestamp, key],
      [signature.slice(0, 126), timestamp, key],
      [`${signature}00`, timestamp, key],
      [`zz${signature.slice(2)}`, timestamp, key],
      [`0x${signature.slice(2)}`, timestamp, key],
      [undefined, timestamp, key],
      [signature, undefined, key],
      [signature, 1234, key],
      [signature, timestamp, ''],
      [signature, timestamp, key.slice(2)],
      [signature, timestamp, `g${key.slice(1)}`],
      [signature, timestamp, undefined],
    ];
    for (const [sig, ts, pk] of cases) {
      expect(verifyKey(body, sig as string, ts as string, pk as string)).toBe(false);
    }
  });

  it('returns false for a 32-byte key that is not a valid curve point', () => {
    // Not every 32-byte string decodes to a point; node:crypto throws on those, verifyKey must not.
    const { privateKey } = generateKeyPairSync('ed25519');
    const signature = sign(null, Buffer.from(body), privateKey).toString('hex');
    const notAPoint = `${'ff'.repeat(31)}7f`;
    expect(() => verifyKey(body, signature, '', notAPoint)).not.toThrow();
    expect(verifyKey(body, signature, '', notAPoint)).toBe(false);
  });
});
