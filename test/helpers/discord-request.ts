import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

const FIXTURES = new URL('../fixtures/discord/', import.meta.url);

/** A literal API Gateway v2 event from `test/fixtures/discord/`, as API Gateway sends it. */
export function loadEvent(name: string): APIGatewayProxyEventV2 {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8'));
}

/** The interaction in a fixture's body (decoded when the fixture is base64). */
export function interactionOf(event: APIGatewayProxyEventV2): Record<string, unknown> {
  const body = event.body ?? '';
  return JSON.parse(event.isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body);
}

/**
 * Signs requests the way Discord does, with a key pair made fresh for each test run: the
 * public key goes into DISCORD_PUBLIC_KEY, the private key never leaves the test.
 */
export function createDiscordSigner() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    /** The raw 32-byte public key in hex, as the developer portal shows it. */
    publicKeyHex: rawPublicKeyHex(publicKey),
    /** Signature and timestamp headers for `body` (bytes as sent, before any base64). */
    sign(body: string | Buffer, timestamp = String(Math.floor(Date.now() / 1000))) {
      return { signature: signWith(privateKey, timestamp, body), timestamp };
    },
    /**
     * `event` with fresh signature headers over its raw body; `interaction` replaces the body
     * first (re-encoded as base64 when the event is).
     */
    signEvent(event: APIGatewayProxyEventV2, interaction?: unknown): APIGatewayProxyEventV2 {
      const json = interaction === undefined ? undefined : JSON.stringify(interaction);
      const body =
        json === undefined
          ? (event.body ?? '')
          : event.isBase64Encoded
            ? Buffer.from(json).toString('base64')
            : json;
      const raw = event.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body);
      const { signature, timestamp } = this.sign(raw);
      return {
        ...event,
        body,
        headers: {
          ...event.headers,
          'content-length': String(raw.length),
          'x-signature-ed25519': signature,
          'x-signature-timestamp': timestamp,
        },
      };
    },
  };
}

export type DiscordSigner = ReturnType<typeof createDiscordSigner>;

function signWith(key: KeyObject, timestamp: string, body: string | Buffer): string {
  return sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), key).toString(
    'hex',
  );
}

function rawPublicKeyHex(key: KeyObject): string {
  // An Ed25519 SPKI is a 12-byte header followed by the 32-byte key.
  return key.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
}
