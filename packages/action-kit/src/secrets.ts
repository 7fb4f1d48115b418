/** Registers secret values with the runner so they are masked in every later log line. */
export type SecretMasker = (value: string) => void;

/**
 * Masks a value that is or contains a credential: the whole value, and each password or token
 * embedded in it (URL userinfo, `Bearer`/`Basic` schemes), so that the parts never leak alone.
 */
export function maskCredential(value: string, mask: SecretMasker): void {
  const trimmed = value.trim();
  // Masking a value this short would hide every occurrence of it in the whole log.
  if (trimmed.length < 3) return;
  mask(trimmed);
  for (const part of credentialParts(trimmed)) mask(part);
}

/**
 * The user information of every URL in a text, found in linear time: each `:/` or `://` is a
 * candidate, its scheme read backwards (at most 32 characters) and its user information forwards
 * up to the last `@` before the next `/`, `?`, `#` or space; the runs candidates read never overlap.
 */
function* userInfos(text: string): Generator<{ start: number; end: number; user: string; pass?: string }> {
  const separator = /:\/\/?/g;
  // Greedy to the last `@` before the host, as a URL parser reads it: a password may hold a raw `@`.
  const info = /[^/\s?#]*@/y;
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    if (!/[a-z][a-z0-9+.-]*$/i.test(text.slice(Math.max(0, m.index - 32), m.index))) continue;
    const start = m.index + m[0].length;
    info.lastIndex = start;
    const u = info.exec(text);
    if (!u) continue;
    const body = u[0].slice(0, -1);
    const colon = body.indexOf(':');
    yield colon < 0
      ? { start, end: start + u[0].length, user: body }
      : { start, end: start + u[0].length, user: body.slice(0, colon), pass: body.slice(colon + 1) };
    separator.lastIndex = start + u[0].length;
  }
}

/** The credential pieces inside a value: URL passwords and usernames, and auth-scheme tokens. */
export function credentialParts(value: string): string[] {
  const parts = new Set<string>();
  for (const u of userInfos(value)) {
    if (u.pass) {
      parts.add(decodeSafe(u.pass));
      parts.add(u.pass);
    } else if (u.user) {
      parts.add(u.user);
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
  if (!text.includes(':/')) return text;
  let out = '';
  let last = 0;
  for (const u of userInfos(text)) {
    out += text.slice(last, u.start) + (u.pass !== undefined ? `${u.user}:***@` : '***@');
    last = u.end;
  }
  return out + text.slice(last);
}
