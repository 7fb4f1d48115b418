/** Registers secret values with the runner so they are masked in every later log line. */
export type SecretMasker = (value: string) => void;

/**
 * Masks a value that is or contains a credential: the whole value, and each password or token
 * embedded in it (URL userinfo, `Bearer`/`Basic` schemes), so that the parts never leak alone.
 */
export function maskCredential(value: string, mask: SecretMasker): void {
  const trimmed = value.trim();
  if (trimmed === '') return;
  mask(trimmed);
  for (const part of credentialParts(trimmed)) mask(part);
}

/** The credential pieces inside a value: URL passwords and usernames, and auth-scheme tokens. */
export function credentialParts(value: string): string[] {
  const parts = new Set<string>();
  for (const m of value.matchAll(/[a-z][a-z0-9+.-]*:\/\/([^:@/\s]+)(?::([^@/\s]+))?@/gi)) {
    if (m[2]) {
      parts.add(decodeSafe(m[2]));
      parts.add(m[2]);
    } else if (m[1]) {
      parts.add(m[1]);
    }
  }
  for (const m of value.matchAll(/\b(?:Bearer|Basic|token)\s+([A-Za-z0-9._~+/=-]{8,})/g)) parts.add(m[1]!);
  return [...parts].filter((p) => p.length >= 3);
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A URL with its password (or a lone username, which may be a token) shown as `***`. */
export function redactUrl(url: string): string {
  return redactCredentials(url);
}

/** Every URL in a text with the credential in its user information shown as `***`: `https://user:***@host`. */
export function redactCredentials(text: string): string {
  // One slash too: joining a URL onto a path (`/x/https:/user:pw@host`) folds the two into one.
  return text.replace(
    /([a-z][a-z0-9+.-]*:\/\/?)([^:@/\s]*)(?::([^@/\s]*))?@/gi,
    (_m, scheme: string, user: string, pass?: string) =>
      pass !== undefined ? `${scheme}${user}:***@` : `${scheme}***@`,
  );
}
