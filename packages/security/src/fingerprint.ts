import { createHash } from 'node:crypto';

/** A fingerprint from parts; secrets go in only as part of a hash, and the hash is salted by the rule. */
export function fingerprint(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}

/** How a secret appears in reports: its first 4 characters and its length. */
export function redact(secret: string): string {
  return `${secret.slice(0, 4)}…(${secret.length} chars)`;
}
