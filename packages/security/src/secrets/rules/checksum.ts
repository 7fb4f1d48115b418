// Checksums that providers document for their token formats: a candidate whose checksum does
// not hold is a look-alike (a test fixture, a hand-typed placeholder), never a real credential.

const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE) of an ASCII string. */
function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = (crc >>> 8) ^ TABLE[(crc ^ text.charCodeAt(i)) & 0xff]!;
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A number written in base 62 (0-9A-Za-z), left-padded with zeros to `width`. */
function base62(value: number, width: number): string {
  let out = '';
  for (let v = value; v > 0; v = Math.floor(v / 62)) out = BASE62[v % 62]! + out;
  return out.padStart(width, '0');
}

/**
 * GitHub's `gh?_` and npm's `npm_` tokens: 30 random characters after the 4-character prefix,
 * then the base62 CRC-32 of those 30 in the last 6 (github.blog, 2021-04-05 and 2021-09-23).
 */
export function base62Crc32Holds(secret: string): boolean {
  const body = secret.slice(4, -6);
  return body.length === 30 && base62(crc32(body), 6) === secret.slice(-6);
}

const JWT = /^eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/;

/** A base64 value that decodes to a JSON Web Token (a JWT wrapped once more, as in Kubernetes secrets). */
export function decodesToJwt(secret: string): boolean {
  return JWT.test(Buffer.from(secret, 'base64').toString('latin1'));
}
